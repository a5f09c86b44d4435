/**
 * The first look at an .xlsx from outside, before any spreadsheet library sees
 * it: the zip's directory read, only the parts a table needs inflated (the
 * workbook, its relations, styles for dates, shared strings, the sheets) —
 * every other part skipped without inflating — and every part counted while it
 * inflates against limits (bytes, rows, cells, shared strings), so a hostile
 * file is refused after reading at most a limit's worth, not after building it
 * in memory. What passes is repacked (stored, uncompressed) for the reader.
 */
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

export const SHEET_LIMITS = {
  /** Parts in the zip's directory. */
  entries: 2_000,
  /** One part, inflated. */
  partBytes: 96 * 1024 * 1024,
  /** All parts kept, inflated. */
  totalBytes: 192 * 1024 * 1024,
  /** Rows in one sheet. */
  rows: 50_000,
  /** Cells with content in the whole workbook. */
  cells: 2_000_000,
  /** Shared strings. */
  sharedStrings: 1_000_000,
  /** Columns a table may use. */
  columns: 200,
  /**
   * Characters kept of one cell's text (the longest field takes 2,000):
   * longer is cut with a mark, so its field refuses it.
   */
  cellChars: 2_000,
} as const;

/** A refusal while reading; `why` completes "文件“x”…". */
export class SheetRefusal extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'SheetRefusal';
  }
}

const KEPT = [
  /^\[content_types\]\.xml$/i,
  /^_rels\/\.rels$/i,
  /^xl\/workbook\.xml$/i,
  /^xl\/_rels\/workbook\.xml\.rels$/i,
  /^xl\/styles\.xml$/i,
  /^xl\/sharedstrings\.xml$/i,
  /^xl\/worksheets\/[^/]+\.xml$/i,
];
const isSheet = (name: string) => /^xl\/worksheets\//i.test(name);
const isShared = (name: string) => /^xl\/sharedstrings\.xml$/i.test(name);

/** Counts an XML tag across chunk boundaries (a match is counted once, in the chunk where it ends). */
class TagCounter {
  private tail = '';
  count = 0;
  constructor(private readonly pattern: RegExp) {}
  feed(chunk: Buffer): number {
    const text = this.tail + chunk.toString('latin1');
    const re = new RegExp(this.pattern.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) if (m.index + m[0].length > this.tail.length) this.count++;
    this.tail = text.slice(-8);
    return this.count;
  }
}

const MB = 1024 * 1024;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('zip')) : resolve(zip)),
    ),
  );
}

function entries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      if (out.length > SHEET_LIMITS.entries)
        return reject(new SheetRefusal(`内部有超过 ${SHEET_LIMITS.entries} 个部件，不像是正常的表格`));
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', reject);
    zip.readEntry();
  });
}

interface Budget {
  total: number;
  cells: number;
}

/** Inflates one part, counting its bytes and (for sheets and shared strings) its rows, cells and strings. */
async function inflate(zip: yauzl.ZipFile, e: yauzl.Entry, budget: Budget): Promise<Buffer> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(e, (err, s) => (err || !s ? reject(err ?? new Error('entry')) : resolve(s))),
  );
  const rows = new TagCounter(/<(?:\w+:)?row[\s>/]/);
  const cells = new TagCounter(/<(?:\w+:)?c[\s>/]/);
  const strings = new TagCounter(/<(?:\w+:)?si[\s>/]/);
  const chunks: Buffer[] = [];
  let bytes = 0;
  const sheet = isSheet(e.fileName);
  const shared = isShared(e.fileName);
  const where = sheet ? `工作表部件 ${e.fileName}` : e.fileName;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      budget.total += chunk.length;
      if (bytes > SHEET_LIMITS.partBytes)
        return cb(new SheetRefusal(`的${where}解压后超过 ${SHEET_LIMITS.partBytes / MB} MB`));
      if (budget.total > SHEET_LIMITS.totalBytes)
        return cb(new SheetRefusal(`解压后超过 ${SHEET_LIMITS.totalBytes / MB} MB，请拆分后导入`));
      if (sheet && rows.feed(chunk) > SHEET_LIMITS.rows)
        return cb(new SheetRefusal(`有工作表超过 ${SHEET_LIMITS.rows.toLocaleString('en-US')} 行，请拆分后导入`));
      if (sheet) {
        const before = cells.count;
        budget.cells += cells.feed(chunk) - before;
        if (budget.cells > SHEET_LIMITS.cells)
          return cb(new SheetRefusal(`的单元格超过 ${SHEET_LIMITS.cells.toLocaleString('en-US')} 个，请拆分后导入`));
      }
      if (shared && strings.feed(chunk) > SHEET_LIMITS.sharedStrings)
        return cb(new SheetRefusal(`的文字条目超过 ${SHEET_LIMITS.sharedStrings.toLocaleString('en-US')} 个`));
      chunks.push(chunk);
      cb();
    },
  });
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  await pipeline(stream, counter, sink);
  return Buffer.concat(chunks);
}

/** The parts a table needs, checked against the limits, repacked for the reader. */
export async function keptParts(bytes: Buffer): Promise<Buffer> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (err) {
    throw new SheetRefusal(`已损坏，无法读取（${(err as Error).message.slice(0, 60)}）`);
  }
  const out = new yazl.ZipFile();
  const budget: Budget = { total: 0, cells: 0 };
  try {
    const all = await entries(zip);
    const kept = all.filter((e) => KEPT.some((re) => re.test(e.fileName)));
    if (!kept.some((e) => isSheet(e.fileName))) throw new SheetRefusal('里没有工作表');
    for (const e of kept) out.addBuffer(await inflate(zip, e, budget), e.fileName, { compress: false });
  } catch (err) {
    if (err instanceof SheetRefusal) throw err;
    throw new SheetRefusal(`已损坏，无法读取（${(err as Error).message.slice(0, 60)}）`);
  } finally {
    zip.close();
  }
  out.end();
  const parts: Buffer[] = [];
  for await (const chunk of out.outputStream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}
