import { CloseOutlined, UserAddOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Radio, Select, Space, Tag, Typography } from 'antd';
import { type ComponentRef, useRef, useState } from 'react';
import { GUEST_CATEGORIES } from '../../../../shared/domain';
import type { AttendanceStatus } from '../../../../shared/meetings';
import { call } from '../../lib/api';
import { useMeeting } from './meetingContext';

const STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  excused: '请假',
  absent: '缺席',
  guest: '列席',
};
const STATUS_COLORS: Record<AttendanceStatus, string> = {
  present: 'success',
  excused: 'warning',
  absent: 'error',
  guest: 'default',
};

/**
 * 出席 / 请假 / 缺席 for members (a signed meeting's read as a coloured word); 列席 guests added on the
 * fly and kept in the registry.
 */
export function AttendancePanel() {
  const { detail, people, locked, reason, reload, reloadPeople, fail } = useMeeting();
  const [name, setName] = useState('');
  const nameBox = useRef<ComponentRef<typeof AutoComplete>>(null);
  const [category, setCategory] = useState<(typeof GUEST_CATEGORIES)[number]>('致富带头人');
  const withReason = reason ? { reason } : {};
  const meetingId = detail.meeting.id;
  const members = detail.attendance.filter((a) => a.status !== 'guest');
  const guests = detail.attendance.filter((a) => a.status === 'guest');
  const attending = new Set(detail.attendance.map((a) => a.personId));
  const knownGuests = people.filter((p) => p.kind === 'guest' && !attending.has(p.id));

  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      await reload();
    } catch (err) {
      fail(err);
    }
  };
  const addGuest = async () => {
    const n = name.trim();
    if (!n) return;
    const known = knownGuests.find((p) => p.name === n);
    await run(
      call('attendance.addGuest', {
        meetingId,
        ...(known ? { personId: known.id } : { name: n, guestCategory: category }),
        ...withReason,
      }),
    );
    setName('');
    await reloadPeople();
    // The next guest's name is typed at once; focus never drops to the page (nor onto 移除列席).
    nameBox.current?.focus();
  };

  return (
    <Card
      size="small"
      title="出席情况"
      extra={
        <Typography.Text type="secondary">
          应到 {members.length} · 实到 {members.filter((m) => m.status === 'present').length} · 列席 {guests.length}
        </Typography.Text>
      }
    >
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        {members.length === 0 && (
          <Typography.Text type="secondary">没有应到人员，可在“例会设置”中添加。</Typography.Text>
        )}
        {members.map((m) => (
          <div key={m.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
            <span style={{ minWidth: 0 }}>
              <Typography.Text strong>{m.name}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.role}
              </Typography.Text>
            </span>
            {locked ? (
              <Tag color={STATUS_COLORS[m.status]} className="attendance-chosen">
                {STATUS_LABELS[m.status]}
              </Tag>
            ) : (
              <Radio.Group
                size="small"
                optionType="button"
                value={m.status}
                aria-label={`${m.name}出席情况`}
                onChange={(e) =>
                  void run(
                    call('attendance.set', {
                      meetingId,
                      personId: m.personId,
                      status: e.target.value as AttendanceStatus,
                      ...withReason,
                    }),
                  )
                }
                options={[
                  { value: 'present', label: '出席' },
                  { value: 'excused', label: '请假' },
                  { value: 'absent', label: '缺席' },
                ]}
              />
            )}
          </div>
        ))}
        <Typography.Text strong style={{ marginTop: 8 }}>
          列席人员
        </Typography.Text>
        {guests.length === 0 && (
          <Typography.Text type="secondary">按议题邀请的致富带头人、脱贫户、党员代表等</Typography.Text>
        )}
        {guests.map((g) => (
          <div key={g.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <span>
              {g.name} <Tag>{g.guestCategory ?? '列席'}</Tag>
            </span>
            {!locked && (
              <Button
                size="small"
                type="text"
                icon={<CloseOutlined />}
                aria-label={`移除列席 ${g.name}`}
                onClick={() => void run(call('attendance.remove', { meetingId, personId: g.personId, ...withReason }))}
              />
            )}
          </div>
        ))}
        {!locked && (
          <Space.Compact style={{ display: 'flex', width: '100%', marginTop: 4 }}>
            <AutoComplete
              ref={nameBox}
              value={name}
              onChange={setName}
              options={knownGuests.map((p) => ({ value: p.name, label: `${p.name}（${p.guestCategory ?? '列席'}）` }))}
              filterOption={(input, option) => String(option?.value ?? '').includes(input)}
              placeholder="列席人员姓名"
              aria-label="列席人员姓名"
              style={{ flex: '1 1 0', minWidth: 0 }}
              onKeyDown={(e) => e.key === 'Enter' && void addGuest()}
            />
            <Select
              value={category}
              onChange={setCategory}
              options={GUEST_CATEGORIES.map((c) => ({ value: c, label: c }))}
              style={{ width: 108 }}
              aria-label="列席类别"
            />
            <Button icon={<UserAddOutlined />} onClick={() => void addGuest()} aria-label="添加列席">
              添加
            </Button>
          </Space.Compact>
        )}
      </Space>
    </Card>
  );
}
