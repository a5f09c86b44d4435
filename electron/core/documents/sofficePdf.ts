/**
 * .docx → PDF with LibreOffice, where it is installed (the CLI's --out x.pdf).
 * Runs headless with its own profile folder in a temp directory, so it neither
 * needs nor touches the user's LibreOffice settings.
 *
 * The program is found by absolute path only: PATH entries that are absolute
 * directories (an empty entry, "." or "bin" mean the current folder, where a
 * downloaded `soffice` may sit), then the places LibreOffice installs itself.
 * It is started by that path, with the same absolute-only PATH.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../lib/errors';

const INSTALLED = {
  win32: [
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  ],
  darwin: [
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    '/opt/homebrew/bin/soffice',
    '/usr/local/bin/soffice',
  ],
  posix: [
    '/usr/bin/soffice',
    '/usr/bin/libreoffice',
    '/usr/local/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/snap/bin/libreoffice',
  ],
};

export interface SofficeLookup {
  /** The PATH to search (default: this process's). */
  path?: string;
  /** Whose path rules apply (default: this machine's). */
  platform?: NodeJS.Platform;
  /** Whether a program file is there (default: a regular file exists). */
  exists?: (file: string) => boolean;
}

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/** C:\… or \\server\share\… on Windows, /… elsewhere; "C:foo" and "\foo" depend on the current drive. */
const isAbsoluteDir = (d: string, platform: NodeJS.Platform) =>
  platform === 'win32' ? /^([A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/.test(d) : d.startsWith('/');

/** The PATH entries that name a directory by absolute path, in order. */
export function absolutePathDirs(path: string, platform: NodeJS.Platform = process.platform): string[] {
  return path
    .split(platform === 'win32' ? ';' : ':')
    .map((d) => (platform === 'win32' ? d.trim().replace(/^"(.*)"$/, '$1') : d))
    .filter((d) => isAbsoluteDir(d, platform));
}

/** soffice's absolute path, or null when LibreOffice is not installed. */
export function findSoffice(lookup: SofficeLookup = {}): string | null {
  const platform = lookup.platform ?? process.platform;
  const exists = lookup.exists ?? isFile;
  const p = platform === 'win32' ? win32 : posix;
  const names = platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  const candidates = [
    ...absolutePathDirs(lookup.path ?? process.env['PATH'] ?? '', platform).flatMap((d) =>
      names.map((n) => p.join(d, n)),
    ),
    ...(platform === 'win32' ? INSTALLED.win32 : platform === 'darwin' ? INSTALLED.darwin : []),
    ...(platform === 'win32' ? [] : INSTALLED.posix),
  ];
  return candidates.find((c) => p.isAbsolute(c) && exists(c)) ?? null;
}

/** This process's environment with PATH cut to its absolute entries (soffice is a shell script on Linux). */
function childEnv(): NodeJS.ProcessEnv {
  const key = Object.keys(process.env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const dirs = absolutePathDirs(process.env[key] ?? '');
  return { ...process.env, [key]: dirs.join(process.platform === 'win32' ? ';' : ':') };
}

export async function docxToPdf(docx: Buffer, lookup: SofficeLookup = {}): Promise<Buffer> {
  const soffice = findSoffice(lookup);
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
      const p = spawn(soffice, args, { stdio: 'ignore', cwd: dir, env: childEnv() });
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
