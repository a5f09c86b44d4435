/** What every domain function receives: the database and who/when/where of the change. */
import { v7 as uuidv7 } from 'uuid';
import type { Connection } from './connection';
import type { Db } from './drizzle';
import { UserError } from '../lib/errors';

export interface Ctx {
  conn: Connection;
  db: Db;
  /** Current time as ISO-8601 (injectable for tests). */
  now(): string;
  clock(): Date;
  /** Who is making the change, for the audit log. */
  actor(): string;
  /** The installation's village code; throws NOT_SET_UP before first-run set-up. */
  villageCode(): string;
  /** Called by the village module when the village row changes. */
  setVillageCode(code: string | null): void;
  setActor(name: string): void;
}

export const newId = (): string => uuidv7();

export function createCtx(conn: Connection, db: Db, clock: () => Date): Ctx {
  let villageCode: string | null = null;
  let actor = '本机用户';
  return {
    conn,
    db,
    clock,
    now: () => clock().toISOString(),
    actor: () => actor,
    villageCode() {
      if (!villageCode) throw new UserError('NOT_SET_UP', '尚未设置本村信息，请先完成首次设置');
      return villageCode;
    },
    setVillageCode(code) {
      villageCode = code;
    },
    setActor(name) {
      actor = name;
    },
  };
}
