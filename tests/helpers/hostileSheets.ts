/**
 * Hostile .xlsx files made in the tests: a plain zip writer (so an entry can
 * claim any size and reuse one compressed payload) and the few XML parts a
 * workbook needs, written by hand so a million rows cost a string, not a
 * spreadsheet library's model.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Deflated bytes and what they inflate to. */
  deflated: Buffer;
  size: number;
  crc: number;
}

export const entry = (name: string, data: Buffer | string): RawEntry => {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

/** `size` zero bytes deflated without holding them: for a part no reader should inflate. */
export async function zeros(size: number): Promise<{ deflated: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1 << 20);
  const z = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!z.write(part)) await new Promise((resolve) => z.once('drain', resolve));
  }
  z.end();
  await done;
  return { deflated: Buffer.concat(out), size, crc };
}

/** A zip of deflated entries (no zip64: every size under 4 GB). */
export function zip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The parts every workbook needs, for `sheets` sheets (xl/worksheets/sheet1.xml …), with a date style (s="1"). */
export function workbookParts(sheets: string[], shared?: string[]): RawEntry[] {
  const types = [
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    `<Override PartName="/xl/workbook.xml" ContentType="${SML}.sheet.main+xml"/>`,
    ...sheets.map(
      (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SML}.worksheet+xml"/>`,
    ),
    `<Override PartName="/xl/styles.xml" ContentType="${SML}.styles+xml"/>`,
    shared ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${SML}.sharedStrings+xml"/>` : '',
    '</Types>',
  ].join('');
  const rels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${xmlHead}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets
    .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const wbRels = `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rId90" Type="${REL}/styles" Target="styles.xml"/>${
    shared ? `<Relationship Id="rId91" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''
  }</Relationships>`;
  const styles =
    `${xmlHead}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/></font></fonts>` +
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>' +
    '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
  const out = [
    entry('[Content_Types].xml', types),
    entry('_rels/.rels', rels),
    entry('xl/workbook.xml', workbook),
    entry('xl/_rels/workbook.xml.rels', wbRels),
    entry('xl/styles.xml', styles),
  ];
  if (shared)
    out.push(
      entry(
        'xl/sharedStrings.xml',
        `${xmlHead}<sst xmlns="${NS}" count="${shared.length}" uniqueCount="${shared.length}">${shared
          .map((s) => `<si><t>${s}</t></si>`)
          .join('')}</sst>`,
      ),
    );
  return out;
}

/** A worksheet part from rows of XML cells (`<c …/>` strings, already with their references). */
export function sheetXml(rows: Iterable<[number, string]>): string {
  const parts = [`${xmlHead}<worksheet xmlns="${NS}"><sheetData>`];
  for (const [r, cells] of rows) parts.push(`<row r="${r}">${cells}</row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

export const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const numberCell = (ref: string, n: number, dateStyle = false) =>
  `<c r="${ref}"${dateStyle ? ' s="1"' : ''}><v>${n}</v></c>`;
export const sharedCell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;

/** A ledger header (项目名称, 项目类别, 责任人, 完成时限) on row 1. */
export const LEDGER_HEADER: [number, string] = [
  1,
  [textCell('A1', '项目名称'), textCell('B1', '项目类别'), textCell('C1', '责任人'), textCell('D1', '完成时限')].join(
    '',
  ),
];
