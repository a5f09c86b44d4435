/** Channels of the exchange (village bundles) and the county view (汇总); merged into the contract. */
import { z } from 'zod';
import { DEMAND_STATES } from './demands';
import { isoDate } from './meetings';

const tableCounts = z.object({
  new: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  older: z.number(),
  conflicts: z.number(),
});
export const fileOutcome = z.object({
  file: z.string(),
  status: z.enum(['applied', 'unchanged', 'refused']),
  reason: z.string().nullable(),
  village: z.object({ code: z.string(), name: z.string() }).nullable(),
  fingerprint: z.string().nullable(),
  keyStatus: z.enum(['new', 'known', 'changed']).nullable(),
  counts: z.record(z.string(), tableCounts).nullable(),
  conflicts: z.number(),
  importId: z.string().nullable(),
  backup: z.string().nullable(),
});
export type FileOutcomeDto = z.infer<typeof fileOutcome>;

export const countyVillage = z.object({
  code: z.string(),
  name: z.string(),
  township: z.string(),
  fingerprint: z.string(),
  lastImportAt: z.string().nullable(),
  lastExportedAt: z.string().nullable(),
  projects: z.number(),
  projectsDone: z.number(),
  donePercent: z.number(),
  overdueActions: z.number(),
  /** Open actions decided more than two weeks ago. */
  staleActions: z.number(),
  budget: z.number(),
  spent: z.number(),
  lastMeeting: z.string().nullable(),
  canUndo: z.boolean(),
  /** 群众诉求 (incl. 微心愿): accepted, 销号, the rates (percent, null without a denominator), overdue. */
  demands: z.number(),
  demandsClosed: z.number(),
  solveRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  demandsOverdue: z.number(),
  partyClaimRate: z.number().nullable(),
});
export type CountyVillage = z.infer<typeof countyVillage>;

export const countyCategory = z.object({
  category: z.string(),
  projects: z.number(),
  done: z.number(),
  donePercent: z.number(),
  budget: z.number(),
  spent: z.number(),
});

const file = z.object({ fileName: z.string(), dataBase64: z.string() });

export const exchangeChannels = {
  'exchange.identity': {
    request: z.strictObject({}),
    response: z.object({ publicKey: z.string(), fingerprint: z.string(), createdAt: z.string() }),
  },
  /** The whole village, or the rows changed from `from` to `to` (China dates) with what they refer to. */
  'exchange.export': {
    request: z
      .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
      .refine((r) => (r.from === undefined) === (r.to === undefined), { error: '开始和结束日期需要同时填写' }),
    response: file.extend({ counts: z.record(z.string(), z.number()), bytes: z.number() }),
  },
  'exchange.import': {
    request: z.strictObject({
      fileName: z.string().min(1).max(200),
      // ≤ 200 MB of bundle as base64.
      dataBase64: z.string().max(280_000_000, { error: '文件过大（上限 200 MB）' }),
      acceptNewKey: z.boolean().default(false),
      /** Files imported together: one backup before the first of them that changes anything. */
      batch: z
        .string()
        .regex(/^[0-9a-f-]{36}$/, { error: '批次编号格式不正确' })
        .optional(),
    }),
    response: fileOutcome,
  },
  'exchange.undo': {
    request: z.strictObject({ villageCode: z.string().regex(/^\d{12}$/, { error: '区划代码应为12位数字' }) }),
    response: z.object({ importId: z.string(), fileName: z.string(), rows: z.number() }),
  },

  'county.overview': {
    request: z.strictObject({}),
    response: z.object({ villages: z.array(countyVillage), categories: z.array(countyCategory), today: z.string() }),
  },
  /** A village's meetings and projects, read-only. */
  'county.village': {
    request: z.strictObject({ code: z.string().regex(/^\d{12}$/, { error: '区划代码应为12位数字' }) }),
    response: z.object({
      village: countyVillage,
      meetings: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          date: z.string(),
          items: z.number(),
          actions: z.number(),
          openActions: z.number(),
        }),
      ),
      /** Open demands past their date, as the bundle carried them (no resident's details). */
      overdueDemands: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          content: z.string(),
          category: z.string(),
          owner: z.string(),
          dueDate: z.string(),
          state: z.enum(DEMAND_STATES),
        }),
      ),
      projects: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          category: z.string(),
          status: z.string(),
          dueDate: z.string().nullable(),
          budget: z.number().nullable(),
          spent: z.number().nullable(),
          progress: z.number(),
        }),
      ),
    }),
  },
  'county.exportSummary': { request: z.strictObject({}), response: file },
} as const;
