const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 25 → 二十五 (for 议题 and 议定事项 numbering up to 99). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** 2026-11-24 → 2026年11月24日 */
export function cnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
