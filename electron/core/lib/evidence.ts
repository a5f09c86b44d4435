/**
 * What may be kept as evidence (佐证材料): an allowlist by extension AND by
 * content, both required — photos, PDF, OFD, Office and WPS documents without
 * macros, plain text. Everything else (programs, scripts, web pages, SVG,
 * shortcuts, disk images, macro documents, a zip renamed .docx) is refused
 * with the file's name, on the village side and when a bundle brings it to the
 * county. A name with direction-override characters ("发票\u202Efdp.html"
 * shows as 发票lmth.pdf) is refused whatever it ends with.
 */
import yauzl from 'yauzl';
import { EVIDENCE_HINT, EVIDENCE_TYPES, type EvidenceKind } from '../../../shared/projects';
import { UserError } from './errors';
import { extensionOf } from './fileStore';

type Kind = EvidenceKind;
const BY_EXTENSION: Partial<Record<string, Kind>> = EVIDENCE_TYPES;

const MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ole: 'application/x-ole-storage',
  text: 'text/plain',
};

const KIND_NAME: Record<Kind, string> = {
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  bmp: 'BMP 图片',
  heic: 'HEIC 图片',
  pdf: 'PDF 文件',
  ofd: 'OFD 版式文件',
  ooxml: 'Office 文档',
  ole: 'Office/WPS 文档',
  text: '纯文本',
};

/** Said when a name or its content is a program or a script: the words users know. */
const PROGRAM = new Set(
  [
    'exe com bat cmd scr msi msp pif cpl dll sys js jse vbs vbe wsf wsh ps1 psm1 hta',
    'lnk url reg jar sh app appimage deb rpm inf scf chm py desktop jnlp website',
  ]
    .join(' ')
    .split(' '),
);

/** Direction overrides and marks, and controls: they make a name read other than it ends. */
const HIDING_CHARS = '[\\u0000-\\u001f\\u007f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const HIDING = new RegExp(HIDING_CHARS, 'u');
const HIDING_ALL = new RegExp(HIDING_CHARS, 'gu');

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
const starts = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1']);

const HEAD: Record<Exclude<Kind, 'ooxml' | 'ofd' | 'ole' | 'text'>, (b: Buffer) => boolean> = {
  jpeg: (b) => starts(b, [0xff, 0xd8, 0xff]),
  png: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  gif: (b) => ascii(b, 0, 4) === 'GIF8',
  webp: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  bmp: (b) => ascii(b, 0, 2) === 'BM',
  heic: (b) => ascii(b, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(b, 8, 12)),
  pdf: (b) => ascii(b, 0, 5) === '%PDF-',
};

/** A thumbnail the UI made: JPEG or PNG. */
export const isThumbnail = (b: Buffer) => HEAD.jpeg(b) || HEAD.png(b);

/** Programs by content: Windows PE, ELF, Mach-O, a script with #!. */
export function looksRunnable(b: Buffer): boolean {
  return (
    ascii(b, 0, 2) === 'MZ' ||
    starts(b, [0x7f, 0x45, 0x4c, 0x46]) ||
    starts(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    starts(b, [0xca, 0xfe, 0xba, 0xbe]) ||
    ascii(b, 0, 2) === '#!'
  );
}

/** The zip's entry names, read from its central directory (nothing is inflated). */
function zipNames(data: Buffer): Promise<string[] | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: true, validateEntrySizes: false }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        if (names.length > 20000) return (zip.close(), resolve(null));
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

/** An OLE compound file's directory names are UTF-16: a VBA project's streams are called _VBA_PROJECT…. */
const VBA_OLE = Buffer.from('_VBA_PROJECT', 'utf16le');
const MACRO_PART = /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)activeX\//i;

async function containerFault(kind: 'ooxml' | 'ofd' | 'ole', data: Buffer): Promise<string | null> {
  if (kind === 'ole') {
    if (!starts(data, OLE)) return 'content';
    return data.includes(VBA_OLE) ? 'macro' : null;
  }
  if (!starts(data, ZIP)) return 'content';
  const names = await zipNames(data);
  if (!names) return 'content';
  if (kind === 'ofd') return names.some((n) => /^OFD\.xml$/i.test(n)) ? null : 'content';
  if (!names.includes('[Content_Types].xml')) return 'content';
  return names.some((n) => MACRO_PART.test(n)) ? 'macro' : null;
}

/** Plain text: no NUL byte and no program's head in the first 64 KB (UTF-8 or GBK both pass). */
const isText = (b: Buffer) => !b.subarray(0, 65536).includes(0) && !looksRunnable(b);

/**
 * Checks a file offered as evidence; returns its MIME type or throws a
 * UserError naming it (`field` for the form that offered it).
 */
export async function checkEvidence(fileName: string, data: Buffer, field = 'fileName'): Promise<string> {
  const name = fileName.trim();
  function refuse(why: string): never {
    throw new UserError('USER_ERROR', `“${name.replace(HIDING_ALL, '�')}”${why}`, field);
  }
  if (HIDING.test(name)) refuse('的文件名含有改变文字方向的隐藏字符或控制字符，不能作为附件');
  const ext = extensionOf(name);
  if (PROGRAM.has(ext) || looksRunnable(data)) refuse('是可执行程序或脚本，不能作为附件');
  const kind = BY_EXTENSION[ext];
  if (!kind) refuse(`不是允许的附件类型：${EVIDENCE_HINT}`);
  if (kind === 'ooxml' || kind === 'ofd' || kind === 'ole') {
    const fault = await containerFault(kind, data);
    if (fault === 'macro') refuse('含有宏或控件，不能作为附件（请另存为不含宏的格式后再添加）');
    if (fault) refuse(`的内容不是${KIND_NAME[kind]}（扩展名与内容不符）`);
    return MIME[kind === 'ooxml' ? ext : kind]!;
  }
  if (kind === 'text') return isText(data) ? MIME['text']! : refuse('的内容不是纯文本（扩展名与内容不符）');
  if (!HEAD[kind](data)) refuse(`的内容不是${KIND_NAME[kind]}（扩展名与内容不符）`);
  return MIME[kind]!;
}

/** Whether a stored file may be opened with the system's program (rows kept from before the allowlist). */
export const openableName = (fileName: string) =>
  !HIDING.test(fileName) && BY_EXTENSION[extensionOf(fileName)] !== undefined;
