import { FileExcelOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import type { RequestIn } from '../../../../shared/contract';
import {
  DEMAND_CHANNELS,
  DEMAND_KIND_LABELS,
  DEMAND_NATURES,
  DEMAND_STATE_LABELS,
  DEMAND_STATES,
  type Demand,
} from '../../../../shared/demands';
import { LANE_LABELS, LANES } from '../../../../shared/meetings';
import { PersonSelect } from '../../components/PersonSelect';
import { call } from '../../lib/api';
import { XLSX_MIME } from '../../lib/files';
import { shortDate, today } from '../../lib/format';
import { useDownload } from '../../lib/useDownload';
import { useLoad } from '../../lib/useLoad';
import { usePeople } from '../../lib/usePeople';
import { navigate } from '../../shell/useHashRoute';
import { dueTone, STATE_COLORS } from './demandText';
import { ImportWizard } from '../imports/LazyImportWizard';
import { DEMANDS } from '../imports/targets';
import { RatesCard } from './RatesCard';
import { defaultRatesQuery, ratesCall, type RatesQuery } from './RatesPeriod';
import { RegisterDialog } from './RegisterDialog';

type Filter = Omit<RequestIn<'demands.list'>, 'limit'>;
const options = <T extends string>(values: readonly T[], label: (v: T) => string = (v) => v) =>
  values.map((v) => ({ value: v, label: label(v) }));

const COLUMNS: ColumnsType<Demand> = [
  { title: '编号', dataIndex: 'number', width: 96 },
  {
    title: '诉求',
    render: (_v, d) => (
      <Space direction="vertical" size={0}>
        <Typography.Link href={`#/demands/${d.id}`}>{d.content}</Typography.Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            `${shortDate(d.receivedDate)}收到`,
            d.kind === 'wish' ? DEMAND_KIND_LABELS.wish : d.channel,
            d.category,
            d.residentName,
            d.residentPhone,
            d.residentGroup,
          ]
            .filter(Boolean)
            .join(' · ')}
          {d.sensitive && <Tag style={{ marginLeft: 6 }}>涉及隐私</Tag>}
        </Typography.Text>
      </Space>
    ),
  },
  {
    title: '性质·方式',
    width: 104,
    render: (_v, d) =>
      d.nature || d.lane ? (
        <Space direction="vertical" size={0}>
          <span>{d.nature ?? '—'}</span>
          <Typography.Text type="secondary">{d.lane ? LANE_LABELS[d.lane] : '—'}</Typography.Text>
        </Space>
      ) : (
        '—'
      ),
  },
  { title: '责任人', dataIndex: 'owner', width: 84, render: (o: string) => o || '—' },
  {
    title: '时限',
    dataIndex: 'dueDate',
    width: 96,
    render: (_v, d) =>
      d.state === 'archived' && d.reviewDate ? (
        // 待办档案 have no time limit, but a day to be taken up again (amber once it has come).
        <Space direction="vertical" size={0}>
          <Typography.Text type={d.reviewDate <= today() ? 'warning' : 'secondary'}>
            {shortDate(d.reviewDate)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            再议
          </Typography.Text>
        </Space>
      ) : d.dueDate ? (
        <Typography.Text type={dueTone(d)}>
          {shortDate(d.dueDate)}
          {d.overdue ? ' 超期' : ''}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
  {
    title: '状态',
    dataIndex: 'state',
    width: 112,
    render: (s: Demand['state'], d) => (
      <Tag color={STATE_COLORS[s]}>
        {DEMAND_STATE_LABELS[s]}
        {d.redoCount ? `（重办${d.redoCount}）` : ''}
      </Tag>
    ),
  },
];

/** 诉求: the register with the rates on top, filters, 登记诉求, the 诉求台账. */
export function DemandsPage() {
  const { message } = AntApp.useApp();
  const { people } = usePeople();
  const [filter, setFilter] = useState<Filter>({ stage: 'open' });
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);
  const [contacts, setContacts] = useState(false);
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const { data: list, reload } = useLoad(useCallback(() => call('demands.list', { ...filter, limit: 1000 }), [filter]));
  const { data: review } = useLoad(useCallback(() => call('demands.list', { reviewDue: true, limit: 500 }), []));
  const [period, setPeriod] = useState<RatesQuery>(defaultRatesQuery);
  const { data: rates, reload: reloadRates } = useLoad(
    useCallback(() => call('demands.rates', ratesCall(period)), [period]),
  );
  const { busy, download } = useDownload();
  const sel = (
    label: string,
    value: string | undefined,
    opts: { value: string; label: string }[],
    key: keyof Filter,
  ) => (
    <Select
      allowClear
      placeholder={label}
      aria-label={label}
      value={value}
      options={opts}
      style={{ width: 132 }}
      onChange={(v) => set({ [key]: v ?? undefined })}
    />
  );
  return (
    <div className="page">
      <div className="page-header">
        <h1>群众诉求与微心愿</h1>
        <Space>
          <Checkbox checked={contacts} onChange={(e) => setContacts(e.target.checked)}>
            含联系方式
          </Checkbox>
          <Button
            icon={<FileExcelOutlined />}
            loading={busy === 'ledger'}
            onClick={() => void download('ledger', () => call('demands.exportLedger', { contacts }), XLSX_MIME)}
          >
            导出诉求台账
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入Excel
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记诉求
          </Button>
        </Space>
      </div>
      {rates && <RatesCard r={rates} q={period} onChange={setPeriod} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          {sel(
            '办理阶段',
            filter.stage,
            [
              { value: 'open', label: '办理中的' },
              { value: 'settled', label: '已办结的' },
            ],
            'stage',
          )}
          {sel(
            '状态',
            filter.state,
            options(DEMAND_STATES, (s) => DEMAND_STATE_LABELS[s]),
            'state',
          )}
          {sel(
            '类别',
            filter.kind,
            options(['demand', 'wish'] as const, (k) => DEMAND_KIND_LABELS[k]),
            'kind',
          )}
          {sel(
            '办理方式',
            filter.lane,
            options(LANES, (l) => LANE_LABELS[l]),
            'lane',
          )}
          {sel('性质', filter.nature, options(DEMAND_NATURES), 'nature')}
          {sel('来源渠道', filter.channel, options(DEMAND_CHANNELS), 'channel')}
          <PersonSelect
            people={people}
            value={filter.ownerId ?? null}
            onChange={(id) => set({ ownerId: id ?? undefined })}
            placeholder="责任人"
            aria-label="按责任人"
            style={{ width: 120 }}
          />
          <Checkbox checked={!!filter.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
            只看超期
          </Checkbox>
          <Checkbox checked={!!filter.sensitive} onChange={(e) => set({ sensitive: e.target.checked || undefined })}>
            只看涉及隐私
          </Checkbox>
          <Checkbox
            checked={!!filter.reviewDue}
            // 待办档案 are settled for now: the stage filter would hide them.
            onChange={(e) => set(e.target.checked ? { reviewDue: true, stage: undefined } : { reviewDue: undefined })}
          >
            到期再议的待办档案
          </Checkbox>
        </Space>
      </Card>
      {!filter.reviewDue && (review?.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`有 ${review!.length} 条待办档案已到再议日期，请重新研究是否具备办理条件`}
          action={
            <Button size="small" onClick={() => setFilter({ reviewDue: true })}>
              查看
            </Button>
          }
        />
      )}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Demand>
          rowKey="id"
          size="small"
          loading={list === null}
          dataSource={list ?? []}
          columns={COLUMNS}
          pagination={(list?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={(d) => ({ onClick: () => navigate(`demands/${d.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: filter.reviewDue ? '没有已到再议日期的待办档案' : '没有符合条件的诉求' }}
          scroll={{ x: 740 }}
        />
      </Card>
      <ImportWizard
        target={DEMANDS}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          void reload();
          void reloadRates();
        }}
      />
      <RegisterDialog
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(d) => {
          setRegistering(false);
          message.success(`已登记 ${d.number}，查询码 ${d.code}`);
          void reload();
          void reloadRates();
          navigate(`demands/${d.id}`);
        }}
      />
    </div>
  );
}
