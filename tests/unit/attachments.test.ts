/** Attachments: copied into the data folder under their SHA-256, once; executables refused; thumbnails kept. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseChecksum } from '../helpers/checksum';
import { call, openTestCore } from '../helpers/tempdb';

// A real 1×1 PNG and the smallest JPEG header: enough for content sniffing.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

describe('attachments', () => {
  let t: Awaited<ReturnType<typeof openTestCore>>;
  let projectId: string;
  beforeEach(async () => {
    t = await openTestCore();
    projectId = (await call(t.core, 'projects.create', { year: 2026, title: '村道硬化', category: '基础设施' })).id;
  });
  afterEach(() => t.cleanup());

  it('stores the bytes under their hash beside the database, once, with a thumbnail', async () => {
    const sha = createHash('sha256').update(PNG).digest('hex');
    const a = await call(t.core, 'attachments.add', {
      projectId,
      fileName: '施工现场.PNG',
      dataBase64: PNG.toString('base64'),
      thumbBase64: JPEG.toString('base64'),
    });
    expect(a).toMatchObject({
      fileName: '施工现场.PNG',
      sha256: sha,
      bytes: PNG.length,
      mime: 'image/png',
      milestoneId: null,
    });
    expect(a.thumb).toBe(`data:image/jpeg;base64,${JPEG.toString('base64')}`);
    const stored = join(t.dir, 'attachments', sha.slice(0, 2), `${sha}.png`);
    expect(readFileSync(stored).equals(PNG)).toBe(true);
    // Same content again: a second row, one file.
    await call(t.core, 'attachments.add', { projectId, fileName: '副本.png', dataBase64: PNG.toString('base64') });
    expect(readdirSync(join(t.dir, 'attachments', sha.slice(0, 2))).filter((f) => !f.includes('thumb'))).toEqual([
      `${sha}.png`,
    ]);
    const d = await call(t.core, 'projects.get', { id: projectId });
    expect(d.attachments.map((x) => x.fileName)).toEqual(['施工现场.PNG', '副本.png']);
    // Opening without a host (CLI, harness) says it could not, and where the file is.
    expect(await call(t.core, 'attachments.open', { id: a.id })).toEqual({ opened: false, path: stored });
    await call(t.core, 'attachments.remove', { id: a.id });
    expect((await call(t.core, 'projects.get', { id: projectId })).attachments).toHaveLength(1);
    expect(existsSync(stored)).toBe(true);
  });

  it('attaches to a milestone of the same project only', async () => {
    const m = await call(t.core, 'milestones.add', { projectId, title: '路基' });
    const a = await call(t.core, 'attachments.add', {
      projectId,
      milestoneId: m.id,
      fileName: '验收单.pdf',
      dataBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64'),
    });
    expect(a).toMatchObject({ milestoneId: m.id, mime: 'application/pdf', thumb: null });
    const other = await call(t.core, 'projects.create', { year: 2026, title: '路灯', category: '基础设施' });
    const r = await t.core.dispatch('attachments.add', {
      projectId: other.id,
      milestoneId: m.id,
      fileName: 'x.pdf',
      dataBase64: Buffer.from('%PDF-1.4').toString('base64'),
    });
    expect(r).toMatchObject({ ok: false, error: { message: '该节点不属于这个项目' } });
  });

  it('refuses programs, bad base64 and a fake thumbnail, writing nothing', async () => {
    const before = await databaseChecksum(t.core.database.conn);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ fileName: '照片.exe', dataBase64: PNG.toString('base64') }, /可执行程序/],
      [{ fileName: '照片.jpg', dataBase64: Buffer.from('MZ\x90\x00program').toString('base64') }, /可执行程序/],
      [{ fileName: 'run.LNK', dataBase64: Buffer.from('x').toString('base64') }, /可执行程序/],
      [{ fileName: '照片.jpg', dataBase64: '不是base64' }, /base64/],
      [
        {
          fileName: '照片.png',
          dataBase64: PNG.toString('base64'),
          thumbBase64: Buffer.from('<svg/>').toString('base64'),
        },
        /缩略图应为/,
      ],
    ];
    for (const [req, message] of cases) {
      const r = await t.core.dispatch('attachments.add', { projectId, ...req });
      expect(r.ok, JSON.stringify(req)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(await databaseChecksum(t.core.database.conn)).toBe(before);
    expect(existsSync(join(t.dir, 'attachments'))).toBe(false);
  });
});
