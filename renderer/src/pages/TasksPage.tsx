import { FileExcelOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { LANE_LABELS, type ActionRowDto, type Lane } from '../../../shared/meetings';
import { PersonSelect } from '../components/PersonSelect';
import { TickBox } from '../components/TickBox';
import { call, errorMessage } from '../lib/api';
import { useDownload } from '../lib/useDownload';
import { useLoad } from '../lib/useLoad';
import { XLSX_MIME } from '../lib/files';
import { DUE_COLORS, dueState, shortDate, today } from '../lib/format';
import { usePeople } from '../lib/usePeople';
import { useVillage } from '../lib/village';
import { navigate } from '../shell/useHashRoute';
import { LANE_COLORS, LANE_OPTIONS } from './meetings/ActionLine';
import { useProposeFinish } from './demands/useProposeFinish';

type Status = 'all' | 'open' | 'overdue' | 'thisWeek' | 'done';

const MINE_KEY = 'lianxi.tasks.mine';

/** 已完成: the latest ticked first. */
const newestDoneFirst = (rows: ActionRowDto[]) =>
  [...rows].sort((x, y) => ((x.doneAt ?? '') < (y.doneAt ?? '') ? 1 : (x.doneAt ?? '') > (y.doneAt ?? '') ? -1 : 0));

/** When an action was ticked, in China's calendar as the header's date. */
const doneDay = (a: ActionRowDto) => (a.doneAt ? dayLabel(dayjs(a.doneAt).format('YYYY-MM-DD')) : '—');

/** A day as 10月13日 this year, 2025年10月13日 another year. */
const dayLabel = (d: string | null) =>
  d && d.slice(0, 4) !== today().slice(0, 4) ? dayjs(d).format('YYYY年M月D日') : shortDate(d);

/** A tick by mistake is put right from the toast (撤销), for a few seconds. */
function useUndoToast(load: () => Promise<unknown> | void) {
  const { message } = AntApp.useApp();
  return (a: ActionRowDto) => {
    const key = `tick:${a.id}`;
    const undo = () => {
      message.destroy(key);
      call('actions.tick', { id: a.id, done: false }).then(
        () => {
          message.success(`已撤销：${a.text}`);
          void load();
        },
        (err: unknown) => message.error(errorMessage(err)),
      );
    };
    message.open({
      key,
      type: 'success',
      duration: 6,
      content: (
        <span>
          <span>已完成：{a.text}</span>
          <Button type="link" size="small" onClick={undo}>
            撤销
          </Button>
        </span>
      ),
    });
  };
}

/** 任务: every action of every meeting, filtered and ticked in one place. */
export function TasksPage() {
  const { message } = AntApp.useApp();
  const { people, byId } = usePeople();
  const proposeFinish = useProposeFinish();
  const [status, setStatus] = useState<Status>('open');
  const [picked, setOwnerId] = useState<string | null>(null);
  // 我的任务: the operator's own actions (the person of the same name), remembered on this computer.
  const { operator } = useVillage();
  const me = people.find((p) => p.name === operator) ?? null;
  const [mine, setMine] = useState(() => localStorage.getItem(MINE_KEY) === '1');
  const ownerId = mine && me ? me.id : picked;
  const [lane, setLane] = useState<Lane | null>(null);
  const [sort, setSort] = useState<'due' | 'meeting'>('due');
  const { data: rows, reload: load } = useLoad(
    useCallback(
      () => call('actions.list', { status, sort, ...(ownerId ? { ownerId } : {}), ...(lane ? { lane } : {}) }),
      [status, ownerId, lane, sort],
    ),
  );

  const tick = async (a: ActionRowDto, done: boolean) => {
    try {
      await call('actions.tick', { id: a.id, done });
    } catch (err) {
      message.error(errorMessage(err));
      throw err;
    }
    if (done) toastUndo(a);
    else message.success(`已改为未完成：${a.text}`);
    await load();
    // The last task decided for a demand ticked: the app offers to mark the demand 已办结·待回访.
    if (done)
      void proposeFinish(a.demandId, () => void load()).catch((err: unknown) => message.error(errorMessage(err)));
  };

  const toastUndo = useUndoToast(load);

  const { busy, download } = useDownload();
  const exportLedger = () =>
    download('ledger', () => call('documents.actionLedger', { openOnly: status === 'open' }), XLSX_MIME);

  const columns: ColumnsType<ActionRowDto> = [
    {
      title: '完成',
      width: 60,
      align: 'center',
      render: (_v, a) => <TickBox done={a.done} label={a.text} onTick={(done) => tick(a, done)} />,
    },
    {
      title: '任务',
      render: (_v, a) => (
        <Space direction="vertical" size={0}>
          <Typography.Text delete={a.done}>{a.text}</Typography.Text>
          <Typography.Link style={{ fontSize: 12 }} onClick={() => navigate(`meetings/${a.meetingId}`)}>
            {a.meetingTitle} · {a.agendaTitle}
          </Typography.Link>
        </Space>
      ),
    },
    {
      title: '责任人',
      width: 100,
      render: (_v, a) =>
        a.ownerId ? (
          (byId.get(a.ownerId)?.name ?? a.ownerName)
        ) : (
          <Typography.Text type="secondary">未指定</Typography.Text>
        ),
    },
    {
      title: '完成时限',
      width: 156,
      render: (_v, a) => {
        const s = dueState(a.dueDate, a.done);
        return (
          <span style={{ color: DUE_COLORS[s], fontWeight: s === 'overdue' ? 600 : undefined, whiteSpace: 'nowrap' }}>
            {dayLabel(a.dueDate)}
            {s === 'overdue' && ' 已逾期'}
            {s === 'thisWeek' && ' 本周'}
          </span>
        );
      },
    },
    ...(status === 'done' || status === 'all'
      ? [{ title: '完成日期', width: 130, render: (_v: unknown, a: ActionRowDto) => doneDay(a) }]
      : []),
    { title: '办理方式', width: 120, render: (_v, a) => <Tag color={LANE_COLORS[a.lane]}>{LANE_LABELS[a.lane]}</Tag> },
    {
      title: '已历时',
      width: 90,
      render: (_v, a) =>
        a.done ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : a.weeksOpen === 0 ? (
          '本周'
        ) : (
          <Typography.Text type={a.weeksOpen >= 2 ? 'danger' : undefined}>{a.weeksOpen} 周</Typography.Text>
        ),
    },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <h1>任务清单</h1>
        <Button icon={<FileExcelOutlined />} onClick={() => void exportLedger()} loading={busy === 'ledger'}>
          {status === 'open' ? '导出未完成任务台账' : '导出任务台账'}
        </Button>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={16}>
          <Segmented<Status>
            value={status}
            onChange={setStatus}
            aria-label="任务状态"
            options={[
              { value: 'all', label: '全部' },
              { value: 'open', label: '未完成' },
              { value: 'overdue', label: '已逾期' },
              { value: 'thisWeek', label: '本周到期' },
              { value: 'done', label: '已完成' },
            ]}
          />
          <Button
            type={mine && me ? 'primary' : 'default'}
            ghost={mine && me !== null}
            aria-pressed={mine && me !== null}
            disabled={me === null}
            title={me ? undefined : `人员里没有“${operator}”，无法按我的任务筛选`}
            onClick={() => {
              localStorage.setItem(MINE_KEY, mine ? '0' : '1');
              setMine(!mine);
            }}
          >
            我的任务
          </Button>
          <PersonSelect
            people={people}
            value={ownerId}
            disabled={mine && me !== null}
            onChange={setOwnerId}
            placeholder="按责任人"
            style={{ width: 160 }}
            aria-label="按责任人筛选"
          />
          <Select
            allowClear
            value={lane ?? undefined}
            onChange={(v?: Lane) => setLane(v ?? null)}
            options={LANE_OPTIONS}
            placeholder="按办理方式"
            style={{ width: 140 }}
            aria-label="按办理方式筛选"
          />
          <Select
            value={sort}
            onChange={setSort}
            options={[
              { value: 'due', label: '按完成时限排序' },
              { value: 'meeting', label: '按会议先后排序' },
            ]}
            style={{ width: 160 }}
            aria-label="排序"
          />
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ActionRowDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={status === 'done' ? newestDoneFirst(rows ?? []) : (rows ?? [])}
          loading={rows === null}
          scroll={{ x: status === 'done' || status === 'all' ? 900 : 760 }}
          pagination={(rows?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: status === 'overdue' ? '没有逾期的任务' : '没有符合条件的任务' }}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        共 {rows?.length ?? 0} 项。勾选即完成并留痕；红色为已逾期，橙色为本周到期。
      </Typography.Paragraph>
    </div>
  );
}
