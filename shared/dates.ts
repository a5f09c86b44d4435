/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings. Offices are in China: "today"
 * is the date at UTC+8, whatever the PC's time zone setting says.
 */
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function todayInChina(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: string, n: number) => fromMs(toMs(d) + n * DAY_MS);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: string): number {
  const w = new Date(toMs(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** First date on or after `from` falling on `weekday`. */
export function onOrAfter(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

/**
 * The next meeting of a weekly series: the first `weekday` on or after today;
 * if a meeting already exists on or after that date, the first `weekday`
 * after the latest existing meeting.
 */
export function nextMeetingDate(weekday: number, today: string, latest: string | null): string {
  const candidate = onOrAfter(today, weekday);
  if (latest === null || latest < candidate) return candidate;
  return onOrAfter(addDays(latest, 1), weekday);
}

/** Whole weeks from `from` to `to` (0 within the first seven days; never negative). */
export function weeksBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((toMs(to) - toMs(from)) / (7 * DAY_MS)));
}

/** Monday and Sunday of the week containing `d`. */
export function weekBounds(d: string): { monday: string; sunday: string } {
  const monday = addDays(d, 1 - isoWeekday(d));
  return { monday, sunday: addDays(monday, 6) };
}

/** ISO week number and its year: 2026-11-24 → { year: 2026, week: 48 }. */
export function isoWeek(d: string): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toMs(thursday) - toMs(`${year}-01-01`)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January). */
export function mondayOfIsoWeek(year: number, week: number): string {
  return addDays(weekBounds(`${year}-01-04`).monday, (week - 1) * 7);
}

/** `2026-W48` → its Monday and Sunday; null if there is no such week. */
export function parseIsoWeek(s: string): { year: number; week: number; monday: string; sunday: string } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1) return null;
  const monday = mondayOfIsoWeek(year, week);
  if (isoWeek(monday).year !== year) return null; // W53 of a year with 52 weeks
  return { year, week, monday, sunday: addDays(monday, 6) };
}
