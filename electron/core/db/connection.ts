/**
 * One node-sqlite3 connection with a serialized queue in front of it.
 *
 * Why a queue: node-sqlite3 runs statements on one connection; a second
 * BEGIN fails, and a plain write issued while a transaction is open silently
 * commits or rolls back with it (docs/architecture.md, pitfall 2). So every statement
 * waits its turn on a promise chain, and a transaction holds the chain for its
 * whole duration. Statements issued *inside* a transaction's async context
 * (tracked with AsyncLocalStorage) run directly on the held connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';

/** Positional (`?`) values, or named ones (`$name` in the SQL, `{ $name: … }` here). */
export type Params = readonly unknown[] | Readonly<Record<`$${string}`, unknown>>;
export interface RunResult {
  changes: number;
  lastID: number;
}

export class SqliteError extends Error {
  constructor(
    message: string,
    readonly sqliteCode: string,
    readonly sql: string,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

function wrapError(err: Error & { code?: string }, sql: string): SqliteError {
  return new SqliteError(err.message, err.code ?? 'SQLITE_ERROR', sql);
}

export function openRaw(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (err) => (err ? reject(wrapError(err, '')) : resolve(db)));
  });
}

export class Connection {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly inTx = new AsyncLocalStorage<{ depth: number }>();
  private closed = false;
  /** Statements kept prepared (see runPrepared). */
  private readonly prepared = new Map<string, sqlite3.Statement>();

  constructor(readonly raw: sqlite3.Database) {}

  /** Runs `task` after everything queued before it; inside a transaction, at once. */
  private schedule<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('数据库已关闭'));
    if (this.inTx.getStore()) return task();
    const next = this.chain.then(task, task);
    // Keep the chain alive whatever this task's outcome; callers see the rejection.
    this.chain = next.catch(() => undefined);
    return next;
  }

  private runNow(sql: string, params: Params): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(wrapError(err, sql));
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  private allNow<T>(sql: string, params: Params): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params as unknown[], (err: Error | null, rows: T[]) =>
        err ? reject(wrapError(err, sql)) : resolve(rows),
      );
    });
  }

  private execNow(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (err) => (err ? reject(wrapError(err, sql)) : resolve()));
    });
  }

  run(sql: string, params: Params = []): Promise<RunResult> {
    return this.schedule(() => this.runNow(sql, params));
  }

  /** The statement for `sql`, prepared once on this connection and kept until it closes (see runPrepared). */
  private statement(sql: string): sqlite3.Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      this.prepared.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * Like run, for a statement that is costly to prepare and runs often (one
   * that fires triggers compiles them each time it is prepared): prepared once
   * on this connection and kept until it closes.
   */
  runPrepared(sql: string, params: Params): Promise<RunResult> {
    return this.schedule(
      () =>
        new Promise<RunResult>((resolve, reject) => {
          this.statement(sql).run(params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(wrapError(err, sql));
            else resolve({ changes: this.changes, lastID: this.lastID });
          });
        }),
    );
  }

  /** Like all, kept prepared (see runPrepared). */
  allPrepared<T = Record<string, unknown>>(sql: string, params: Params): Promise<T[]> {
    return this.schedule(
      () =>
        new Promise<T[]>((resolve, reject) => {
          this.statement(sql).all(params as unknown[], (err: Error | null, rows: T[]) =>
            err ? reject(wrapError(err, sql)) : resolve(rows),
          );
        }),
    );
  }

  all<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T[]> {
    return this.schedule(() => this.allNow<T>(sql, params));
  }

  async get<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /** Several statements without parameters (migrations, pragmas). */
  exec(sql: string): Promise<void> {
    return this.schedule(() => this.execNow(sql));
  }

  get inTransaction(): boolean {
    return this.inTx.getStore() !== undefined;
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction holding the queue. A nested call
   * joins the outer transaction (it commits or rolls back with it).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    const outer = this.inTx.getStore();
    if (outer) return fn();
    return this.schedule(async () => {
      await this.execNow('BEGIN IMMEDIATE');
      try {
        const value = await this.inTx.run({ depth: 1 }, fn);
        await this.execNow('COMMIT');
        return value;
      } catch (err) {
        await this.execNow('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /**
   * Many rows in multi-row INSERT statements of up to `batch` rows each
   * (pitfall 3: one statement per row is ~10x slower). Columns are identifiers
   * from code, never from input; values are bound parameters.
   */
  async insertMany(table: string, columns: readonly string[], rows: readonly unknown[][], batch = 200): Promise<void> {
    const maxBatch = Math.max(1, Math.min(batch, Math.floor(32000 / columns.length)));
    const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += maxBatch) {
      const chunk = rows.slice(i, i + maxBatch);
      const sql = head + chunk.map(() => tuple).join(', ');
      await this.run(sql, chunk.flat());
    }
  }

  /** Waits for queued work, then closes. Further calls reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.chain;
    this.closed = true;
    for (const stmt of this.prepared.values()) await new Promise<void>((resolve) => stmt.finalize(() => resolve()));
    this.prepared.clear();
    await new Promise<void>((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())));
  }
}
