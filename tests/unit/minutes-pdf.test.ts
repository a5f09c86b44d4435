/**
 * LibreOffice opens the 纪要 .docx and writes a PDF without error; pdftoppm
 * renders page 1 to test-results/minutes/ to be looked at (docs/minutes-page1.png
 * is one such picture). Skipped, saying why, where LibreOffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore, tempDir } from '../helpers/tempdb';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
if (!soffice)
  console.warn(
    '[skipped] minutes-pdf: LibreOffice (soffice) is not installed here; .ci/run installs libreoffice-writer-nogui',
  );

const OUT = resolve('test-results/minutes');

describe.skipIf(!soffice)('纪要 .docx through LibreOffice', () => {
  let t: Awaited<ReturnType<typeof openTestCore>>;
  const work = tempDir('lianxi-soffice-');
  beforeAll(async () => {
    t = await openTestCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
  });
  afterAll(async () => {
    await t.cleanup();
    work.cleanup();
  });

  it('converts to PDF, and page 1 renders', async () => {
    const { meeting } = await heldMeeting(t.core);
    const r = await call(t.core, 'documents.minutesDocx', { meetingId: meeting.id });
    const docx = join(work.dir, 'minutes.docx');
    writeFileSync(docx, Buffer.from(r.dataBase64, 'base64'));
    // Its own profile folder: a first run must not depend on (or touch) the user's.
    const conv = spawnSync(
      soffice!,
      [
        `-env:UserInstallation=file://${join(work.dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work.dir,
        docx,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(conv.status, conv.stderr).toBe(0);
    const pdf = readFileSync(join(work.dir, 'minutes.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // One page of A4 for this meeting: 595 × 842 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'minutes.pdf'), pdf);
    const png = spawnSync(
      'pdftoppm',
      ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(OUT, 'minutes.pdf'), join(OUT, 'minutes-page1')],
      { encoding: 'utf8' },
    );
    if (png.error) console.warn('[skipped] pdftoppm is not installed: no PNG of page 1');
    else expect(existsSync(join(OUT, 'minutes-page1.png'))).toBe(true);
  }, 180_000);
});
