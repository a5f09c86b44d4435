/** Channels of the demand register (群众诉求与微心愿); merged into the contract. */
import { z } from 'zod';
import { id } from './domain';
import { demandImportPreview, demandSheetChoice } from './demandImport';
import {
  demand,
  demandDetail,
  demandFilter,
  demandInput,
  demandMoveInput,
  demandPatch,
  demandRates,
  demandToProjectInput,
  meetingDemand,
  ratesRequest,
} from './demands';

export const demandChannels = {
  'demands.register': { request: demandInput, response: demand },
  'demands.update': { request: demandPatch, response: demand },
  'demands.list': { request: demandFilter, response: z.array(demand) },
  'demands.get': { request: z.strictObject({ id }), response: demandDetail },
  /** One step along the way (受理, 分流, 领办, 延期, 办结, 回访, 销号 …): refused unless the state allows it. */
  'demands.move': { request: demandMoveInput, response: demandDetail },
  /** What a meeting's 群众诉求 item lists: registered since the last meeting, overdue, decided on here. */
  'demands.forMeeting': { request: z.strictObject({ meetingId: id }), response: z.array(meetingDemand) },
  /** A 共性问题 becomes a project (source 群众诉求); the demand links to it. */
  'demands.toProject': { request: demandToProjectInput, response: demandDetail },
  /** 解决率, 按时办结率, 满意率, 重办率, 认领率, 兑现率, 党员领办 — each with its formula. */
  'demands.rates': { request: ratesRequest, response: demandRates },
  /** 诉求台账 .xlsx; with contacts the phones are whole (recorded in 留痕). */
  'demands.exportLedger': {
    request: z.strictObject({ contacts: z.boolean({ error: '含联系方式应为是或否' }).default(false) }),
    response: z.object({ fileName: z.string(), dataBase64: z.string(), count: z.number() }),
  },
  /** Rows of a sheet opened with import.open, read as demands (12345 工单, a village's own list), with row errors. */
  'demands.importPreview': { request: demandSheetChoice, response: demandImportPreview },
  /** The valid rows (mode valid) or nothing unless all are (mode all), in one transaction after a backup. */
  'demands.importApply': {
    request: demandSheetChoice.extend({
      mode: z.enum(['valid', 'all'], { error: '导入方式应为“只导入正确的行”或“全部正确才导入”' }),
    }),
    response: z.object({ imported: z.number(), skipped: z.number(), backup: z.string().nullable() }),
  },
} as const;
