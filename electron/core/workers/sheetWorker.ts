/**
 * The sheet worker: reads one .xlsx from outside in its own thread, with its
 * own memory limit (workers/run.ts), so a hostile file at worst ends this
 * worker, never the app. Posts `{ ok, sheets }` or `{ ok: false, why }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseSheets } from '../domain/projects/excel/sheetParse';
import { SheetRefusal } from '../domain/projects/excel/xlsxParts';

const { bytes } = workerData as { bytes: Uint8Array };
parseSheets(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
  (sheets) => parentPort!.postMessage({ ok: true, sheets }),
  (err: unknown) =>
    parentPort!.postMessage(
      err instanceof SheetRefusal
        ? { ok: false, why: err.why }
        : { ok: false, why: `已损坏，无法读取（${String((err as Error)?.message ?? err).slice(0, 80)}）` },
    ),
);
