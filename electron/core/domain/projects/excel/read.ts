/**
 * Opening an .xlsx from outside: size and type checked here, the rest read in
 * the sheet worker (workers/sheetWorker.ts) within limits (xlsxParts.ts), so a
 * hostile file ends that worker at worst; every refusal is a Chinese message
 * naming the file, and nothing of a refused file is kept.
 */
import { UserError } from '../../../lib/errors';
import { TaskWorker, WorkerFailure } from '../../../workers/run';
import type { ParsedSheet } from './sheetParse';
import { SHEET_LIMITS } from './xlsxParts';

export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
/** The reader's own heap: well inside the 1.5 GB a hostile file may cost the whole process. */
const WORKER_HEAP_MB = 1024;
const WORKER_TIMEOUT_MS = 60_000;

type Answer = { ok: true; sheets: ParsedSheet[] } | { ok: false; why: string };
/** One sheet worker, kept for the next file (workers/run.ts says why it is not ended after each). */
const sheetWorker = new TaskWorker<{ bytes: Uint8Array }, Answer>('sheetWorker', {
  heapMb: WORKER_HEAP_MB,
  timeoutMs: WORKER_TIMEOUT_MS,
});

export async function readSpreadsheet(bytes: Buffer, fileName: string): Promise<ParsedSheet[]> {
  const fail = (why: string) => new UserError('USER_ERROR', `文件“${fileName}”${why}，没有导入任何内容。`, 'file');
  if (bytes.length === 0) throw fail('是空文件');
  if (bytes.length > MAX_XLSX_BYTES) throw fail(`过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 20 MB）`);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw fail('已加密，或是旧版 .xls 格式：请在 Excel/WPS 中取消密码并另存为 .xlsx 后再导入');
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) throw fail('不是 Excel 文件（.xlsx）');
  let answer: Answer;
  try {
    // A buffer of its own, moved to the worker: a Buffer may share its memory with others.
    const own = new Uint8Array(bytes);
    answer = await sheetWorker.run({ bytes: own }, [own.buffer]);
  } catch (err) {
    if (!(err instanceof WorkerFailure)) throw err;
    if (err.reason === 'MEMORY')
      throw fail(`内容太多或结构异常，读取时超出了内存上限（${WORKER_HEAP_MB} MB）：请拆分或另存为新文件后再导入`);
    if (err.reason === 'TIMEOUT') throw fail(`读取超过 ${WORKER_TIMEOUT_MS / 1000} 秒仍未完成：请拆分后再导入`);
    throw fail(`读取时出错（${err.message.slice(0, 60)}）`);
  }
  if (!answer.ok) throw fail(answer.why);
  return answer.sheets;
}

export { SHEET_LIMITS };
