/** Channels of the Excel ledger import (项目库 → 导入Excel); merged into the contract. */
import { z } from 'zod';

export const IMPORT_FIELD_KEYS = [
  'seq',
  'title',
  'category',
  'description',
  'unit',
  'owner',
  'lead',
  'budget',
  'spent',
  'fundSource',
  'startDate',
  'dueDate',
  'progressNote',
  'done',
  'status',
  'source',
  'note',
] as const;
export const IMPORT_FIELD_LABELS: Record<(typeof IMPORT_FIELD_KEYS)[number], string> = {
  seq: '序号',
  title: '项目名称',
  category: '项目类别',
  description: '主要内容',
  unit: '责任单位',
  owner: '责任人',
  lead: '领办领导',
  budget: '计划投资',
  spent: '已支出',
  fundSource: '资金来源',
  startDate: '开始时间',
  dueDate: '完成时限',
  progressNote: '进展情况',
  done: '是否完成',
  status: '项目状态',
  source: '项目来源',
  note: '备注',
};

const mapping = z.array(z.enum(IMPORT_FIELD_KEYS).nullable()).max(200);
const token = z.string().uuid({ error: '导入会话已失效，请重新选择文件' });
const sheetChoice = {
  token,
  sheet: z.string().min(1).max(100),
  /** 1-based, as Excel numbers rows. */
  headerRow: z.number().int().min(1).max(100),
  mapping,
};

const issue = z.object({ column: z.string(), message: z.string() });
export const importRow = z.object({
  row: z.number(),
  title: z.string(),
  ok: z.boolean(),
  errors: z.array(issue),
  warnings: z.array(issue),
  category: z.string(),
  dueDate: z.string().nullable(),
  budget: z.number().nullable(),
  status: z.string(),
  owner: z.string(),
});
export type ImportRowDto = z.infer<typeof importRow>;

export const importChannels = {
  'import.open': {
    request: z.strictObject({
      fileName: z.string().min(1).max(200),
      // ≤ 20 MB of file as base64.
      dataBase64: z.string().max(28_000_000, { error: '文件过大（上限 20 MB）' }),
    }),
    response: z.object({
      token: z.string(),
      fileName: z.string(),
      sheets: z.array(
        z.object({
          name: z.string(),
          rows: z.number(),
          headerRow: z.number().nullable(),
          headers: z.array(z.string()),
          mapping,
        }),
      ),
    }),
  },
  /** The header texts of another header row, and the guessed mapping for them. */
  'import.headers': {
    request: z.strictObject({ token, sheet: sheetChoice.sheet, headerRow: sheetChoice.headerRow }),
    response: z.object({ headers: z.array(z.string()), mapping }),
  },
  'import.preview': {
    request: z.strictObject(sheetChoice),
    response: z.object({
      year: z.number().nullable(),
      rows: z.array(importRow),
      counts: z.object({ total: z.number(), valid: z.number(), invalid: z.number(), warnings: z.number() }),
    }),
  },
  'import.apply': {
    request: z.strictObject({
      ...sheetChoice,
      mode: z.enum(['valid', 'all'], { error: '导入方式应为“只导入正确的行”或“全部正确才导入”' }),
    }),
    response: z.object({ imported: z.number(), skipped: z.number(), backup: z.string().nullable() }),
  },
} as const;
