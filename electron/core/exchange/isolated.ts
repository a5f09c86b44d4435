/**
 * Bundles from outside are verified in the bundle worker (workers/
 * bundleWorker.ts), never on the core's thread: a hostile file that gets past
 * the limits at worst ends the worker (its own 1 GB heap, 2 minutes), and the
 * app's ticks and page loads are answered meanwhile. What comes back is the
 * verified entries; the rows are read again from them here (JSON.parse of
 * text already checked), so what is planned and written is what was verified.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { TaskWorker, WorkerFailure, type WorkerLimits } from '../workers/run';
import type { Manifest } from './format';
import { BundleError, type VerifiedBundle } from './reader';

type Answer =
  | {
      ok: true;
      file: string;
      sha256: string;
      manifest: Manifest;
      jsonl: [string, Uint8Array][];
      attachments: [string, string][];
    }
  | { ok: false; code: string; message: string };

export const BUNDLE_WORKER_LIMITS: WorkerLimits = { heapMb: 1024, timeoutMs: 120_000 };
const workers = new Map<string, TaskWorker<{ path: string; tempDir: string }, Answer>>();
function workerFor(limits: WorkerLimits) {
  const key = `${limits.heapMb}/${limits.timeoutMs}`;
  let w = workers.get(key);
  if (!w) workers.set(key, (w = new TaskWorker('bundleWorker', limits)));
  return w;
}

/** The rows of a verified table entry: one JSON text a line, as the checker read them. */
function rowsOf(data: Buffer): { texts: string[]; rows: Record<string, unknown>[] } {
  const texts = data.toString('utf8').split('\n');
  if (texts.at(-1) === '') texts.pop();
  return { texts, rows: texts.map((t) => JSON.parse(t) as Record<string, unknown>) };
}

function refusalOf(err: unknown, file: string, limits: WorkerLimits): BundleError {
  if (!(err instanceof WorkerFailure)) throw err;
  if (err.reason === 'MEMORY')
    return new BundleError(
      'WORKER_MEMORY',
      `数据包“${file}”过于庞大或复杂，检查时超出了 ${limits.heapMb} MB 的内存上限，未导入任何内容。`,
    );
  if (err.reason === 'TIMEOUT')
    return new BundleError(
      'WORKER_TIMEOUT',
      `数据包“${file}”检查超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成，已停止，未导入任何内容。`,
    );
  return new BundleError(
    'WORKER_CRASH',
    `数据包“${file}”检查时意外中断（${err.message.slice(0, 60)}），未导入任何内容。`,
  );
}

/** readBundle in the bundle worker: the same checks, the same BundleError, another thread. */
export async function readBundleIsolated(
  path: string,
  limits: WorkerLimits = BUNDLE_WORKER_LIMITS,
): Promise<VerifiedBundle> {
  const tempDir = mkdtempSync(join(tmpdir(), 'lianxi-bundle-'));
  const dispose = () => rmSync(tempDir, { recursive: true, force: true });
  let a: Answer;
  try {
    a = await workerFor(limits).run({ path, tempDir });
  } catch (err) {
    dispose();
    throw refusalOf(err, basename(path), limits);
  }
  if (!a.ok) {
    dispose();
    if (a.code === 'INTERNAL')
      throw new BundleError('READ_FAILED', `数据包“${basename(path)}”读取时出错（${a.message}），未导入任何内容。`);
    throw new BundleError(a.code, a.message);
  }
  const tables = new Map<string, Record<string, unknown>[]>();
  const texts = new Map<string, string[]>();
  const jsonl = new Map<string, Buffer>();
  for (const [table, bytes] of a.jsonl) {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const r = rowsOf(data);
    tables.set(table, r.rows);
    texts.set(table, r.texts);
    jsonl.set(table, data);
  }
  return {
    file: a.file,
    sha256: a.sha256,
    manifest: a.manifest,
    tables,
    texts,
    jsonl,
    attachments: new Map(a.attachments),
    tempDir,
    dispose,
  };
}
