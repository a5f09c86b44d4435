/** Handler maps of the exchange and the county view; merged into electron/core/handlers.ts. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerMap } from '../handlerTypes';
import type { CoreOps } from '../handlerTypes';
import { getVillage } from '../domain/village/village';
import { countyOverview, countySummaryXlsx, countyVillage } from './county';
import { ensureIdentity } from './identity';
import { undoLastImport } from './importer';
import { importBundleFile } from './service';
import { safeFileName } from '../lib/fileStore';
import { exportBundle } from './writer';

/** A bundle from the UI goes through a temporary file, like one picked in the CLI. */
async function inTemp<T>(name: string, data: Buffer | null, f: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lianxi-exchange-'));
  try {
    // The name the user's file had, as far as a file system takes it ("." or a 92-character name would not).
    const path = join(dir, safeFileName(name, '数据包.lxb'));
    if (data) writeFileSync(path, data);
    return await f(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The backup of the batch being imported (one per pick of files, not one per file: each is a copy of the whole
 * database).
 */
const batchBackups = new WeakMap<object, { batch: string; file: Promise<string> }>();
function backupFor(core: CoreOps, batch: string | undefined): () => Promise<string> {
  const make = () => core.backupNow('before-bundle-import').then((b) => b.file);
  if (!batch) return make;
  return () => {
    const known = batchBackups.get(core);
    if (known?.batch === batch) return known.file;
    const file = make();
    batchBackups.set(core, { batch, file });
    // A failed backup is not remembered: the next file tries again.
    file.catch(() => batchBackups.delete(core));
    return file;
  };
}

export const exchangeHandlers: HandlerMap<'exchange'> = {
  'exchange.identity': (_req, { ctx }) => ensureIdentity(ctx),
  'exchange.export': async (req, { ctx, core }) => {
    const v = await getVillage(ctx);
    const range = req.from && req.to ? { from: req.from, to: req.to } : null;
    const span = range ? `${range.from}至${range.to}` : ctx.now().slice(0, 10);
    const fileName = `${v?.name ?? ''}${v?.code ?? ''}-${span}.lxb`;
    return inTemp(fileName, null, async (out) => {
      const r = await exportBundle(ctx, { out, attachmentsDir: core.attachmentsDir(), range });
      return { fileName, dataBase64: readFileSync(out).toString('base64'), counts: r.counts, bytes: r.bytes };
    });
  },
  'exchange.import': (req, { ctx, core }) =>
    inTemp(req.fileName, Buffer.from(req.dataBase64, 'base64'), (path) =>
      importBundleFile(ctx, path, {
        acceptNewKey: req.acceptNewKey,
        attachmentsDir: core.attachmentsDir(),
        backup: backupFor(core, req.batch),
      }),
    ),
  'exchange.undo': (req, { ctx }) => undoLastImport(ctx, req.villageCode),
};

export const countyHandlers: HandlerMap<'county'> = {
  'county.overview': (_req, { ctx }) => countyOverview(ctx),
  'county.village': (req, { ctx }) => countyVillage(ctx, req.code),
  'county.exportSummary': async (_req, { ctx }) => {
    const v = await getVillage(ctx);
    const r = await countySummaryXlsx(ctx, v?.county ?? '');
    return { fileName: r.fileName, dataBase64: r.data.toString('base64') };
  },
};
