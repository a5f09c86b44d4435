/**
 * Work on files from outside runs in a worker thread with its own memory
 * limit and a time limit: a hostile file at worst ends that worker (out of
 * memory, or too slow), and the app goes on. Built, the worker is its own
 * entry beside the main bundle (electron.vite.config.ts); from the TypeScript
 * sources (tests, the CLI under tsx) it runs through tsx's loader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type WorkerName = 'sheetWorker' | 'bundleWorker';

export interface WorkerLimits {
  /** The worker's heap (V8's old generation), in MB. */
  heapMb: number;
  timeoutMs: number;
}

/** Why a worker gave no answer: it ran out of its memory, out of time, or stopped. */
export class WorkerFailure extends Error {
  constructor(
    readonly reason: 'MEMORY' | 'TIMEOUT' | 'CRASH',
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkerFailure';
  }
}

/** tsx's loader API, found from this file up (a dev dependency: only the sources need it). */
function tsxApi(from: string): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', 'tsx', 'package.json');
    if (!existsSync(pkg)) continue;
    const exports = (
      JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
    ).exports;
    return pathToFileURL(join(dirname(pkg), exports['./esm/api']!.import.default)).href;
  }
  throw new WorkerFailure('CRASH', '找不到 tsx（从源码运行时需要）');
}

function workerOf(name: WorkerName, options: ConstructorParameters<typeof Worker>[1]): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = new URL(`./${name}.ts`, here).href;
    const tsx = tsxApi(fileURLToPath(here));
    const code =
      `import(${JSON.stringify(tsx)})` + `.then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
    return new Worker(code, { ...options, eval: true });
  }
  // Built: the worker's entry sits beside the bundle that holds this code (or one folder up, from a chunk).
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url, options);
  }
  throw new WorkerFailure('CRASH', `找不到程序文件 ${name}.js`);
}

const failureOf = (err: Error & { code?: string }) =>
  new WorkerFailure(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'MEMORY' : 'CRASH', err.message);

/** Runs `name` on `data` (`bytes` moved, not copied) and resolves with the first message it posts. */
export function runWorker<T>(name: WorkerName, bytes: Uint8Array, limits: WorkerLimits): Promise<T> {
  // A fresh buffer of its own: a Buffer may share its memory with others, which must not be moved away.
  const own = new Uint8Array(bytes);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const worker = workerOf(name, {
      workerData: { bytes: own },
      transferList: [own.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 48 },
      stdout: false,
      stderr: false,
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(new WorkerFailure('TIMEOUT', `${limits.timeoutMs} ms`))),
      limits.timeoutMs,
    );
    worker.once('message', (m: T) => finish(() => resolve(m)));
    worker.once('error', (err: Error & { code?: string }) => finish(() => reject(failureOf(err))));
    worker.once('exit', (code) => finish(() => reject(new WorkerFailure('CRASH', `exit ${code}`))));
  });
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * A worker kept for many tasks (a county imports 200 bundles: one start, not
 * 200), each task a message `{ id, ...task }` answered by `{ id, ...result }`.
 * A task that runs out of time or memory ends the worker and fails with a
 * WorkerFailure (so do the others it held); the next task starts a new one.
 * Idle, it does not keep the process alive.
 */
export class TaskWorker<Task extends object, Result> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(
    private readonly name: WorkerName,
    private readonly limits: WorkerLimits,
  ) {}

  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Result> {
    const worker = this.started();
    const id = ++this.seq;
    return new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(new WorkerFailure('TIMEOUT', `${this.limits.timeoutMs} ms`));
      }, this.limits.timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      worker.ref();
      worker.postMessage({ id, ...task }, transfer);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = workerOf(this.name, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 48 },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (m: { id: number }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) worker.unref();
      p.resolve(m);
    });
    worker.once('error', (err: Error & { code?: string }) => this.stop(failureOf(err), worker));
    worker.once('exit', (code) => this.stop(new WorkerFailure('CRASH', `exit ${code}`), worker));
    this.worker = worker;
    return worker;
  }

  /** Ends an idle worker and waits until its memory is given back (after a large task); the next task starts anew. */
  async retire(): Promise<void> {
    const w = this.worker;
    if (!w || this.pending.size > 0) return;
    this.worker = null;
    await w.terminate();
  }

  /** Ends the worker; every task it held fails with `why`. */
  stop(why: Error = new WorkerFailure('CRASH', 'stopped'), which: Worker | null = this.worker): void {
    if (!which || which !== this.worker) return;
    this.worker = null;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(why);
    }
    this.pending.clear();
    void which.terminate();
  }
}
