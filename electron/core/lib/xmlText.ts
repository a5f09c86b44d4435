/**
 * Text as every .xlsx and .docx the app writes carries it, so the file always
 * opens: characters XML 1.0 does not allow (C0 controls other than tab, LF and
 * CR; U+FFFE, U+FFFF; lone surrogates) are dropped — Excel, Word and WPS refuse
 * or "repair" a file with one — and a spreadsheet cell is kept within Excel's
 * 32,767 characters, cut with a mark. 𠀀 and other non-BMP text stays.
 */

/** Excel's limit for the text of one cell. */
export const CELL_MAX = 32_767;
/** How a cut cell ends. */
export const CUT_MARK = '…（已截断）';

/** The text without the characters XML 1.0 cannot carry. */
export function xmlSafe(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}

/** Neutralises a formula-looking text with a leading apostrophe (OWASP CSV injection guidance). */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** At most CELL_MAX characters: a longer text is cut (never inside a surrogate pair) and ends with CUT_MARK. */
export function fitCell(s: string): string {
  if (s.length <= CELL_MAX) return s;
  let keep = CELL_MAX - CUT_MARK.length;
  const last = s.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--;
  return s.slice(0, keep) + CUT_MARK;
}

/**
 * A text for an .xlsx cell: XML-safe first (a control character must not hide
 * a leading =), then neutralised, then fitted (the apostrophe counts).
 */
export const cellText = (s: string): string => fitCell(safeText(xmlSafe(s)));
