/** Text keys for search: pinyin initials and 2-character windows. */
import { pinyin } from 'pinyin-pro';

/** 爱心超市 → "axcs"; letters and digits kept, lower-cased (爱心超市2号 → "axcs2h"). */
export function initials(text: string): string {
  const parts = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const WORD = /[\p{L}\p{N}]/u;

/** Every 2-character window inside runs of letters/digits, de-duplicated, space-separated. */
export function bigrams(text: string): string {
  const out = new Set<string>();
  const chars = [...text.toLowerCase()];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (WORD.test(chars[i]!) && WORD.test(chars[i + 1]!)) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out].join(' ');
}

/** A query as an FTS5 string literal: operators, quotes and stars are text. */
export const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;
