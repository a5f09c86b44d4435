/**
 * soffice is found by absolute path only: a fake `soffice` in the current
 * folder, reachable through PATH entries "", "." or "bin", is never chosen nor
 * run; one in an absolute PATH directory is, and is run by that path.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { absolutePathDirs, docxToPdf, findSoffice } from '../../electron/core/documents/sofficePdf';
import { tempDir } from '../helpers/tempdb';

let work: ReturnType<typeof tempDir>;
let marker: string;
beforeEach(() => {
  work = tempDir('lianxi-soffice-path-');
  marker = join(work.dir, 'ran.txt');
  // The same fake in the "current folder", in its bin/, and in an absolute directory.
  for (const d of ['', 'bin', 'abs']) {
    mkdirSync(join(work.dir, d), { recursive: true });
    const fake = join(work.dir, d, 'soffice');
    writeFileSync(fake, `#!/bin/sh\necho "${d || '.'}" >> "${marker}"\n`);
    chmodSync(fake, 0o755);
  }
});
afterEach(() => work.cleanup());

/**
 * A machine whose current folder is the temp dir and which has no LibreOffice
 * installed: a relative path is looked up from the temp dir, an absolute one
 * is found only inside it. Every path asked about is recorded.
 */
function machine() {
  const asked: string[] = [];
  const exists = (p: string) => {
    asked.push(p);
    const f = resolve(work.dir, p);
    return f.startsWith(work.dir + sep) && existsSync(f);
  };
  return { asked, exists };
}

const RELATIVE_PATH = ['', '.', 'bin', './bin', '', ''].join(':');

describe('soffice by absolute path only', () => {
  it('skips empty and relative PATH entries, on Linux and on Windows', () => {
    expect(absolutePathDirs(`:.:bin:/usr/bin::./x:/opt/lo/program`, 'linux')).toEqual(['/usr/bin', '/opt/lo/program']);
    expect(
      absolutePathDirs(
        ';.;bin;C:soffice;\\tools;"C:\\Program Files\\LibreOffice\\program";\\\\srv\\share\\lo',
        'win32',
      ),
    ).toEqual(['C:\\Program Files\\LibreOffice\\program', '\\\\srv\\share\\lo']);
  });

  it('never chooses a soffice in the current folder', () => {
    const m = machine();
    expect(findSoffice({ path: RELATIVE_PATH, platform: 'linux', exists: m.exists })).toBeNull();
    expect(m.asked.length).toBeGreaterThan(0);
    expect(m.asked.filter((p) => !isAbsolute(p))).toEqual([]);
    const w = machine();
    expect(findSoffice({ path: ';.;bin', platform: 'win32', exists: w.exists })).toBeNull();
    expect(w.asked.every((p) => /^[A-Z]:\\/.test(p))).toBe(true);
  });

  const posixOnly = it.skipIf(process.platform === 'win32');

  posixOnly('chooses one in an absolute PATH directory', () => {
    const m = machine();
    const abs = join(work.dir, 'abs');
    expect(findSoffice({ path: `${RELATIVE_PATH}:${abs}`, platform: 'linux', exists: m.exists })).toBe(
      join(abs, 'soffice'),
    );
  });

  posixOnly('runs by that absolute path, and never the one in the folder', async () => {
    const none = machine();
    await expect(docxToPdf(Buffer.from('x'), { path: RELATIVE_PATH, exists: none.exists })).rejects.toThrow(
      /未找到 soffice/,
    );
    expect(existsSync(marker)).toBe(false);
    // The fake writes no PDF: the conversion fails, having run the absolute one only.
    const m = machine();
    await expect(
      docxToPdf(Buffer.from('x'), { path: `${RELATIVE_PATH}:${join(work.dir, 'abs')}`, exists: m.exists }),
    ).rejects.toThrow(/LibreOffice 转换 PDF 失败（退出码 0）/);
    expect(existsSync(marker)).toBe(true);
    expect(readFileSync(marker, 'utf8')).toBe('abs\n');
  });
});
