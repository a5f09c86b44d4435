import { ArrowLeftOutlined, EditOutlined, HistoryOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { DEMAND_KIND_LABELS, DEMAND_MOVES, type DemandDetail, type DemandMove } from '../../../../shared/demands';
import { LANE_LABELS } from '../../../../shared/meetings';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { call, errorMessage } from '../../lib/api';
import { dateTime, longDate } from '../../lib/format';
import { DetailPending, useDetail } from '../../lib/useDetail';
import { useLoad } from '../../lib/useLoad';
import { usePeople } from '../../lib/usePeople';
import { useVillage } from '../../lib/village';
import { PrintPreview, ProgressSlip, ReceiptSlip } from '../../print/lazy';
import { navigate } from '../../shell/useHashRoute';
import { dueTone, stateLabel, STATE_COLORS } from './demandText';
import { DemandActions, finishNote } from './DemandActions';
import { MoveDialog } from './MoveDialog';
import { RegisterDialog } from './RegisterDialog';

const dash = (s: string | null | undefined) => s || '—';

function Facts({ d }: { d: DemandDetail }) {
  const x = d.demand;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 12 }}>
      <Descriptions.Item label="收到">{`${longDate(x.receivedDate)} · ${x.channel}`}</Descriptions.Item>
      <Descriptions.Item label="群众">
        {[x.residentName, x.residentGroup].filter(Boolean).join(' · ') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="联系电话">{dash(x.residentPhone)}</Descriptions.Item>
      <Descriptions.Item label="住址">{dash(x.residentAddress)}</Descriptions.Item>
      <Descriptions.Item label="身份证号">{dash(x.residentIdNumber)}</Descriptions.Item>
      <Descriptions.Item label="公示">
        {x.sensitive ? `不公示（涉及${x.sensitiveKind ?? '隐私'}）` : x.publicConsent ? '同意公示' : '未同意公示'}
      </Descriptions.Item>
      <Descriptions.Item label="性质">{dash(x.nature)}</Descriptions.Item>
      <Descriptions.Item label="办理方式">{x.lane ? LANE_LABELS[x.lane] : '—'}</Descriptions.Item>
      <Descriptions.Item label={x.kind === 'wish' ? '领办人' : '责任人'}>{dash(x.owner)}</Descriptions.Item>
      <Descriptions.Item label="时限">
        <Typography.Text type={dueTone(x)}>
          {x.dueDate ? longDate(x.dueDate) : '—'}
          {x.firstDueDate && x.firstDueDate !== x.dueDate ? `（原定 ${longDate(x.firstDueDate)}）` : ''}
          {x.overdue ? ' 已超期' : ''}
        </Typography.Text>
      </Descriptions.Item>
      {x.reviewDate && <Descriptions.Item label="再议日期">{longDate(x.reviewDate)}</Descriptions.Item>}
      {x.redoCount > 0 && <Descriptions.Item label="重办">{`${x.redoCount} 次`}</Descriptions.Item>}
    </Descriptions>
  );
}

/** One demand: what, who, by when; its way so far (the timeline); the moves it can make next; 回执, 进度单. */
export function DemandPage({ id }: { id: string }) {
  const { message, modal } = AntApp.useApp();
  const { village } = useVillage();
  const { people } = usePeople();
  const [move, setMove] = useState<DemandMove | null>(null);
  const [slip, setSlip] = useState<'receipt' | 'progress' | null>(null);
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  const { detail, error, reload } = useDetail<DemandDetail>(useCallback(() => call('demands.get', { id }), [id]));
  const { data: settings } = useLoad(useCallback(() => call('settings.get', {}), []));
  if (!detail)
    return <DetailPending error={error} title="打不开这条诉求" back={{ path: 'demands', label: '返回诉求' }} />;
  const x = detail.demand;
  const toProject = () =>
    modal.confirm({
      title: '把这条共性问题转为项目？',
      content: `将在今年的项目库里新建一个“群众诉求”来源的项目，责任人、时限随诉求；诉求 ${x.number} 与项目互相关联。`,
      okText: '转为项目',
      cancelText: '取消',
      onOk: async () => {
        try {
          const d = await call('demands.toProject', { id: x.id });
          message.success(`已转为项目：${d.project?.title ?? ''}`);
          void reload();
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  const SlipBody = slip === 'receipt' ? ReceiptSlip : ProgressSlip;
  return (
    <div className="page">
      <div className="page-header no-print" style={{ marginBottom: 8 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('demands')} style={{ paddingLeft: 0 }}>
          诉求
        </Button>
        <Space wrap>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
            修改记录
          </Button>
          {x.state !== 'closed' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改登记
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => setSlip('receipt')}>
            打印回执
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => setSlip('progress')}>
            打印进度单
          </Button>
        </Space>
      </div>
      <Card>
        <Space align="center" size={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {x.number}
          </Typography.Title>
          <Tag color={STATE_COLORS[x.state]}>{stateLabel(x.state)}</Tag>
          <Tag>{DEMAND_KIND_LABELS[x.kind]}</Tag>
          <Tag>{x.category}</Tag>
          <Typography.Text type="secondary">查询码 {x.code}</Typography.Text>
        </Space>
        <Typography.Paragraph style={{ fontSize: 16, margin: '12px 0 0' }}>{x.content}</Typography.Paragraph>
        <Facts d={detail} />
        {detail.moves.length > 0 && (
          <Space wrap style={{ marginTop: 8 }} role="group" aria-label="下一步">
            {detail.moves.map((m, i) => (
              <Button key={m} type={i === 0 ? 'primary' : 'default'} onClick={() => setMove(m)}>
                {DEMAND_MOVES[m].label}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <DemandActions d={detail} onFinish={() => setMove('finish')} onProject={toProject} />
      <Card title="办理进度" size="small" style={{ marginTop: 12 }} role="region" aria-label="办理进度">
        <Timeline
          items={detail.steps.map((s) => ({
            color: s.move === 'followUp' && s.detail.includes('不满意') ? 'red' : 'blue',
            children: (
              <div data-testid="timeline-step">
                <Typography.Text strong>{DEMAND_MOVES[s.move].label}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {dateTime(s.at)} · {s.actor}
                </Typography.Text>
                {s.detail && <div>{s.detail}</div>}
                {s.note && <div style={{ color: '#475467' }}>{s.note}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <MoveDialog
        move={move}
        demand={x}
        people={people}
        initial={move === 'finish' && detail.actions.length ? { note: finishNote(detail.actions) } : undefined}
        onClose={() => setMove(null)}
        onDone={(d) => {
          message.success(`${DEMAND_MOVES[move!].label}：${d.demand.number}，现为“${stateLabel(d.demand.state)}”`);
          setMove(null);
          void reload();
        }}
      />
      {slip && (
        <PrintPreview
          title={slip === 'receipt' ? '诉求受理回执' : '诉求办理进度单'}
          fileName={`${x.number}${slip === 'receipt' ? '回执' : '进度单'}.pdf`}
          onClose={() => setSlip(null)}
          paper="a5"
        >
          <SlipBody d={detail} village={village.name} phone={settings?.contactPhone ?? ''} />
        </PrintPreview>
      )}
      {editing && (
        <RegisterDialog
          open
          editing={x}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            message.success('已保存');
            void reload();
          }}
        />
      )}
      <HistoryDrawer
        open={history}
        onClose={() => setHistory(false)}
        title={`修改记录：${x.number}`}
        source={{ kind: 'demand', id: x.id }}
      />
    </div>
  );
}
