import { Card, Col, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import type { DemandRates, Rate } from '../../../../shared/demands';
import { periodText, RatesPeriod, type RatesQuery } from './RatesPeriod';

const VALUE = { fontSize: 22 };

/** One rate, its formula underneath (as the project page shows its progress formula). */
function RateStat({ title, rate, testId }: { title: string; rate: Rate; testId: string }) {
  return (
    <Col xs={12} md={8} lg={4}>
      <Statistic
        title={title}
        value={rate.percent ?? '—'}
        suffix={rate.percent === null ? '' : '%'}
        valueStyle={VALUE}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={testId}>
        {rate.formula}
      </Typography.Text>
    </Col>
  );
}

/** 受理数, 办结数 … and the rates counties report, each with its formula, for the period chosen and as of a day. */
export function RatesCard({ r, q, onChange }: { r: DemandRates; q: RatesQuery; onChange(q: RatesQuery): void }) {
  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap={false}>
          <span>办理情况</span>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }} data-testid="rates-period">
            {periodText(q)}
          </Typography.Text>
        </Space>
      }
      extra={<RatesPeriod q={q} onChange={onChange} />}
      role="region"
      aria-label="办理情况"
      style={{ marginBottom: 12 }}
    >
      <Row gutter={[16, 12]}>
        <Col xs={6} md={4} lg={2}>
          <Statistic title="受理" value={r.accepted} suffix="件" valueStyle={VALUE} />
        </Col>
        <Col xs={6} md={4} lg={2}>
          <Statistic title="办结" value={r.done} suffix="件" valueStyle={VALUE} />
        </Col>
        <Col xs={6} md={4} lg={2}>
          <Statistic title="回访" value={r.visited} suffix="次" valueStyle={VALUE} />
        </Col>
        <Col xs={6} md={4} lg={2}>
          <Tooltip title="截至当天仍在办理、已过承诺时限">
            <Statistic
              title="超期"
              value={r.overdue}
              suffix="件"
              valueStyle={r.overdue ? { ...VALUE, color: '#c62828' } : VALUE}
            />
          </Tooltip>
        </Col>
        <RateStat title="解决率" rate={r.solve} testId="rate-solve" />
        <RateStat title="按时办结率" rate={r.onTime} testId="rate-ontime" />
        <RateStat title="满意率" rate={r.satisfaction} testId="rate-satisfaction" />
        <RateStat title="重办率" rate={r.redo} testId="rate-redo" />
        <RateStat title="微心愿认领率" rate={r.wishClaim} testId="rate-claim" />
        <RateStat title="微心愿兑现率" rate={r.wishFulfil} testId="rate-fulfil" />
        <RateStat title="党员领办" rate={r.partyClaim} testId="rate-party" />
      </Row>
      {r.partyZero.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          今年还没有领办微心愿的党员：{r.partyZero.join('、')}
          {r.partyClaim.den - r.partyClaim.num > r.partyZero.length && ` 等 ${r.partyClaim.den - r.partyClaim.num} 人`}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
