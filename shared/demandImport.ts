/**
 * Importing demands from Excel: a 12345 工单 list or a village's own demand
 * sheet, through the same file session and mapping screen as the ledger
 * import (import.open), with the demand's own fields.
 */
import { z } from 'zod';

export const DEMAND_IMPORT_FIELD_LABELS = {
  ticket: '工单编号',
  receivedDate: '来电时间',
  content: '诉求内容',
  residentName: '联系人',
  residentPhone: '联系电话',
  residentGroup: '村民小组',
  residentAddress: '地址',
  category: '诉求类别',
  channel: '来源渠道',
  dueDate: '办理时限',
  note: '备注',
} as const;
export type DemandImportField = keyof typeof DEMAND_IMPORT_FIELD_LABELS;
export const DEMAND_IMPORT_FIELDS = Object.keys(DEMAND_IMPORT_FIELD_LABELS) as [
  DemandImportField,
  ...DemandImportField[],
];

const token = z.string().uuid({ error: '导入会话已失效，请重新选择文件' });
const mapping = z.array(z.enum(DEMAND_IMPORT_FIELDS).nullable()).max(200);
export const demandSheetChoice = z.strictObject({
  token,
  sheet: z.string().min(1).max(100),
  /** 1-based; absent: guessed from the headers. */
  headerRow: z.number().int().min(1).max(100).optional(),
  /** Absent: guessed from the headers. */
  mapping: mapping.optional(),
});

const issue = z.object({ column: z.string(), message: z.string() });
export const demandImportRow = z.object({
  row: z.number(),
  ok: z.boolean(),
  errors: z.array(issue),
  warnings: z.array(issue),
  ticket: z.string(),
  receivedDate: z.string().nullable(),
  content: z.string(),
  residentName: z.string(),
  dueDate: z.string().nullable(),
});
export type DemandImportRow = z.infer<typeof demandImportRow>;

export const demandImportPreview = z.object({
  headerRow: z.number().nullable(),
  headers: z.array(z.string()),
  mapping,
  rows: z.array(demandImportRow),
  counts: z.object({ total: z.number(), valid: z.number(), invalid: z.number(), warnings: z.number() }),
});
