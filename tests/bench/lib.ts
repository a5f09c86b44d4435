/**
 * Benchmark helpers. Figures are compared with a baseline measured in the same
 * run (a ratio), because these machines are noisy; nothing here asserts time.
 */
import { performance } from 'node:perf_hooks';

export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  target?: string;
  note?: string;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Runs `fn` n times (after `warmup` runs) and returns the sorted durations in ms. */
export async function sample(n: number, fn: (i: number) => Promise<unknown>, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const fmt = (n: number | undefined) =>
  n === undefined ? '' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);

export function printTable(rows: Row[]): void {
  const head = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'target', 'note'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.value),
    r.unit,
    fmt(r.baseline),
    r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : '',
    r.target ?? '',
    r.note ?? '',
  ]);
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(cols[i]! - width(c))).join(' | ');
  console.log(line(head));
  console.log(cols.map((w) => '-'.repeat(w)).join('-|-'));
  for (const b of body) console.log(line(b));
}
