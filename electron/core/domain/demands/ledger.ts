/** 诉求台账 as .xlsx: phones masked unless 含联系方式 is ticked, which is audited (留痕). */
import { DEMAND_KIND_LABELS, DEMAND_STATE_LABELS, type Demand } from '../../../../shared/demands';
import { LANE_LABELS } from '../../../../shared/meetings';
import { auditEntry } from '../../db/audit';
import type { Ctx } from '../../db/context';
import { sheet, workbook, type Column } from '../../lib/xlsx';
import { getVillage } from '../village/village';
import { listDemands } from './queries';
import { getDemandRow, demandToDto, today } from './rows';

/** `contacts`: rows read whole (the list's rows come with phones masked already). */
const COLUMNS = (contacts: boolean): Column<Demand>[] => [
  { header: '编号', width: 11, value: (d) => d.number },
  { header: '查询码', width: 9, value: (d) => d.code },
  { header: '类别', width: 9, value: (d) => DEMAND_KIND_LABELS[d.kind] },
  { header: '收到日期', width: 11, value: (d) => d.receivedDate },
  { header: '渠道', width: 10, value: (d) => d.channel },
  { header: '群众', width: 8, value: (d) => d.residentName },
  { header: '联系电话', width: 14, value: (d) => d.residentPhone },
  { header: '村民小组', width: 9, value: (d) => d.residentGroup },
  ...(contacts ? [{ header: '住址', width: 16, value: (d: Demand) => d.residentAddress }] : []),
  {
    header: '诉求内容',
    width: 40,
    value: (d) => (d.sensitive ? `（敏感：${d.sensitiveKind ?? '其他'}）${d.content}` : d.content),
  },
  { header: '诉求类别', width: 12, value: (d) => d.category },
  { header: '性质', width: 10, value: (d) => d.nature ?? '' },
  { header: '办理方式', width: 10, value: (d) => (d.lane ? LANE_LABELS[d.lane] : '') },
  { header: '责任人/领办人', width: 12, value: (d) => d.owner },
  { header: '办理时限', width: 11, value: (d) => d.dueDate ?? '' },
  {
    header: '原定时限',
    width: 11,
    value: (d) => (d.firstDueDate && d.firstDueDate !== d.dueDate ? d.firstDueDate : ''),
  },
  { header: '状态', width: 13, value: (d) => DEMAND_STATE_LABELS[d.state] + (d.overdue ? '（已超期）' : '') },
  { header: '重办次数', width: 8, value: (d) => d.redoCount },
];

export async function demandLedger(
  ctx: Ctx,
  contacts: boolean,
): Promise<{ fileName: string; data: Buffer; count: number }> {
  const listed = await listDemands(ctx, { limit: 5000 });
  // The list masks phones; with contacts the rows are read whole, and the export is recorded.
  const rows = contacts
    ? await Promise.all(listed.map(async (d) => demandToDto(await getDemandRow(ctx, d.id), today(ctx), true)))
    : listed;
  if (contacts)
    await ctx.conn.transaction(() =>
      auditEntry(ctx, 'demand', 'ledger', 'export', { newValue: { rows: rows.length, contacts: true } }),
    );
  const village = await getVillage(ctx);
  const title = `${village?.name ?? ''}群众诉求台账（${today(ctx)}）`;
  const data = await workbook([sheet({ name: '诉求台账', columns: COLUMNS(contacts), rows })], title);
  return { fileName: `${title}${contacts ? '（含联系方式）' : ''}.xlsx`, data, count: rows.length };
}
