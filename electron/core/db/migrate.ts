/**
 * Schema versions and migrations.
 *
 * The schema version is the number of migrations applied; it is stamped into
 * `PRAGMA user_version` after migrating (and drizzle keeps its own journal in
 * `__drizzle_migrations`). A database whose version is above what this app
 * knows came from a newer app: it is refused before anything writes to it.
 */
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as drizzleMigrate } from 'drizzle-orm/sqlite-proxy/migrator';
import type { Connection } from './connection';
import type { Db } from './drizzle';

export interface MigrationSet {
  folder: string;
  /** Number of migrations the app ships: the app's schema version. */
  version: number;
  /** drizzle's folderMillis of the newest shipped migration. */
  newestMillis: number;
}

export function readMigrationSet(folder: string): MigrationSet {
  const files = readMigrationFiles({ migrationsFolder: folder });
  return {
    folder,
    version: files.length,
    newestMillis: files.reduce((m, f) => Math.max(m, f.folderMillis), 0),
  };
}

export interface SchemaState {
  userVersion: number;
  /** Newest drizzle journal entry in the database, 0 if none. */
  newestMillis: number;
  hasTables: boolean;
}

/** Reads the schema state without writing anything (safe on a read-only handle). */
export async function readSchemaState(conn: Connection): Promise<SchemaState> {
  const uv = await conn.get<{ user_version: number }>('PRAGMA user_version');
  const tables = await conn.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  let newestMillis = 0;
  if (tables.some((t) => t.name === '__drizzle_migrations')) {
    const row = await conn.get<{ m: number | null }>(
      'SELECT max(CAST(created_at AS INTEGER)) AS m FROM __drizzle_migrations',
    );
    newestMillis = row?.m ?? 0;
  }
  return { userVersion: uv?.user_version ?? 0, newestMillis, hasTables: tables.length > 0 };
}

export function isNewerThanApp(state: SchemaState, set: MigrationSet): boolean {
  return state.userVersion > set.version || state.newestMillis > set.newestMillis;
}

/** Applies pending migrations in one transaction and stamps the version. */
export async function applyMigrations(conn: Connection, db: Db, set: MigrationSet): Promise<number> {
  let applied = 0;
  await conn.transaction(async () => {
    await drizzleMigrate(
      db,
      async (queries) => {
        for (const q of queries) {
          if (q.trim()) await conn.exec(q);
        }
        applied = queries.filter((q) => q.startsWith('INSERT INTO `__drizzle_migrations`')).length;
      },
      { migrationsFolder: set.folder },
    );
    await conn.exec(`PRAGMA user_version = ${set.version | 0}`);
  });
  return applied;
}
