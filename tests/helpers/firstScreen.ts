/**
 * The JavaScript the first screen loads: every `<script src>` and `<link rel="modulepreload">` of the built
 * out/renderer/index.html (what later pages load on their own is not in it), with its size on disk.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const RENDERER_OUT = resolve('out/renderer');

export interface ScriptFile {
  href: string;
  bytes: number;
}

/** null when the renderer has not been built (no out/renderer/index.html). */
export function firstScreenScripts(dir: string = RENDERER_OUT): ScriptFile[] | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const hrefs = tags.flatMap((tag) => {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith('<script')) return attr('src') ? [attr('src')!] : [];
    return attr('rel') === 'modulepreload' && attr('href') ? [attr('href')!] : [];
  });
  return hrefs.map((href) => ({ href, bytes: statSync(join(dir, href)).size }));
}
