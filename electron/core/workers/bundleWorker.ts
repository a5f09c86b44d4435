/**
 * The bundle worker: verifies bundles from other installations in its own
 * thread, with its own memory limit (exchange/isolated.ts starts it and keeps
 * it for the next file), so a hostile bundle at worst ends this worker, and
 * the core's thread goes on answering while a county's files are checked.
 * Answers each `{ id, path, tempDir }` with the verified bundle's entries
 * (their bytes moved, not copied) or the refusal.
 */
import { parentPort } from 'node:worker_threads';
import { BundleError, readBundle } from '../exchange/reader';

interface Task {
  id: number;
  path: string;
  tempDir: string;
}

parentPort!.on('message', (task: Task) => {
  void answer(task);
});

async function answer({ id, path, tempDir }: Task): Promise<void> {
  try {
    const b = await readBundle(path, { tempDir });
    // Each table's bytes in a buffer of its own, moved to the core's thread.
    const jsonl = [...b.jsonl].map(([table, data]) => [table, new Uint8Array(data)] as const);
    parentPort!.postMessage(
      {
        id,
        ok: true,
        file: b.file,
        sha256: b.sha256,
        manifest: b.manifest,
        jsonl,
        attachments: [...b.attachments],
      },
      jsonl.map(([, data]) => data.buffer as ArrayBuffer),
    );
  } catch (err) {
    const refused = err instanceof BundleError;
    const message = refused ? err.message : String((err as Error)?.message ?? err).slice(0, 200);
    parentPort!.postMessage({ id, ok: false, code: refused ? err.code : 'INTERNAL', message });
  }
}
