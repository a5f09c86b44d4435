/**
 * .docx → PDF with LibreOffice, where it is installed (the CLI's --out x.pdf).
 * Runs headless with its own profile folder in a temp directory, so it neither
 * needs nor touches the user's LibreOffice settings.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../lib/errors';

const CANDIDATES = [
  ...(process.env['PATH'] ?? '')
    .split(delimiter)
    .flatMap((d) => [join(d, 'soffice'), join(d, 'soffice.exe'), join(d, 'libreoffice')]),
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

export const findSoffice = (): string | null => CANDIDATES.find((p) => existsSync(p)) ?? null;

export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice)
    throw new UserError(
      'USER_ERROR',
      '导出 PDF 需要 LibreOffice（未找到 soffice）。请安装 LibreOffice，或导出 .docx 后用 WPS/Word 另存为 PDF',
    );
  const dir = mkdtempSync(join(tmpdir(), 'lianxi-pdf-'));
  try {
    writeFileSync(join(dir, 'doc.docx'), docx);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      join(dir, 'doc.docx'),
    ];
    const code = await new Promise<number | null>((resolve, reject) => {
      const p = spawn(soffice, args, { stdio: 'ignore' });
      const timer = setTimeout(() => p.kill(), 120_000);
      p.on('error', reject);
      p.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const pdf = join(dir, 'doc.pdf');
    if (code !== 0 || !existsSync(pdf))
      throw new UserError('USER_ERROR', `LibreOffice 转换 PDF 失败（退出码 ${code}）`);
    return readFileSync(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
