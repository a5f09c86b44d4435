/** docs/architecture.md, pitfall 2: one connection; transactions never interleave with other writes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore({ setup: false });
  await t.core.database.conn.exec('CREATE TABLE w (id INTEGER PRIMARY KEY, writer TEXT NOT NULL, n INTEGER NOT NULL)');
});
afterEach(() => t.cleanup());

describe('the connection queue', () => {
  it('five concurrent writers and one throwing transaction leave exactly the acknowledged writes', async () => {
    const conn = t.core.database.conn;
    const acked: string[] = [];
    const writer = async (name: string) => {
      for (let n = 0; n < 40; n++) {
        await conn.run('INSERT INTO w (writer, n) VALUES (?, ?)', [name, n]);
        acked.push(`${name}:${n}`);
        if (n % 7 === 0) await new Promise((r) => setImmediate(r));
      }
    };
    const failing = conn.transaction(async () => {
      for (let n = 0; n < 30; n++) {
        await conn.run('INSERT INTO w (writer, n) VALUES (?, ?)', ['tx', n]);
        // Yield so the other writers queue up while the transaction is open.
        await new Promise((r) => setTimeout(r, 1));
      }
      throw new Error('rolled back on purpose');
    });
    const results = await Promise.allSettled([
      writer('a'),
      failing,
      writer('b'),
      writer('c'),
      writer('d'),
      writer('e'),
    ]);
    expect(results[1]).toMatchObject({ status: 'rejected' });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const rows = await conn.all<{ writer: string; n: number }>('SELECT writer, n FROM w ORDER BY writer, n');
    expect(rows.map((r) => `${r.writer}:${r.n}`).sort()).toEqual([...acked].sort());
    expect(rows.some((r) => r.writer === 'tx')).toBe(false);
    expect(rows).toHaveLength(200);
  });

  it('two transactions started at once both commit, one after the other', async () => {
    const conn = t.core.database.conn;
    const tx = (name: string) =>
      conn.transaction(async () => {
        for (let n = 0; n < 10; n++) {
          await conn.run('INSERT INTO w (writer, n) VALUES (?, ?)', [name, n]);
          await new Promise((r) => setTimeout(r, 1));
        }
      });
    await Promise.all([tx('x'), tx('y')]);
    const rows = await conn.all<{ writer: string }>('SELECT writer FROM w ORDER BY id');
    // Not interleaved: all of one, then all of the other.
    const order = rows.map((r) => r.writer).join('');
    expect(['x'.repeat(10) + 'y'.repeat(10), 'y'.repeat(10) + 'x'.repeat(10)]).toContain(order);
  });

  it('a nested transaction joins the outer one and rolls back with it', async () => {
    const conn = t.core.database.conn;
    await expect(
      conn.transaction(async () => {
        await conn.run('INSERT INTO w (writer, n) VALUES (?, ?)', ['outer', 1]);
        await conn.transaction(async () => conn.run('INSERT INTO w (writer, n) VALUES (?, ?)', ['inner', 1]));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await conn.all('SELECT * FROM w')).toEqual([]);
  });

  it('close waits for queued work, and later calls are refused', async () => {
    const conn = t.core.database.conn;
    const pending = conn.run('INSERT INTO w (writer, n) VALUES (?, ?)', ['late', 1]);
    await t.core.close();
    await pending;
    await expect(conn.run('SELECT 1')).rejects.toThrow('数据库已关闭');
  });
});
