import { describe, expect, it } from 'vitest';
import { cellText, parseAmount, parseDate } from '../../electron/core/domain/projects/excel/values';

const date = (raw: unknown) => parseDate(raw, 2024);

describe('dates as offices type them', () => {
  it('serials, Date cells and text forms', () => {
    expect(date(45600)).toEqual({ ok: true, value: '2024-11-04' });
    expect(date(new Date('2024-04-30T00:00:00Z'))).toEqual({ ok: true, value: '2024-04-30' });
    expect(date('2024年5月1日')).toEqual({ ok: true, value: '2024-05-01' });
    expect(date('2024.5.1')).toEqual({ ok: true, value: '2024-05-01' });
    expect(date('２０２４年５月１日')).toEqual({ ok: true, value: '2024-05-01' });
    expect(date('2024-08-15')).toEqual({ ok: true, value: '2024-08-15' });
    expect(date('2025年1月20日')).toEqual({ ok: true, value: '2025-01-20' });
  });
  it('month ends and the sheet’s year', () => {
    expect(date('2024年6月底')).toEqual({ ok: true, value: '2024-06-30' });
    expect(date('2024.10')).toEqual({ ok: true, value: '2024-10-31' });
    expect(date('2024年12月底')).toEqual({ ok: true, value: '2024-12-31' });
    expect(date('2024年2月底')).toEqual({ ok: true, value: '2024-02-29' });
    expect(date('11月30日前')).toEqual({ ok: true, value: '2024-11-30' });
    expect(parseDate('11月30日前', null).ok).toBe(false);
  });
  it('no date with a warning; impossible dates refused', () => {
    expect(date('长期坚持')).toMatchObject({ ok: true, value: null, warning: expect.stringContaining('长期坚持') });
    expect(date('2024年13月1日')).toMatchObject({ ok: false, error: expect.stringContaining('不存在') });
    expect(date('2024-02-30')).toMatchObject({ ok: false });
    expect(date('下个月')).toMatchObject({ ok: false, error: expect.stringContaining('无法识别') });
    expect(date('')).toEqual({ ok: true, value: null });
  });
});

describe('amounts in 万元', () => {
  it('the fixture’s forms', () => {
    expect(parseAmount(0.8, '万元')).toEqual({ ok: true, value: 8000 });
    expect(parseAmount(5, '万元')).toEqual({ ok: true, value: 50000 });
    expect(parseAmount('１２．５', '万元')).toEqual({ ok: true, value: 125000 });
    expect(parseAmount('约20', '万元')).toMatchObject({ ok: true, value: 200000, warning: expect.any(String) });
    expect(parseAmount('—', '万元')).toEqual({ ok: true, value: null });
    expect(parseAmount('3万', '万元')).toEqual({ ok: true, value: 30000 });
    expect(parseAmount(1.05, '万元')).toEqual({ ok: true, value: 10500 });
    expect(parseAmount('5000元', '万元')).toEqual({ ok: true, value: 5000 });
    expect(parseAmount('很多', '万元')).toMatchObject({ ok: false });
    expect(parseAmount(-1, '万元')).toMatchObject({ ok: false });
  });
});

describe('cell text', () => {
  it('formulas are text, never evaluated', () => {
    expect(cellText({ formula: 'HYPERLINK("http://x","y")', result: 'y' })).toBe('=HYPERLINK("http://x","y")');
    expect(cellText('=HYPERLINK("http://x")')).toBe('=HYPERLINK("http://x")');
    expect(cellText({ richText: [{ text: '爱心' }, { text: '超市' }] })).toBe('爱心超市');
  });
});
