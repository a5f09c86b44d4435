/**
 * The sheet worker: reads one .xlsx from outside in its own thread, with its
 * own memory limit (workers/run.ts), so a hostile file at worst ends this
 * worker, never the app. Kept for the next file; answers each `{ id, bytes }`
 * with `{ id, ok, sheets }` or `{ id, ok: false, why }`.
 */
import { parentPort } from 'node:worker_threads';
import { parseSheets } from '../domain/projects/excel/sheetParse';
import { SheetRefusal } from '../domain/projects/excel/xlsxParts';

parentPort!.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
  parseSheets(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
    (sheets) => parentPort!.postMessage({ id, ok: true, sheets }),
    (err: unknown) =>
      parentPort!.postMessage(
        err instanceof SheetRefusal
          ? { id, ok: false, why: err.why }
          : { id, ok: false, why: `已损坏，无法读取（${String((err as Error)?.message ?? err).slice(0, 80)}）` },
      ),
  );
});
