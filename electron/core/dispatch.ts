/**
 * The one door into the core for the UI: validates a request against the
 * contract, runs its handler and returns a Result. It never throws; a failure
 * comes back as `{ ok: false, error: { code, message } }` in Chinese.
 * Electron's IPC, the test harness and the fuzz tests all call this.
 */
import { z } from 'zod';
import { contract, isChannel } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { SqliteError } from './db/connection';
import { DbFileError, UserError } from './lib/errors';
import { handlers, WITHOUT_DATABASE } from './handlers';
import type { HandlerEnv } from './handlerTypes';

z.config(z.locales.zhCN());

/**
 * Chinese names of request fields whose schemas may produce zod's generic
 * messages; fields with hand-written messages ("请填写村名称") need none.
 */
const FIELD_LABELS: Record<string, string> = {
  kind: '类别',
  entity: '记录类型',
  entityId: '记录编号',
};

export function describeZodError(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: '请求内容不正确' };
  const field = issue.path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `请求中含有不认识的字段：${issue.keys.join('、')}`;
  } else {
    const label = FIELD_LABELS[String(issue.path[0] ?? '')];
    if (label) message = `${label}：${message}`;
  }
  return field ? { message, field } : { message };
}

export function errorToResult(err: unknown): Result<never> {
  if (err instanceof UserError) return fail(err.code, err.message, err.field);
  if (err instanceof DbFileError) return fail('USER_ERROR', err.message);
  if (err instanceof SqliteError) {
    if (err.sqliteCode === 'SQLITE_FULL') return fail('INTERNAL', '磁盘空间已满，本次修改未保存。请清理磁盘后重试。');
    if (err.sqliteCode === 'SQLITE_READONLY')
      return fail('INTERNAL', '数据库文件只读，本次修改未保存。请检查文件夹权限。');
    if (err.sqliteCode === 'SQLITE_BUSY') return fail('INTERNAL', '数据库正忙，请稍后重试。');
  }
  console.error('[core] internal error:', err);
  return fail('INTERNAL', `程序内部错误，本次操作未完成：${err instanceof Error ? err.message : String(err)}`);
}

/** What dispatch needs; `ctx` is null while the database cannot be opened. */
export type DispatchEnv = Omit<HandlerEnv, 'ctx'> & { ctx: HandlerEnv['ctx'] | null; unavailable: string | null };

export async function dispatch(env: DispatchEnv, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `未知的请求：${String(channel).slice(0, 60)}`);
    const def = contract[channel];
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) {
      const { message, field } = describeZodError(parsed.error);
      return fail('INVALID_REQUEST', message, field);
    }
    if (!env.ctx && !WITHOUT_DATABASE.has(channel)) return fail('DB_UNAVAILABLE', env.unavailable ?? '数据库未打开');
    const handler = handlers[channel] as (req: unknown, env: HandlerEnv) => Promise<unknown>;
    const value = await handler(parsed.data, env as HandlerEnv);
    // The response schema guards the renderer against the core's own mistakes.
    return ok(def.response.parse(value));
  } catch (err) {
    return errorToResult(err);
  }
}
