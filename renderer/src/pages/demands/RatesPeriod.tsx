import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { today } from '../../lib/format';

/** Which demands the rates count (by the day of each step) and as of which day. */
export interface RatesQuery {
  preset: Preset;
  from?: string;
  to?: string;
  asOf: string;
}
type Preset = 'year' | 'quarter' | 'month' | 'lastMonth' | 'all' | 'custom';
const PRESETS: { value: Preset; label: string }[] = [
  { value: 'year', label: '本年度' },
  { value: 'quarter', label: '本季度' },
  { value: 'month', label: '本月' },
  { value: 'lastMonth', label: '上个月' },
  { value: 'all', label: '全部' },
  { value: 'custom', label: '自定义期间' },
];

const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The period a preset names, in the year, quarter or month of `asOf`. */
export function periodOf(preset: Preset, asOf: string): { from?: string; to?: string } {
  const d = dayjs(asOf);
  switch (preset) {
    case 'year':
      return { from: `${d.year()}-01-01`, to: `${d.year()}-12-31` };
    case 'quarter': {
      const start = d.month(Math.floor(d.month() / 3) * 3).date(1);
      return { from: ymd(start), to: ymd(start.add(3, 'month').subtract(1, 'day')) };
    }
    case 'month':
      return { from: ymd(d.date(1)), to: ymd(d.endOf('month')) };
    case 'lastMonth': {
      const m = d.date(1).subtract(1, 'month');
      return { from: ymd(m), to: ymd(m.endOf('month')) };
    }
    default:
      return {};
  }
}

export const defaultRatesQuery = (): RatesQuery => ({ preset: 'year', asOf: today(), ...periodOf('year', today()) });

const long = (s: string) => dayjs(s).format('YYYY年M月D日');
/** 2026年1月1日至12月31日，截至2026年11月26日 — what the card's figures are of. */
export function periodText(q: RatesQuery): string {
  const asOf = q.asOf === today() ? `截至今天（${long(q.asOf)}）` : `截至${long(q.asOf)}`;
  if (!q.from && !q.to) return `全部诉求，${asOf}`;
  const from = q.from ? long(q.from) : '最早';
  const to = q.to
    ? q.from && q.to.slice(0, 4) === q.from.slice(0, 4)
      ? dayjs(q.to).format('M月D日')
      : long(q.to)
    : '';
  return `${from}至${to || '今'}，${asOf}`;
}

/** 统计期间 (a preset of the as-of day's year, quarter, month — or any two days) and 截至日期. */
export function RatesPeriod({ q, onChange }: { q: RatesQuery; onChange(q: RatesQuery): void }) {
  const preset = (p: Preset) =>
    onChange(p === 'custom' ? { ...q, preset: p } : { preset: p, asOf: q.asOf, ...periodOf(p, q.asOf) });
  const asOf = (d: Dayjs | null) => {
    const day = d ? ymd(d) : today();
    onChange(q.preset === 'custom' ? { ...q, asOf: day } : { ...q, asOf: day, ...periodOf(q.preset, day) });
  };
  const range = (v: [Dayjs | null, Dayjs | null] | null) =>
    onChange({
      preset: 'custom',
      asOf: q.asOf,
      from: v?.[0] ? ymd(v[0]) : undefined,
      to: v?.[1] ? ymd(v[1]) : undefined,
    });
  return (
    <Space wrap size={8}>
      <Select<Preset>
        aria-label="统计期间"
        value={q.preset}
        options={PRESETS}
        onChange={preset}
        style={{ width: 120 }}
        size="small"
      />
      {q.preset === 'custom' && (
        <DatePicker.RangePicker
          size="small"
          allowEmpty={[true, true]}
          placeholder={['开始日期', '结束日期']}
          value={[q.from ? dayjs(q.from) : null, q.to ? dayjs(q.to) : null]}
          onChange={range}
          style={{ width: 230 }}
        />
      )}
      <DatePicker
        size="small"
        aria-label="截至日期"
        placeholder="截至日期"
        value={dayjs(q.asOf)}
        allowClear={false}
        disabledDate={(d) => ymd(d) > today()}
        onChange={asOf}
        style={{ width: 130 }}
      />
    </Space>
  );
}

/** The request for demands.rates. */
export const ratesCall = (q: RatesQuery) => ({
  asOf: q.asOf,
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
});
