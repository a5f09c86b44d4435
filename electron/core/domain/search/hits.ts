/** What a hit shows: where the query is in the title and a window of the body, for highlighting. */
import { match } from 'pinyin-pro';

type Ranges = [number, number][];

/** Positions of `q` in `text` (case-insensitive), for highlighting. */
export function ranges(text: string, q: string): Ranges {
  const out: Ranges = [];
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  for (let i = lower.indexOf(needle); i >= 0 && out.length < 20; i = lower.indexOf(needle, i + needle.length))
    out.push([i, i + needle.length]);
  return out;
}

/** A window of the body around the first hit. */
export function snippet(body: string, q: string): { text: string; highlights: Ranges } {
  const at = body.toLowerCase().indexOf(q.toLowerCase());
  const start = Math.max(0, at < 0 ? 0 : at - 30);
  const text = (start > 0 ? '…' : '') + body.slice(start, start + 120) + (body.length > start + 120 ? '…' : '');
  return { text, highlights: ranges(text, q) };
}

/**
 * Where the pinyin `typed` is in `title` (characters side by side, each matched by
 * its initial, its syllable or the start of it; polyphones by any reading), or null.
 * Indices of String.split (UTF-16 units), as the highlights are.
 */
export function pinyinRanges(title: string, typed: string): Ranges | null {
  const at = match(title, typed, { continuous: true, insensitive: true, v: true });
  if (!at?.length) return null;
  const out: Ranges = [];
  for (const i of at) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}
