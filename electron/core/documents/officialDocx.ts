/**
 * The official-document layout of GB/T 9704-2012 for .docx: A4, margins
 * 37/35/28/26 mm, 3号 仿宋 body on a 22 × 28 grid, 2号 小标宋 title, 黑体 and
 * 楷体 headings, page numbers “— 1 —” in 4号 宋体 (odd pages right, even pages
 * left, one character in). East Asian font slots are set explicitly, and the
 * font table names a fallback for each font a PC may lack.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import JSZip from 'jszip';
import { xmlSafe } from '../lib/xmlText';

/** Twips (1/1440 inch) from millimetres. */
export const mm = (v: number) => Math.round((v / 25.4) * 1440);

export const PAGE = { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
/** 225 mm of text height / 22 lines. */
export const LINE_PITCH = 579;
/**
 * 28 characters in 156 mm = 15.79 pt each: 16 pt characters drawn 0.2 pt closer
 * (w:spacing −4 twentieths of a point). A line grid only: LibreOffice spreads
 * characters over a character grid (linesAndChars) far wider than Word does.
 */
export const CHAR_SPACING = -4;

export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体', family: 'roman' },
  body: { name: '仿宋_GB2312', fallback: '仿宋', family: 'modern' },
  heading1: { name: '黑体', fallback: 'SimHei', family: 'modern' },
  heading2: { name: '楷体_GB2312', fallback: '楷体', family: 'script' },
  pageNumber: { name: '宋体', fallback: 'SimSun', family: 'roman' },
} as const;
type FontKey = keyof typeof FONTS;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;
const CHAR = 320; // one 3号 character in twips

/** Every text of the document goes in as a run made here, XML-safe (lib/xmlText.ts). */
function run(text: string, font: FontKey, opts: Partial<IRunOptions> = {}): TextRun {
  const f = FONTS[font].name;
  return new TextRun({
    text: xmlSafe(text),
    font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: f, cs: 'Times New Roman' },
    size: SIZE.body,
    characterSpacing: CHAR_SPACING,
    ...opts,
  });
}

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;

export const para = {
  title(text: string): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 800, lineRule: LineRuleType.EXACT, after: LINE_PITCH },
      children: [run(text, 'title', { size: SIZE.title, characterSpacing: 0 })],
    });
  },
  /** A line centred under the title (楷体), e.g. 第12次 or the amendment note. */
  subtitle(text: string): Paragraph {
    return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(text, 'heading2')] });
  },
  /** Level-1 heading: 黑体, two characters in. */
  heading1(text: string): Paragraph {
    return new Paragraph({
      spacing: exact,
      indent: { firstLine: 2 * CHAR },
      keepNext: true,
      children: [run(text, 'heading1')],
    });
  },
  /** Level-2 heading: 楷体, two characters in. */
  heading2(text: string): Paragraph {
    return new Paragraph({
      spacing: exact,
      indent: { firstLine: 2 * CHAR },
      keepNext: true,
      children: [run(text, 'heading2')],
    });
  },
  /** Body text: 仿宋, first line two characters in; one paragraph per line of the source text. */
  body(text: string, lead?: { text: string; font: FontKey }): Paragraph[] {
    const lines = xmlSafe(text)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0 && !lead) return [];
    return (lines.length ? lines : ['']).map(
      (line, i) =>
        new Paragraph({
          spacing: exact,
          alignment: AlignmentType.BOTH,
          indent: { firstLine: 2 * CHAR },
          children: [...(i === 0 && lead ? [run(lead.text, lead.font)] : []), run(line, 'body')],
        }),
    );
  },
  /** 出席：张三、李四 — label in 黑体, names in 仿宋, wrapped lines aligned after the colon. */
  nameList(label: string, names: string[]): Paragraph {
    const labelChars = [...label].length + 1;
    return new Paragraph({
      spacing: exact,
      indent: { left: (2 + labelChars) * CHAR, hanging: labelChars * CHAR },
      children: [run(`${label}：`, 'heading1'), run(names.join('、'), 'body')],
    });
  },
  blank(): Paragraph {
    return new Paragraph({ spacing: exact, children: [] });
  },
};

/** Text width between the margins. */
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/**
 * A ruled table in 4号 (14 pt) 仿宋, header row in 黑体 repeated on every page;
 * `widths` are relative column widths.
 */
export function table(headers: string[], rows: (string | number)[][], widths: number[]): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string | number, font: FontKey, i: number) =>
    new TableCell({
      width: { size: columnWidths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: typeof text === 'number' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(String(text), font, { size: SIZE.pageNumber, characterSpacing: 0 })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, 'heading1', i)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, 'body', i)) })),
    ],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = { ascii: FONTS.pageNumber.name, hAnsi: FONTS.pageNumber.name, eastAsia: FONTS.pageNumber.name };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE.pageNumber * 10 } : { left: SIZE.pageNumber * 10 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: SIZE.pageNumber })],
      }),
    ],
  });
}

/** The font table Word and WPS read for substitutes: each font with its fallback (altName), charset GB2312, family. */
function fontTableXml(): string {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${f.family}"/><w:pitch w:val="fixed"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/>' +
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    '</w:fonts>'
  );
}

/** Writes an official document (.docx) from its paragraphs. */
export async function officialDocx(opts: {
  title: string;
  creator: string;
  children: (Paragraph | Table)[];
}): Promise<Buffer> {
  const doc = new Document({
    creator: xmlSafe(opts.creator),
    title: xmlSafe(opts.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: {
              ascii: 'Times New Roman',
              hAnsi: 'Times New Roman',
              eastAsia: FONTS.body.name,
              cs: 'Times New Roman',
            },
            size: SIZE.body,
          },
          paragraph: { spacing: exact },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: mm(15),
              footer: mm(20),
            },
          },
          grid: { type: 'lines', linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: opts.children,
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  zip.file('word/fontTable.xml', fontTableXml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
