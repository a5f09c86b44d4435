import { describe, expect, it } from 'vitest';
import { isoWeek, isoWeekday, nextMeetingDate, todayInChina, weekBounds, weeksBetween } from '../../shared/dates';

describe('meeting dates', () => {
  it('a series set up on a Wednesday for Tuesdays meets next Tuesday', () => {
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(nextMeetingDate(2, '2026-11-25', null)).toBe('2026-12-01');
  });
  it('on the weekday itself, the meeting is today; after an existing one, the week after', () => {
    expect(nextMeetingDate(2, '2026-11-24', null)).toBe('2026-11-24');
    expect(nextMeetingDate(2, '2026-11-24', '2026-11-24')).toBe('2026-12-01');
    expect(nextMeetingDate(2, '2026-11-25', '2026-12-01')).toBe('2026-12-08');
    // A long gap: the next one is from today, not right after the old one.
    expect(nextMeetingDate(2, '2026-11-25', '2026-03-03')).toBe('2026-12-01');
  });
  it('crosses months and years; Sunday is 7', () => {
    expect(nextMeetingDate(7, '2026-12-28', null)).toBe('2027-01-03');
    expect(nextMeetingDate(1, '2028-02-28', null)).toBe('2028-02-28');
    expect(nextMeetingDate(2, '2028-02-28', '2028-02-29')).toBe('2028-03-07');
  });
  it('today is the date in China (UTC+8), whatever the clock zone', () => {
    expect(todayInChina(new Date('2026-11-24T15:59:00Z'))).toBe('2026-11-24');
    expect(todayInChina(new Date('2026-11-24T16:01:00Z'))).toBe('2026-11-25');
  });
  it('weeks open, week bounds and ISO weeks', () => {
    expect(weeksBetween('2026-11-24', '2026-11-30')).toBe(0);
    expect(weeksBetween('2026-11-24', '2026-12-01')).toBe(1);
    expect(weeksBetween('2026-11-03', '2026-12-01')).toBe(4);
    expect(weeksBetween('2026-12-01', '2026-11-24')).toBe(0);
    expect(weekBounds('2026-11-25')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(weekBounds('2026-11-29')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(isoWeek('2026-11-24')).toEqual({ year: 2026, week: 48 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
  });
});
