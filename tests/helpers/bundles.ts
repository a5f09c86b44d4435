/** Building good and bad bundles for tests: read a bundle's entries, rewrite them, re-sign. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Core } from '../../electron/core/index';
import { canonicalJson } from '../../electron/core/lib/canonical';
import type { Manifest } from '../../electron/core/exchange/format';
import { signWithIdentity } from '../../electron/core/exchange/identity';
import { exportBundle } from '../../electron/core/exchange/writer';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Unix mode, e.g. 0o120777 for a symlink. */
  mode?: number;
  compress?: boolean;
}

export async function readEntries(path: string): Promise<ZipEntry[]> {
  const zip = await new Promise<yauzl.ZipFile>((ok, no) =>
    yauzl.open(path, { lazyEntries: true }, (e, z) => (e ? no(e) : ok(z))),
  );
  const out: ZipEntry[] = [];
  await new Promise<void>((ok, no) => {
    zip.on('entry', (e: yauzl.Entry) => {
      zip.openReadStream(e, (err, s) => {
        if (err) return no(err);
        const parts: Buffer[] = [];
        s.on('data', (c: Buffer) => parts.push(c));
        s.on('end', () => {
          out.push({ name: e.fileName, data: Buffer.concat(parts) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', ok);
    zip.on('error', no);
    zip.readEntry();
  });
  return out;
}

/**
 * Writes entries as a zip. Names yazl would refuse (.., absolute, backslash,
 * drive letters, NUL) are written under a same-length placeholder and patched
 * in the bytes afterwards: a real hostile zip, as another tool could make it.
 */
export async function writeZip(path: string, entries: ZipEntry[]): Promise<void> {
  const zip = new yazl.ZipFile();
  const patches: [Buffer, Buffer][] = [];
  entries.forEach((e, i) => {
    let name = e.name;
    if (/\.\.|^\/|\\|^[A-Za-z]:|\0/.test(name)) {
      const raw = Buffer.from(name, 'utf8');
      const placeholder = `Z${String(i).padStart(4, '0')}`.padEnd(raw.length, 'q');
      patches.push([Buffer.from(placeholder), raw]);
      name = placeholder;
    }
    zip.addBuffer(e.data, name, { compress: e.compress ?? true, ...(e.mode ? { mode: e.mode } : {}) });
  });
  zip.end();
  const parts: Buffer[] = [];
  for await (const c of zip.outputStream) parts.push(c as Buffer);
  let bytes = Buffer.concat(parts);
  for (const [from, to] of patches) {
    for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  }
  writeFileSync(path, bytes);
  bytes = Buffer.alloc(0);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Recomputes the manifest's hashes and counts for `entries` and signs it with the installation's key. */
export async function resign(
  core: Core,
  entries: ZipEntry[],
  edit: (m: Omit<Manifest, 'signature'>) => void = () => {},
): Promise<ZipEntry[]> {
  const others = entries.filter((e) => e.name !== 'manifest.json');
  const old = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Manifest;
  const { signature: _drop, ...unsigned } = old;
  unsigned.entries = Object.fromEntries(others.map((e) => [e.name, sha(e.data)]));
  unsigned.counts = Object.fromEntries(
    others
      .filter((e) => e.name.startsWith('data/'))
      .map((e) => [e.name.slice(5, -6), e.data.toString('utf8').split('\n').filter(Boolean).length]),
  );
  edit(unsigned);
  const s = await signWithIdentity(core.ctx, Buffer.from(canonicalJson(unsigned), 'utf8'));
  const manifest = { ...unsigned, signature: { algorithm: 'Ed25519', publicKey: s.publicKey, value: s.signature } };
  return [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...others];
}

export async function exportTo(core: Core, dir: string, name = 'village.lxb') {
  const out = join(dir, name);
  const r = await exportBundle(core.ctx, { out, attachmentsDir: core.attachmentsDir() });
  return { ...r, entries: await readEntries(out), bytes: readFileSync(out) };
}
