/**
 * What a query typed in pinyin asks search_bi for (the keys are in keys.ts).
 * Latin letters are read as syllables, initials or, at the very end, the start
 * of a syllable being typed: "ludeng" → lu deng, "cdyh" → c d y h, "lud" → lu d…;
 * spaces and apostrophes end a syllable ("lu deng", "xi'an"); hanzi and digits
 * may be mixed in ("村dao"). Each reading of the letters (at most four) asks for
 * the initials of its units side by side and its full syllables; the hits are
 * then checked and highlighted with pinyin-pro's match.
 */
import { initialCombos, syllablePairs, titleUnits, unitInitials, type Unit } from './keys';

const SYLLABLES = new Set(
  (
    'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ' +
    'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou ' +
    'cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun ' +
    'duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai ' +
    'guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia ' +
    'jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai ' +
    'kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu ' +
    'luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang ' +
    'nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao ' +
    'pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ' +
    'ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan ' +
    'shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun ' +
    'suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen ' +
    'weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong ' +
    'you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong ' +
    'zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo'
  ).split(' '),
);
/** Every start of a syllable, the syllables included. */
const STARTS = new Set([...SYLLABLES].flatMap((s) => [...s].map((_, i) => s.slice(0, i + 1))));
/** Letters a syllable can start with, and the two-letter initials. */
const INITIALS = new Set([...'abcdefghjklmnopqrstwxyz', 'zh', 'ch', 'sh']);

/** full: a whole syllable; initial: its first letter(s); start: the syllable being typed (the query's end). */
interface Piece {
  text: string;
  kind: 'full' | 'initial' | 'start';
}

const READINGS = 4;

/** Fewest pieces first, then more whole syllables; at most one piece more than the fewest. */
function best(segs: Piece[][]): Piece[][] {
  const full = (s: Piece[]) => s.filter((p) => p.kind === 'full').length;
  segs.sort((a, b) => a.length - b.length || full(b) - full(a));
  const fewest = segs[0]?.length ?? 0;
  return segs.filter((s) => s.length <= fewest + 1).slice(0, READINGS);
}

/** Readings of one run of letters; `atEnd`: the run ends the query, so its last piece may be a start. */
export function segmentations(run: string, atEnd: boolean): Piece[][] {
  const memo = new Map<number, Piece[][]>();
  const from = (i: number): Piece[][] => {
    if (i === run.length) return [[]];
    const known = memo.get(i);
    if (known) return known;
    const options: Piece[][] = [];
    for (let len = Math.min(6, run.length - i); len >= 1; len--) {
      const text = run.slice(i, i + len);
      const end = i + len === run.length;
      // One letter is an initial (a: 爱, an, ao…), never the syllable alone.
      const kind = INITIALS.has(text)
        ? 'initial'
        : SYLLABLES.has(text)
          ? 'full'
          : atEnd && end && STARTS.has(text)
            ? 'start'
            : null;
      if (kind) for (const rest of from(i + len)) options.push([{ text, kind }, ...rest]);
    }
    const kept = best(options);
    memo.set(i, kept);
    return kept;
  };
  return from(0);
}

/** One unit of a reading; `open`: its syllable may go on (the last one typed). */
interface QueryUnit extends Unit {
  open?: boolean;
}

const quote = (key: string, open = false) => `"${key}"${open ? '*' : ''}`;
const anyOf = (keys: string[]) => (keys.length === 1 ? keys[0]! : `(${keys.join(' OR ')})`);

function pieceUnit(p: Piece, last: boolean): QueryUnit {
  return { initials: [p.text[0]!], syllables: p.kind === 'initial' ? [] : [p.text], open: last };
}

/** The query as hanzi, digits and runs of letters, lower-cased, ü as v; null if anything else is in it. */
function parts(q: string): string[] | null {
  const text = q.toLowerCase().replace(/ü/g, 'v');
  if (!/^[\p{Script=Han}a-z0-9 ']+$/u.test(text) || (text.match(/[a-z]/g) ?? []).length < 2) return null;
  return text.match(/[a-z]+|[0-9]|\p{Script=Han}/gu) ?? [];
}

/** Every reading of the whole query as units (at most four). */
function readingsOf(items: string[]): QueryUnit[][] {
  let out: QueryUnit[][] = [[]];
  items.forEach((item, i) => {
    const atEnd = i === items.length - 1;
    let options: QueryUnit[][];
    if (/^[a-z]/.test(item)) {
      options = segmentations(item, atEnd).map((seg) => seg.map((p, k) => pieceUnit(p, atEnd && k === seg.length - 1)));
    } else {
      options = [titleUnits(item)];
    }
    out = out.flatMap((prefix) => options.map((o) => [...prefix, ...o])).slice(0, READINGS);
  });
  return out.filter((units) => units.length > 0);
}

/**
 * A reading as one FTS expression: its initials side by side (2 or 3 at a time), its
 * syllables side by side (pairs), and its other syllables, all of them.
 */
function readingTerms(units: QueryUnit[]): string | null {
  const terms: string[] = [];
  const n = units.length;
  const width = Math.min(3, n);
  for (let i = 0; n >= 2 && i + width <= n; i++)
    terms.push(anyOf(initialCombos(units.slice(i, i + width)).map((g) => quote(`1${g}`))));
  const paired = new Set<number>();
  for (let i = 0; i + 1 < n; i++) {
    const pairs = syllablePairs(units[i]!, units[i + 1]!);
    if (!pairs.length) continue;
    terms.push(anyOf(pairs.map((pair) => quote(`2${pair}`, units[i + 1]!.open))));
    paired.add(i).add(i + 1);
  }
  units.forEach((u, i) => {
    if (!paired.has(i) && u.syllables.length) terms.push(anyOf(u.syllables.map((x) => quote(`0${x}`, u.open))));
  });
  const kept = [...new Set(terms)].slice(0, 8);
  return kept.length ? (kept.length === 1 ? kept[0]! : `(${kept.join(' AND ')})`) : null;
}

/** Titles that start as the reading does: its first pair of syllables, or its first syllable; null if it has none. */
function startTerm(units: QueryUnit[], expr: string): string | null {
  const [a, b] = units;
  if (!a?.syllables.length) return null;
  const pairs = b ? syllablePairs(a, b) : [];
  const start = pairs.length
    ? anyOf(pairs.map((p) => quote(`3${p}`, b!.open)))
    : anyOf(a.syllables.map((s) => quote(`3${s}`, a.open)));
  return `${start} AND ${expr}`;
}

export interface PinyinPlan {
  /** search_bi MATCH expressions, one per reading of the letters (each looked up on its own: an OR is slower). */
  fts: string[];
  /** The initials of the query's first reading: a title that starts so and has exactly these is an exact hit. */
  initials: string;
  /** The initials of a reading that is initials only (cdyh): a title whose initials start so starts so. */
  startInitials: string | null;
  /** The search_bi expression for titles that start as the first reading does, if it has syllables. */
  start: string | null;
  /** What pinyin-pro's match checks a title against. */
  verify: string;
}

/** The pinyin side of a query, or null when it cannot be pinyin (no two letters, other signs in it). */
export function pinyinPlan(q: string): PinyinPlan | null {
  const items = parts(q);
  if (!items) return null;
  const readings = readingsOf(items);
  // Letters no syllables can make (a 查询码 such as UPZZP6): not pinyin.
  if (readings.length === 0) return null;
  const exprs = [...new Set(readings.map(readingTerms).filter((e): e is string => e !== null))];
  const first = readings[0]!;
  const firstExpr = readingTerms(first);
  if (!exprs.length) return null;
  return {
    fts: exprs,
    initials: unitInitials(first),
    startInitials: unitInitials(readings.find((r) => r.every((u) => !u.syllables.length)) ?? []) || null,
    start: firstExpr && startTerm(first, firstExpr),
    verify: q.toLowerCase().replace(/['\s]+/g, ''),
  };
}
