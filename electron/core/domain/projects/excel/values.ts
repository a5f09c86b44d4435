/**
 * Cell values as village offices type them, made into data: dates in Excel
 * serial form, as Date cells, as text (2024年5月1日, 2024.5.1, 2024年6月底,
 * 11月30日前, 七月底前, 十月份, 年底前), amounts in 万元 with full-width digits, "约20", "3万", "—".
 * Each parser returns a value, a warning, or an error message (Chinese).
 */
export type Parsed<T> = { ok: true; value: T; warning?: string } | { ok: false; error: string };

/** Full-width digits, dot, minus and spaces to ASCII. */
export function halfWidth(s: string): string {
  return s
    .replace(/[０-９．－，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m) || y < 1990 || y > 2100) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's serial day number (1900 system) to a date. */
export function fromSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 20000 || n > 80000) return null;
  return new Date(Math.round((n - 25569) * 86400000)).toISOString().slice(0, 10);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 一 … 十二 (and 三十一) as a number; null if it is not one. */
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] ? null : CN_DIGITS[m[1]!]!;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/**
 * Deadlines as county templates word them, in the ledger's own year:
 * 七月底前, 十月份, 6月份, 十二月中旬前, 年底前, 年内 → the month's (or year's) last day.
 */
function parseWordedDate(s: string, sheetYear: number | null): Parsed<string | null> | null {
  const year = /^年(底|末|内)(前|以前|之前)?$/.test(s);
  const m = /^([一二两三四五六七八九十\d]{1,3})月(份|底|末|中旬|上旬|下旬)?(前|以前|之前)?$/.exec(s);
  if (!year && !m) return null;
  if (!sheetYear) return { ok: false, error: `“${s}”没有年份，表格标题中也找不到年份` };
  if (year) return { ok: true, value: `${sheetYear}-12-31` };
  const mo = cnNumber(m![1]!);
  if (!mo || mo < 1 || mo > 12) return { ok: false, error: `日期“${s}”不存在` };
  const day = m![2] === '上旬' ? 10 : m![2] === '中旬' ? 20 : lastDay(sheetYear, mo);
  return { ok: true, value: ymd(sheetYear, mo, day)! };
}

/** Notes and signature lines under a table (注：…, 填表人：…, 审核人：…): not rows. */
const NOTE_LINE =
  /^(注|备注|说明|填表人|填报人|审核人|制表人?|审批人|负责人|联系人|联系电话|填表日期|填报日期|报送单位)\s*[:：]/;
export function isNoteLine(filled: string[]): boolean {
  return filled.length > 0 && filled.length <= 4 && NOTE_LINE.test(halfWidth(filled[0]!));
}

const NO_DATE = /^(长期|长期坚持|常态化|持续推进|持续|全年|按季度|按月|每月|每季度)$/;

/**
 * @param sheetYear the year the ledger is about (from its title), for "11月30日前".
 */
export function parseDate(raw: unknown, sheetYear: number | null): Parsed<string | null> {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, error: '日期无效' };
    const d = ymd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
    return d
      ? { ok: true, value: d }
      : { ok: false, error: `日期 ${raw.toISOString().slice(0, 10)} 超出了 1990–2100 年` };
  }
  if (typeof raw === 'number') {
    const d = fromSerial(raw);
    return d ? { ok: true, value: d } : { ok: false, error: `无法识别的日期数字 ${raw}` };
  }
  const s = halfWidth(String(raw)).replace(/\s+/g, '');
  if (NO_DATE.test(s)) return { ok: true, value: null, warning: `“${s}”没有具体完成时限，已留空` };
  let m: RegExpExecArray | null;
  // 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日(前)
  if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(前|以前|之前)?$/.exec(s))) {
    const d = ymd(+m[1]!, +m[2]!, +m[3]!);
    return d ? { ok: true, value: d } : { ok: false, error: `日期“${s}”不存在` };
  }
  // 2024年6月底, 2024.10, 2024年10月, 2024-10 → the month's last day
  if ((m = /^(\d{4})[-/.年](\d{1,2})月?(底|末|前|以前|之前)?$/.exec(s))) {
    const y = +m[1]!;
    const mo = +m[2]!;
    if (mo < 1 || mo > 12) return { ok: false, error: `日期“${s}”不存在` };
    return { ok: true, value: ymd(y, mo, lastDay(y, mo))! };
  }
  // 11月30日前, 6月底: the ledger's own year
  if ((m = /^(\d{1,2})月(?:(\d{1,2})日)?(底|末|前|以前|之前)?$/.exec(s))) {
    if (!sheetYear) return { ok: false, error: `“${s}”没有年份，表格标题中也找不到年份` };
    const mo = +m[1]!;
    if (mo < 1 || mo > 12) return { ok: false, error: `日期“${s}”不存在` };
    const d = ymd(sheetYear, mo, m[2] ? +m[2] : lastDay(sheetYear, mo));
    return d ? { ok: true, value: d } : { ok: false, error: `日期“${s}”不存在` };
  }
  if ((m = /^(\d{4})年(底|末)$/.exec(s))) return { ok: true, value: `${m[1]}-12-31` };
  const worded = parseWordedDate(s, sheetYear);
  if (worded) return worded;
  if (/^\d{5}$/.test(s)) return parseDate(Number(s), sheetYear);
  return { ok: false, error: `无法识别的日期“${String(raw).slice(0, 30)}”` };
}

const EMPTY_AMOUNT = /^(—+|-+|－+|无|\/|暂无|待定)$/;

/**
 * An amount to whole yuan. `unit` is what the column header says the numbers
 * are in (万元 or 元); "3万" says 万 itself.
 */
export function parseAmount(raw: unknown, unit: '万元' | '元'): Parsed<number | null> {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  const scale = (n: number, u: '万元' | '元') => Math.round(u === '万元' ? n * 10000 : n);
  if (typeof raw === 'number')
    return Number.isFinite(raw) && raw >= 0
      ? { ok: true, value: scale(raw, unit) }
      : { ok: false, error: `金额“${raw}”不正确` };
  const s = halfWidth(String(raw)).replace(/[,\s]/g, '');
  if (EMPTY_AMOUNT.test(s)) return { ok: true, value: null };
  const m = /^(约|大约|预计|近|计划)?(\d+(?:\.\d+)?)(万元|万|元)?$/.exec(s);
  if (!m) return { ok: false, error: `无法识别的金额“${String(raw).slice(0, 30)}”` };
  const own = m[3] === '元' ? '元' : m[3] ? '万元' : unit;
  const value = scale(Number(m[2]), own);
  return m[1] ? { ok: true, value, warning: `金额“${s}”是估计数，按 ${value} 元导入` } : { ok: true, value };
}

/** The text of a cell: rich text joined, formulas never evaluated (kept as their text). */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') {
    const o = raw as {
      richText?: { text: string }[];
      text?: unknown;
      formula?: string;
      result?: unknown;
      hyperlink?: string;
    };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.formula !== undefined) return `=${o.formula}`;
    if (o.text !== undefined) return cellText(o.text);
    return '';
  }
  return String(raw).trim();
}
