/**
 * No source line wider than the formatter's 120 columns, counted as prettier
 * counts them (a Chinese character is two columns): prettier cannot break a
 * long string or comment, so this catches what format:check lets through.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const WIDE =
  /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;
const width = (line: string) =>
  [...line].reduce((w, c) => w + (WIDE.test(c) || c.codePointAt(0)! > 0x1ffff ? 2 : 1), 0);

it('no line of code is wider than 120 columns', () => {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs', '*.css'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const wide: string[] = [];
  for (const f of files) {
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (width(line) > 120) wide.push(`${f}:${i + 1} (${width(line)})`);
      });
  }
  expect(wide).toEqual([]);
  expect(width('村东路灯')).toBe(8);
});
