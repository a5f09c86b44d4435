/** minutes, ledger, weekly: documents written from the command line (other tools call these exact forms). */
import { renameSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Channel, RequestIn, ResponseOf } from '../../../../shared/contract';
import { docxToPdf } from '../../documents/sofficePdf';
import { latestMeetingId } from '../../documents/minutesModel';
import { UserError } from '../../lib/errors';
import { openCore, type Core } from '../../index';
import { CliUsageError, parse, required, type CliIo } from '../args';

async function must<K extends Channel>(core: Core, channel: K, req: RequestIn<K>): Promise<ResponseOf<K>> {
  const r = await core.dispatch(channel, req);
  if (!r.ok) throw new UserError(r.error.code, r.error.message, r.error.field);
  return r.value as ResponseOf<K>;
}

/** Written beside the target and renamed: a failure never leaves half a file. */
function writeAtomically(path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function outPath(value: string | undefined, allowed: string[]): { path: string; ext: string } {
  const path = resolve(required(value, 'out'));
  const ext = extname(path).slice(1).toLowerCase();
  if (!allowed.includes(ext)) throw new CliUsageError(`--out 应以 ${allowed.map((e) => `.${e}`).join(' 或 ')} 结尾`);
  return { path, ext };
}

async function withCore(db: string | undefined, io: CliIo, f: (core: Core) => Promise<void>): Promise<void> {
  const core = await openCore({ dbPath: required(db, 'db'), create: false, clock: io.clock });
  try {
    await f(core);
  } finally {
    await core.close();
  }
}

export async function minutes(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, meeting: { type: 'string' }, out: { type: 'string' } });
  const out = outPath(values.out, ['docx', 'pdf']);
  const which = required(values.meeting, 'meeting');
  await withCore(values.db, io, async (core) => {
    const meetingId = which === 'latest' ? await latestMeetingId(core.ctx) : which;
    const r = await must(core, 'documents.minutesDocx', { meetingId });
    const docx = Buffer.from(r.dataBase64, 'base64');
    writeAtomically(out.path, out.ext === 'pdf' ? await docxToPdf(docx) : docx);
    io.out(`已写出纪要：${out.path}`);
  });
}

export async function ledger(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    out: { type: 'string' },
    actions: { type: 'boolean' },
    demands: { type: 'boolean' },
    contacts: { type: 'boolean' },
    year: { type: 'string' },
  });
  const out = outPath(values.out, ['xlsx']);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) throw new CliUsageError('--year 应为年份，如 2026');
  await withCore(values.db, io, async (core) => {
    const r = values.demands
      ? await must(core, 'demands.exportLedger', { contacts: values.contacts === true })
      : values.actions
        ? await must(core, 'documents.actionLedger', {})
        : await must(core, 'projects.exportLedger', year === undefined ? {} : { year });
    writeAtomically(out.path, Buffer.from(r.dataBase64, 'base64'));
    io.out(`已写出${values.demands ? '诉求' : values.actions ? '任务' : '项目'}台账：${out.path}`);
  });
}

export async function weekly(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, week: { type: 'string' }, out: { type: 'string' } });
  const out = outPath(values.out, ['docx', 'xlsx']);
  await withCore(values.db, io, async (core) => {
    const r = await must(core, 'documents.weeklyFile', {
      week: required(values.week, 'week'),
      format: out.ext as 'docx' | 'xlsx',
    });
    writeAtomically(out.path, Buffer.from(r.dataBase64, 'base64'));
    io.out(`已写出周报：${out.path}`);
  });
}

/** The county summary (the same sheet as 各村汇总 → 导出汇总表). */
export async function county(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const out = outPath(values.out, ['xlsx']);
  await withCore(values.db, io, async (core) => {
    const r = await must(core, 'county.exportSummary', {});
    writeAtomically(out.path, Buffer.from(r.dataBase64, 'base64'));
    io.out(`已写出各村汇总表：${out.path}`);
  });
}
