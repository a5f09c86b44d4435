/**
 * Pinyin keys of a title, written into search_docs.bigrams after the 2-character
 * windows, so that search_bi (unicode61) finds pinyin anywhere in a title:
 *
 * - `0` + syllable for every reading of every hanzi (村东路灯 → 0cun 0dong 0lu 0deng), and
 *   `2` + the syllables of two hanzi side by side (2cundong 2donglu 2ludeng): full pinyin,
 *   with or without spaces, and hanzi mixed with pinyin (村dao → 2cundao);
 * - `1` + the initials of every 2 and 3 units in a row (路灯 → 1ld, 东路灯 → 1dld),
 *   pinyin initials anywhere in the title. A polyphone gives the initials of each
 *   of its readings (长 → c, z), a few combinations per window;
 * - `3` + the first syllable and the first pair (3lu 3ludeng for 路灯维修): titles that
 *   start so, the prefix hits of full pinyin.
 *
 * A unit is a hanzi or a Latin letter or digit (爱心超市2号 → a x c s 2 h, as the
 * `initials` column has them); units side by side may have spaces between them, not
 * other signs (开裂，担心 has no "ld"), as pinyin-pro's match sees it. Every key has 3+
 * characters, so none is ever a 2-character window of the text. The keys end with
 * KEYS_VERSION: a document without it was indexed before the pinyin keys and is rebuilt.
 */
import { pinyin, polyphonic } from 'pinyin-pro';

export const KEYS_VERSION = 'py3';

export interface Unit {
  /** First letters of the readings, the reading in context first (行 in 银行: h, x). */
  initials: string[];
  /** The readings without tones, ü as v, the reading in context first; none for a letter or digit. */
  syllables: string[];
  /** A sign other than a space stands between this unit and the one before: no initials span it. */
  gap?: boolean;
}

const READINGS = 3;
const COMBINATIONS = 4;
const readingsOf = new Map<string, string[]>();

/** The char's readings, `inContext` first; at most three. */
function readings(char: string, inContext: string): string[] {
  let all = readingsOf.get(char);
  if (!all) {
    all = (polyphonic(char, { toneType: 'none', type: 'array' })[0] ?? []).map((r) => r.replace(/ü/g, 'v'));
    readingsOf.set(char, all);
  }
  return [inContext, ...all.filter((r) => r && r !== inContext)].slice(0, READINGS);
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

const HAN = /\p{Script=Han}/u;

/** The reading in context of each character (the fast 'array' form: 7× faster than 'all'), '' if none. */
function contextReadings(title: string, chars: string[]): string[] {
  const out = pinyin(title, { toneType: 'none', type: 'array' });
  if (out.length === chars.length) return out.map((r, i) => (HAN.test(chars[i]!) && /^[a-zü]+$/.test(r) ? r : ''));
  const all = pinyin(title, { toneType: 'none', type: 'all' });
  return chars.map((c) => all.find((x) => x.origin === c && x.isZh)?.pinyin ?? '');
}

/** The title as units: hanzi with their readings, letters and digits as themselves. */
export function titleUnits(title: string): Unit[] {
  const out: Unit[] = [];
  const chars = [...title];
  const inContext = contextReadings(title, chars);
  let gap = false;
  chars.forEach((char, i) => {
    let unit: Unit | null = null;
    if (inContext[i]) {
      const rs = readings(char, inContext[i]!.replace(/ü/g, 'v'));
      unit = { initials: uniq(rs.map((r) => r[0]!)), syllables: rs };
    } else {
      const c = char.toLowerCase();
      if (/^[a-z0-9]$/.test(c)) unit = { initials: [c], syllables: [] };
      else if (!/\s/.test(c)) gap = true;
    }
    if (unit) {
      out.push(gap && out.length ? { ...unit, gap } : unit);
      gap = false;
    }
  });
  return out;
}

/** Strings of one initial per unit: the readings in context first, at most `cap`. */
export function initialCombos(units: readonly Unit[], cap = COMBINATIONS): string[] {
  let out = [''];
  for (const u of units) {
    if (u.initials.length === 1) out = out.map((p) => p + u.initials[0]);
    else out = out.flatMap((p) => u.initials.map((c) => p + c)).slice(0, cap);
  }
  return out;
}

/** The `initials` column: one letter or digit per unit, readings in context (爱心超市 → axcs). */
export const unitInitials = (units: readonly Unit[]) => units.map((u) => u.initials[0]).join('');

const DIGIT = /^[0-9]$/;

/** The syllables of two hanzi side by side (村道 → cundao), two readings of each, at most four. */
export function syllablePairs(a: Unit, b: Unit): string[] {
  if (b.gap) return [];
  return a.syllables
    .slice(0, 2)
    .flatMap((x) => b.syllables.slice(0, 2).map((y) => x + y))
    .slice(0, COMBINATIONS);
}

/** The pinyin keys of a title (see the file comment), space-separated, ending with KEYS_VERSION. */
export function pinyinKeys(units: readonly Unit[]): string {
  const keys = new Set<string>();
  for (const u of units) for (const s of u.syllables) keys.add(`0${s}`);
  const n = units.length;
  for (let i = 0; i + 1 < n; i++) for (const p of syllablePairs(units[i]!, units[i + 1]!)) keys.add(`2${p}`);
  // How the title starts: its first syllable and first pair (3lu 3ludeng), for full pinyin's prefix hits.
  const first = units[0];
  for (const s of first?.syllables ?? []) keys.add(`3${s}`);
  if (first && n > 1) for (const p of syllablePairs(first, units[1]!)) keys.add(`3${p}`);
  for (let i = 0; i + 1 < n; i++) {
    if (units[i + 1]!.gap) continue;
    const wide = i + 2 < n && !units[i + 2]!.gap;
    const windows = wide ? [units.slice(i, i + 2), units.slice(i, i + 3)] : [units.slice(i, i + 2)];
    for (const w of windows) {
      if (w.every((u) => DIGIT.test(u.initials[0]!))) continue;
      for (const g of initialCombos(w)) keys.add(`1${g}`);
    }
  }
  keys.add(KEYS_VERSION);
  return [...keys].join(' ');
}

interface TitleKeys {
  initials: string;
  keys: string;
}
const seen = new Map<string, TitleKeys>();

/** Initials and pinyin keys of a title; remembered, as the same titles come back (a weekly task). */
export function titleKeys(title: string): TitleKeys {
  let k = seen.get(title);
  if (!k) {
    const units = titleUnits(title);
    k = { initials: unitInitials(units), keys: pinyinKeys(units) };
    if (seen.size >= 5000) seen.clear();
    seen.set(title, k);
  }
  return k;
}
