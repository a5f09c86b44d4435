/**
 * Bad bundles for the verification tests, generated from one good export: a
 * corpus of ways a file from outside can be wrong (limits, names, manifest,
 * signature, hashes, rows, references), each with the reason it must be
 * refused with. Also the small helpers that take a bundle's entries apart.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../electron/core/lib/canonical';
import type { Core } from '../../electron/core/index';
import { type exportTo, resign, writeZip, type ZipEntry } from './bundles';
import { FORMAT_VERSION } from '../../electron/core/exchange/format';

type Good = Awaited<ReturnType<typeof exportTo>>;

export const names = (entries: ZipEntry[]) => entries.map((e) => e.name);
export const replace = (entries: ZipEntry[], name: string, data: Buffer | string) =>
  entries.map((e) => (e.name === name ? { ...e, data: Buffer.from(data) } : e));
export const jsonl = (entries: ZipEntry[], table: string) =>
  entries
    .find((e) => e.name === `data/${table}.jsonl`)!
    .data.toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
export const withRows = (entries: ZipEntry[], table: string, rows: unknown[]) =>
  replace(entries, `data/${table}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
export const manifestOf = (entries: ZipEntry[]) =>
  JSON.parse(entries[0]!.data.toString('utf8')) as Record<string, unknown>;

export type Case = [string, string, () => Promise<string>];

/** What each group of cases is made from: the good bundle, where to write, the village that signs. */
interface Maker {
  good: Good;
  at(name: string): string;
  zipCase(file: string, build: () => Promise<ZipEntry[]> | ZipEntry[]): () => Promise<string>;
  t: { core: Core };
  other: ReturnType<typeof generateKeyPairSync>;
}

/** Size and form: not a zip, empty, cut short, too large. */
function fileCases({ good, at }: Maker): Case[] {
  return [
    [
      'not a zip',
      'NOT_ZIP',
      async () => (writeFileSync(at('text.lxb'), '项目名称,责任人\n修路,张三\n'), at('text.lxb')),
    ],
    ['empty file', 'EMPTY', async () => (writeFileSync(at('empty.lxb'), ''), at('empty.lxb'))],
    [
      'truncated',
      'TRUNCATED',
      async () => (
        writeFileSync(at('cut.lxb'), good.bytes.subarray(0, Math.floor(good.bytes.length / 2))),
        at('cut.lxb')
      ),
    ],
    [
      'over 200 MB',
      'TOO_LARGE',
      async () => (
        writeFileSync(at('huge.lxb'), good.bytes),
        truncateSync(at('huge.lxb'), 201 * 1024 * 1024),
        at('huge.lxb')
      ),
    ],
  ];
}

/** Entry names. */
function nameCases({ good, zipCase }: Maker): Case[] {
  return [
    [
      'zip-slip name',
      'NAME_DOTDOT',
      zipCase('slip.lxb', () => [...good.entries, { name: 'data/../../evil.sh', data: Buffer.from('rm -rf /') }]),
    ],
    [
      'absolute path',
      'NAME_ABSOLUTE',
      zipCase('abs.lxb', () => [...good.entries, { name: '/etc/cron.d/evil', data: Buffer.from('x') }]),
    ],
    [
      'backslash',
      'NAME_BACKSLASH',
      zipCase('bs.lxb', () => [...good.entries, { name: 'data\\evil.jsonl', data: Buffer.from('x') }]),
    ],
    [
      'drive letter',
      'NAME_DRIVE',
      zipCase('drive.lxb', () => [...good.entries, { name: 'C:/Windows/evil.dll', data: Buffer.from('x') }]),
    ],
    [
      'NUL in a name',
      'NAME_NUL',
      zipCase('nul.lxb', () => [...good.entries, { name: 'data/a\0.jsonl', data: Buffer.from('x') }]),
    ],
    [
      'non-ASCII name',
      'NAME_NOT_ASCII',
      zipCase('cn.lxb', () => [...good.entries, { name: 'data/数据.jsonl', data: Buffer.from('x') }]),
    ],
    ['duplicate entry', 'NAME_DUPLICATE', zipCase('dup.lxb', () => [...good.entries, good.entries[1]!])],
    [
      'symlink entry',
      'SYMLINK',
      zipCase('link.lxb', () => [
        ...good.entries,
        { name: 'data/link.jsonl', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
      ]),
    ],
    [
      'unknown entry',
      'NAME_UNKNOWN',
      zipCase('unknown.lxb', () => [...good.entries, { name: 'run.exe', data: Buffer.from('MZ') }]),
    ],
  ];
}

/** The directory's limits: ratios, sizes, entry count. */
function limitCases({ good, zipCase }: Maker): Case[] {
  return [
    [
      'zip bomb',
      'RATIO',
      zipCase('bomb.lxb', () => [
        ...good.entries,
        { name: `attachments/${'0'.repeat(64)}`, data: Buffer.alloc(20 * 1024 * 1024) },
      ]),
    ],
    [
      'entry over 100 MB',
      'ENTRY_TOO_LARGE',
      zipCase('big-entry.lxb', () => [
        ...good.entries,
        { name: `attachments/${'1'.repeat(64)}`, data: Buffer.alloc(101 * 1024 * 1024, 7), compress: true },
      ]),
    ],
    [
      'too many entries',
      'TOO_MANY_ENTRIES',
      zipCase('many.lxb', () => [
        ...good.entries,
        ...Array.from({ length: 2001 }, (_, i) => ({
          name: `attachments/${i.toString(16).padStart(64, 'a')}`,
          data: Buffer.from([i % 256]),
        })),
      ]),
    ],
  ];
}

/** The manifest and the signature. */
function manifestCases({ good, zipCase, t, other }: Maker): Case[] {
  return [
    ['missing manifest', 'NO_MANIFEST', zipCase('nomanifest.lxb', () => good.entries.slice(1))],
    [
      'manifest not JSON',
      'MANIFEST_JSON',
      zipCase('badjson.lxb', () => replace(good.entries, 'manifest.json', '{"format": "lianxi-bundle",')),
    ],
    [
      'not a lianxi manifest',
      'NOT_BUNDLE',
      zipCase('other.lxb', () => replace(good.entries, 'manifest.json', '{"name":"some other zip"}')),
    ],
    [
      'an older app’s format version',
      'FORMAT_TOO_OLD',
      zipCase('old.lxb', () => resign(t.core, good.entries, (m) => (m.formatVersion = FORMAT_VERSION - 1))),
    ],
    [
      'future format version',
      'FORMAT_TOO_NEW',
      zipCase('future.lxb', () => resign(t.core, good.entries, (m) => (m.formatVersion = FORMAT_VERSION + 1))),
    ],
    [
      'signature removed',
      'UNSIGNED',
      zipCase('unsigned.lxb', () =>
        replace(good.entries, 'manifest.json', JSON.stringify({ ...manifestOf(good.entries), signature: undefined })),
      ),
    ],
    [
      'manifest incomplete',
      'MANIFEST_SCHEMA',
      zipCase('incomplete.lxb', () => {
        const { village: _v, ...m } = manifestOf(good.entries);
        return replace(good.entries, 'manifest.json', JSON.stringify(m));
      }),
    ],
    [
      'signed by another key than it names',
      'BAD_SIGNATURE',
      zipCase('otherkey.lxb', () => {
        const m = manifestOf(good.entries) as { signature: { value: string } } & Record<string, unknown>;
        const { signature: _s, ...unsigned } = m;
        m.signature.value = sign(null, Buffer.from(canonicalJson(unsigned)), other.privateKey).toString('base64');
        return replace(good.entries, 'manifest.json', JSON.stringify(m));
      }),
    ],
    [
      'manifest edited after signing',
      'BAD_SIGNATURE',
      zipCase('edited.lxb', () => {
        const m = manifestOf(good.entries) as { village: { name: string } };
        m.village.name = '李庄村';
        return replace(good.entries, 'manifest.json', JSON.stringify(m));
      }),
    ],
  ];
}

/** Hashes and the listing of entries. */
function listingCases({ good, zipCase }: Maker): Case[] {
  return [
    [
      'one flipped byte in a data entry',
      'HASH_MISMATCH',
      zipCase('flip.lxb', () => {
        const e = good.entries.find((x) => x.name === 'data/actions.jsonl')!;
        const data = Buffer.from(e.data);
        data[10] = data[10]! ^ 1;
        return replace(good.entries, e.name, data);
      }),
    ],
    [
      'one flipped byte in an attachment',
      'HASH_MISMATCH',
      zipCase('flip-att.lxb', () => {
        const e = good.entries.find((x) => x.name.startsWith('attachments/'))!;
        const data = Buffer.from(e.data);
        data[20] = data[20]! ^ 1;
        return replace(good.entries, e.name, data);
      }),
    ],
    [
      'an entry the manifest does not list',
      'UNLISTED_ENTRY',
      zipCase('unlisted.lxb', () => [
        ...good.entries,
        { name: `attachments/${'b'.repeat(64)}`, data: Buffer.from('extra') },
      ]),
    ],
    [
      'a listed entry missing',
      'MISSING_ENTRY',
      zipCase('missing.lxb', () => good.entries.filter((e) => !e.name.startsWith('attachments/'))),
    ],
  ];
}

/** Rows: JSON, schema, village, ids, counts. */
function rowCases({ good, zipCase, t }: Maker): Case[] {
  return [
    [
      'a row that is not JSON',
      'ROW_JSON',
      zipCase('rowjson.lxb', () => resign(t.core, replace(good.entries, 'data/people.jsonl', '{"id": oops}\n'))),
    ],
    [
      'a row failing its schema',
      'ROW_SCHEMA',
      zipCase('rowschema.lxb', () =>
        resign(
          t.core,
          withRows(
            good.entries,
            'actions',
            jsonl(good.entries, 'actions').map((r, i) => (i === 0 ? { ...r, lane: 'someday' } : r)),
          ),
        ),
      ),
    ],
    [
      'a row with an unknown column',
      'ROW_SCHEMA',
      zipCase('rowextra.lxb', () =>
        resign(
          t.core,
          withRows(
            good.entries,
            'people',
            jsonl(good.entries, 'people').map((r) => ({ ...r, password: 'x' })),
          ),
        ),
      ),
    ],
    [
      'a row of another village',
      'ROW_VILLAGE',
      zipCase('rowvillage.lxb', () =>
        resign(
          t.core,
          withRows(
            good.entries,
            'projects',
            jsonl(good.entries, 'projects').map((r) => ({ ...r, village_code: '370102001999' })),
          ),
        ),
      ),
    ],
    [
      'duplicate ids',
      'DUPLICATE_ID',
      zipCase('dupid.lxb', () =>
        resign(
          t.core,
          withRows(good.entries, 'people', [...jsonl(good.entries, 'people'), jsonl(good.entries, 'people')[0]]),
        ),
      ),
    ],
    [
      'counts that do not match',
      'COUNT_MISMATCH',
      zipCase('count.lxb', () => resign(t.core, good.entries, (m) => (m.counts['actions'] = 99))),
    ],
  ];
}

/** References between rows, attachments, tables. */
function referenceCases({ good, zipCase, t }: Maker): Case[] {
  return [
    [
      'a row referring to a missing parent',
      'MISSING_PARENT',
      zipCase('orphan.lxb', () => {
        const parent = jsonl(good.entries, 'actions')[0]!['agenda_item_id'];
        return resign(
          t.core,
          withRows(
            good.entries,
            'agenda_items',
            jsonl(good.entries, 'agenda_items').filter((r) => r['id'] !== parent),
          ),
        );
      }),
    ],
    [
      'an attachment row without its file',
      'MISSING_ATTACHMENT',
      zipCase('noblob.lxb', () =>
        resign(
          t.core,
          good.entries.filter((e) => !e.name.startsWith('attachments/')),
        ),
      ),
    ],
    [
      'a data entry that is not UTF-8 (a byte of a name changed to one no UTF-8 text has)',
      'NOT_UTF8',
      zipCase('latin1.lxb', () => {
        const e = good.entries.find((x) => x.name === 'data/people.jsonl')!;
        const data = Buffer.from(e.data);
        data[data.indexOf(Buffer.from('"name":"')) + 8] = 0xff;
        return resign(t.core, replace(good.entries, e.name, data));
      }),
    ],
    [
      'a missing table',
      'MISSING_TABLE',
      zipCase('notable.lxb', () =>
        resign(
          t.core,
          good.entries.filter((e) => e.name !== 'data/follow_ups.jsonl'),
        ),
      ),
    ],
  ];
}

/**
 * The corpus: each case names what is wrong, the code it must be refused with,
 * and how to make the file (in `dir`, from the good bundle, re-signed by `village` where it must be).
 */
export function badBundles(good: Good, dir: string, village: Core): Case[] {
  const at = (name: string) => join(dir, name);
  const zipCase = (file: string, build: () => Promise<ZipEntry[]> | ZipEntry[]) => async () => {
    await writeZip(at(file), await build());
    return at(file);
  };
  const m: Maker = { good, at, zipCase, t: { core: village }, other: generateKeyPairSync('ed25519') };
  return [fileCases, nameCases, limitCases, manifestCases, listingCases, rowCases, referenceCases].flatMap((f) => f(m));
}
