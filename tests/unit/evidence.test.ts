/**
 * Evidence is an allowlist, by extension and by content: what a village may
 * attach, what the system may open, and what a bundle may bring to the county.
 * Each hostile file is refused naming it, nothing is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBundleFile } from '../../electron/core/exchange/service';
import { type BundleError, readBundle } from '../../electron/core/exchange/reader';
import { exportTo, resign, writeZip, type ZipEntry } from '../helpers/bundles';
import { jsonl, withRows } from '../helpers/badBundles';
import { databaseChecksum } from '../helpers/checksum';
import { call, openTestCore, tempDir, TEST_COUNTY } from '../helpers/tempdb';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(60)]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic')]);
const ole = (...streams: string[]) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    ...streams.map((s) => Buffer.from(s, 'utf16le')),
  ]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const w = tempDir('lianxi-zip-');
  try {
    const path = join(w.dir, 'x.zip');
    await writeZip(
      path,
      Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text) })),
    );
    return (await import('node:fs')).readFileSync(path);
  } finally {
    w.cleanup();
  }
}
const ooxml = (more: Record<string, string> = {}) =>
  zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', ...more });

let t: Awaited<ReturnType<typeof openTestCore>>;
let projectId: string;
const opened: string[] = [];
beforeEach(async () => {
  opened.length = 0;
  t = await openTestCore({ host: { openPath: async (p: string) => (opened.push(p), true) } });
  projectId = (await call(t.core, 'projects.create', { year: 2026, title: '村道硬化', category: '基础设施' })).id;
});
afterEach(async () => {
  await t.cleanup();
});
const add = (fileName: string, data: Buffer) =>
  t.core.dispatch('attachments.add', { projectId, fileName, dataBase64: data.toString('base64') });

describe('what a village may attach', () => {
  it('keeps photos, PDF, OFD, Office and WPS documents without macros, and plain text', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRow(['项目', '进度']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const allowed: [string, Buffer, string][] = [
      ['现场.png', PNG, 'image/png'],
      ['现场.JPG', JPEG, 'image/jpeg'],
      ['手机照片.heic', HEIC, 'image/heic'],
      ['验收单.pdf', PDF, 'application/pdf'],
      ['电子发票.ofd', await zipOf({ 'OFD.xml': '<ofd:OFD/>' }), 'application/ofd'],
      ['会议通知.docx', await ooxml(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['台账.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['旧通知.doc', ole('Root Entry', 'WordDocument'), 'application/x-ole-storage'],
      ['预算.et', ole('Root Entry', 'Workbook'), 'application/x-ole-storage'],
      ['说明.txt', Buffer.from('村道硬化说明\r\n长 1.2 公里', 'utf8'), 'text/plain'],
      ['名单.csv', Buffer.from([0xb4, 0xe5, 0xc3, 0xfb, 0x2c, 0x0a]), 'text/plain'], // GBK “村名,”
    ];
    for (const [name, data, mime] of allowed) {
      const r = await add(name, data);
      expect(r.ok ? (r.value as { mime: string }).mime : r.error.message, name).toBe(mime);
    }
  });

  it('refuses everything else, naming the file, and writes nothing', async () => {
    const before = await databaseChecksum(t.core.database.conn);
    const refused: [string, Buffer, RegExp][] = [
      ...['exe', 'lnk', 'url', 'hta', 'js', 'vbs', 'py', 'desktop', 'jnlp', 'website'].map(
        (ext): [string, Buffer, RegExp] => [`材料.${ext}`, Buffer.from('[InternetShortcut]'), /可执行程序或脚本/],
      ),
      ...['html', 'mht', 'svg', 'docm', 'xlsm', 'xll', 'iso', 'vhd', 'zip', 'rar', ''].map(
        (ext): [string, Buffer, RegExp] => [ext ? `材料.${ext}` : '材料', PDF, /不是允许的附件类型：只收照片/],
      ),
      ['发票\u202Efdp.html', PDF, /文件名含有改变文字方向的隐藏字符/],
      ['发票\u202Egpj.pdf', PDF, /文件名含有改变文字方向的隐藏字符/],
      ['照片.jpg', EXE, /可执行程序或脚本/],
      ['说明.txt', Buffer.from('#!/bin/sh\nrm -rf ~\n'), /可执行程序或脚本/],
      ['照片.png', JPEG, /的内容不是PNG 图片（扩展名与内容不符）/],
      ['验收单.pdf', PNG, /的内容不是PDF 文件/],
      ['会议通知.docx', await zipOf({ 'word/document.xml': '<w:document/>' }), /的内容不是Office 文档/],
      ['会议通知.docx', PDF, /的内容不是Office 文档/],
      ['宏.docx', await ooxml({ 'word/vbaProject.bin': 'VBA' }), /含有宏或控件/],
      ['控件.xlsx', await ooxml({ 'xl/activeX/activeX1.xml': '<ax/>' }), /含有宏或控件/],
      ['宏.xls', ole('Root Entry', '_VBA_PROJECT_CUR', 'VBA'), /含有宏或控件/],
      ['宏.wps', ole('Root Entry', 'Macros', '_VBA_PROJECT'), /含有宏或控件/],
      ['假.ofd', await zipOf({ 'Doc_0/Document.xml': '<x/>' }), /的内容不是OFD 版式文件/],
      ['数据.txt', Buffer.from([0x41, 0x00, 0x42]), /的内容不是纯文本/],
    ];
    for (const [name, data, why] of refused) {
      const r = await add(name, data);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.message, name).toMatch(why);
      expect(r.error.message, name).toContain(`“${name.replace(/\u202E/g, '�')}”`);
    }
    expect(await databaseChecksum(t.core.database.conn)).toBe(before);
    expect(existsSync(join(t.dir, 'attachments'))).toBe(false);
  });

  it('never hands a stored file of a type outside the list to the system’s program', async () => {
    const ok = await call(t.core, 'attachments.add', {
      projectId,
      fileName: '验收单.pdf',
      dataBase64: PDF.toString('base64'),
    });
    expect(await call(t.core, 'attachments.open', { id: ok.id })).toMatchObject({ opened: true });
    expect(opened).toHaveLength(1);
    // A row kept from before the allowlist (or written by an older version).
    await t.core.database.conn.run("UPDATE attachments SET file_name = '通知.html' WHERE id = ?", [ok.id]);
    const r = await t.core.dispatch('attachments.open', { id: ok.id });
    expect(r).toMatchObject({ ok: false, error: { message: '“通知.html”不是允许打开的附件类型，未交给系统程序打开' } });
    expect(opened).toHaveLength(1);
  });
});

describe('what a bundle may bring to the county', () => {
  let county: Awaited<ReturnType<typeof openTestCore>>;
  let work: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    county = await openTestCore({ setupAs: TEST_COUNTY });
    work = tempDir('lianxi-evidence-');
    await call(t.core, 'attachments.add', { projectId, fileName: '现场.png', dataBase64: PNG.toString('base64') });
  });
  afterEach(async () => {
    await county.cleanup();
    work.cleanup();
  });

  /** The bundle with its one attachment named `name` and holding `data`. */
  async function bundleWith(name: string, data: Buffer): Promise<string> {
    const good = await exportTo(t.core, work.dir, 'good.lxb');
    const row = jsonl(good.entries, 'attachments')[0]!;
    let entries: ZipEntry[] = good.entries.filter((e) => !e.name.startsWith('attachments/'));
    entries.push({ name: `attachments/${sha(data)}`, data });
    entries = withRows(entries, 'attachments', [{ ...row, file_name: name, sha256: sha(data), bytes: data.length }]);
    const path = join(work.dir, `${sha(Buffer.from(name)).slice(0, 8)}.lxb`);
    await writeZip(path, await resign(t.core, entries));
    return path;
  }

  it('refuses a bundle whose attachment is a program, a web page or a mislabelled file, naming it', async () => {
    const before = await databaseChecksum(county.core.database.conn);
    const cases: [string, Buffer, RegExp][] = [
      ['setup.exe', EXE, /“setup\.exe”是可执行程序或脚本/],
      ['现场.png', EXE, /“现场\.png”是可执行程序或脚本/],
      ['通知.html', Buffer.from('<script>alert(1)</script>'), /“通知\.html”不是允许的附件类型/],
      ['图.svg', Buffer.from('<svg onload="alert(1)"/>'), /“图\.svg”不是允许的附件类型/],
      ['快捷方式.lnk', Buffer.from([0x4c, 0, 0, 0]), /“快捷方式\.lnk”是可执行程序或脚本/],
      ['发票\u202Efdp.html', PDF, /文件名含有改变文字方向的隐藏字符/],
      ['宏.docx', await ooxml({ 'word/vbaProject.bin': 'VBA' }), /“宏\.docx”含有宏或控件/],
    ];
    for (const [name, data, why] of cases) {
      const path = await bundleWith(name, data);
      const err = await readBundle(path).then(
        (b) => (b.dispose(), null),
        (e: unknown) => e as BundleError,
      );
      expect(err?.code, name).toBe('ATTACHMENT_TYPE');
      expect(err?.message, name).toMatch(/data\/attachments\.jsonl 第 1 行的附件/);
      expect(err?.message, name).toMatch(why);
      const outcome = await importBundleFile(county.core.ctx, path, {
        acceptNewKey: true,
        attachmentsDir: county.core.attachmentsDir(),
        backup: async () => (await county.core.backupNow('before-bundle-import')).file,
      });
      expect(outcome.status, name).toBe('refused');
    }
    expect(await databaseChecksum(county.core.database.conn)).toBe(before);
    const dir = county.core.attachmentsDir();
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('a good one is imported; the county cannot hand the village’s file to its own programs', async () => {
    const path = await bundleWith('现场照片.png', PNG);
    const outcome = await importBundleFile(county.core.ctx, path, {
      acceptNewKey: true,
      attachmentsDir: county.core.attachmentsDir(),
      backup: async () => (await county.core.backupNow('before-bundle-import')).file,
    });
    expect(outcome.status).toBe('applied');
    const row = await county.core.database.conn.get<{ id: string }>('SELECT id FROM attachments');
    const r = await county.core.dispatch('attachments.open', { id: row!.id });
    expect(r.ok).toBe(false);
  });
});
