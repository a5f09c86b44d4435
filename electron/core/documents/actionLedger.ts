/** 任务台账: every action (or the open ones) with its meeting, item, owner, due date, lane and state, as .xlsx. */
import { LANE_LABELS, type ActionRowDto } from '../../../shared/meetings';
import type { Ctx } from '../db/context';
import { todayInChina, weekBounds } from '../../../shared/dates';
import { listActionRows } from '../domain/meetings/queries';
import { getVillage } from '../domain/village/village';
import { workbook, sheet, type Column } from '../lib/xlsx';

/** The moment in China time, as offices write it: 2026-12-03 10:00. */
const chinaDateTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const state = (a: ActionRowDto, today: string) =>
  a.done ? '已完成' : a.dueDate && a.dueDate < today ? '已逾期' : '未完成';

export async function actionLedger(
  ctx: Ctx,
  openOnly: boolean,
): Promise<{ fileName: string; data: Buffer; count: number }> {
  const today = todayInChina(ctx.clock());
  const rows = await listActionRows(ctx, {
    status: openOnly ? 'open' : 'all',
    sort: 'meeting',
    limit: 1_000_000,
    today,
    week: weekBounds(today),
  });
  const columns: Column<ActionRowDto>[] = [
    { header: '序号', width: 6, value: (_a, i) => i + 1 },
    { header: '会议日期', width: 12, value: (a) => a.meetingDate },
    { header: '会议', width: 28, value: (a) => a.meetingTitle },
    { header: '议题', width: 24, value: (a) => a.agendaTitle },
    { header: '任务', width: 40, value: (a) => a.text },
    { header: '责任人', width: 10, value: (a) => a.ownerName ?? '' },
    { header: '完成时限', width: 12, value: (a) => a.dueDate },
    { header: '办理方式', width: 12, value: (a) => LANE_LABELS[a.lane] },
    { header: '状态', width: 8, value: (a) => state(a, today) },
    { header: '完成时间', width: 18, value: (a) => (a.doneAt ? chinaDateTime(a.doneAt) : null) },
    { header: '勾选人', width: 10, value: (a) => a.doneBy },
  ];
  const village = (await getVillage(ctx))?.name ?? '';
  const title = `${village}联席会议${openOnly ? '未完成' : ''}任务台账（${today}）`;
  return {
    fileName: `${title}.xlsx`,
    data: await workbook([sheet({ name: '任务台账', columns, rows })], title),
    count: rows.length,
  };
}
