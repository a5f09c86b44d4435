import dayjs from 'dayjs';
import { todayInChina, weekBounds } from '../../../shared/dates';
import { WEEKDAY_LABELS } from '../../../shared/meetings';

/** 2026年12月1日（星期二） */
export const longDate = (d: string) => `${dayjs(d).format('YYYY年M月D日')}（${WEEKDAY_LABELS[dayjs(d).day() || 7]}）`;
export const shortDate = (d: string | null) => (d ? dayjs(d).format('M月D日') : '—');
export const dateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Today in the office's calendar: the date in China (UTC+8), as the core counts it, whatever the PC's zone. */
export const today = () => todayInChina(new Date());

/** This year in China. */
export const thisYear = () => Number(today().slice(0, 4));

export type DueState = 'done' | 'overdue' | 'thisWeek' | 'later' | 'none';

/** Red when overdue, amber when due this week (Monday–Sunday). */
export function dueState(dueDate: string | null, done: boolean, t = today()): DueState {
  if (done) return 'done';
  if (!dueDate) return 'none';
  if (dueDate < t) return 'overdue';
  return dueDate <= weekBounds(t).sunday ? 'thisWeek' : 'later';
}

export const DUE_COLORS: Record<DueState, string | undefined> = {
  done: undefined,
  overdue: '#c62828',
  thisWeek: '#d97706',
  later: undefined,
  none: undefined,
};

/** ¥12.5万 / ¥3,200 — the way offices write sums. */
export function money(yuan: number | null): string {
  if (yuan === null) return '—';
  if (yuan >= 10_000) return `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;
  return `${yuan.toLocaleString('zh-CN')}元`;
}
