import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, type InputRef, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import type { MeetingDemand } from '../../../../shared/demands';
import type { AgendaItem, Lane } from '../../../../shared/meetings';
import { PersonSelect } from '../../components/PersonSelect';
import { call } from '../../lib/api';
import { ActionLine, LANE_OPTIONS } from './ActionLine';
import { useMeeting } from './meetingContext';

/**
 * An agenda item's action list. Typing flow: type the task in the empty line,
 * Enter saves it and leaves the cursor in a new empty line for the next one.
 */
export function ActionList({ item, demands }: { item: AgendaItem; demands?: MeetingDemand[] }) {
  const { people, reload, fail, locked, reason } = useMeeting();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState<Dayjs | null>(null);
  const [lane, setLane] = useState<Lane>('dated');
  const [demandId, setDemandId] = useState<string | null>(null);
  const numbers = new Map((demands ?? []).map((d) => [d.id, d.number]));
  const [saving, setSaving] = useState(false);
  // Not `disabled` while saving: a disabled input drops the focus the typing flow keeps.
  const busy = useRef(false);

  const add = async () => {
    const t = text.trim();
    if (!t) {
      input.current?.focus();
      return;
    }
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    try {
      await call('actions.add', {
        agendaItemId: item.id,
        text: t,
        ownerId,
        dueDate: due ? due.format('YYYY-MM-DD') : null,
        lane,
        demandId,
        ...(reason ? { reason } : {}),
      });
      setText('');
      setOwnerId(null);
      setDue(null);
      await reload();
    } catch (err) {
      fail(err);
    } finally {
      busy.current = false;
      setSaving(false);
      input.current?.focus();
    }
  };

  return (
    <div className="action-list">
      <div style={{ fontSize: 13, color: '#475467', fontWeight: 500, margin: '6px 0' }}>
        任务清单
        {item.actions.length > 0 && `（${item.actions.filter((a) => a.done).length}/${item.actions.length} 已完成）`}
      </div>
      <div role="list" aria-label={`${item.title}的任务`}>
        {item.actions.map((a) => (
          <ActionLine
            key={`${a.id}:${a.rev}`}
            action={a}
            people={people}
            onChanged={reload}
            fail={fail}
            demandNumber={a.demandId ? numbers.get(a.demandId) : undefined}
            locked={locked}
            reason={reason}
          />
        ))}
      </div>
      {!locked && (
        <div className="action-line action-new no-print" style={{ marginTop: 4 }}>
          <PlusOutlined style={{ color: '#98a2b3', width: 16 }} />
          <Input
            ref={input}
            className="action-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void add()}
            placeholder="输入任务，按回车保存并继续下一条"
            aria-label={`新任务：${item.title}`}
            maxLength={300}
          />
          <PersonSelect
            people={people}
            value={ownerId}
            onChange={setOwnerId}
            placeholder="责任人"
            size="small"
            style={{ width: 110 }}
            aria-label={`新任务责任人：${item.title}`}
          />
          <DatePicker
            size="small"
            value={due}
            onChange={setDue}
            placeholder="完成时限"
            style={{ width: 124 }}
            aria-label={`新任务完成时限：${item.title}`}
          />
          <Select
            size="small"
            value={lane}
            options={LANE_OPTIONS}
            onChange={setLane}
            style={{ width: 104 }}
            aria-label={`新任务办理方式：${item.title}`}
          />
          {demands && (
            <Select
              size="small"
              allowClear
              showSearch
              optionFilterProp="label"
              value={demandId}
              onChange={(v?: string) => setDemandId(v ?? null)}
              options={demands.map((d) => ({
                value: d.id,
                label: `${d.number} ${[...d.content].slice(0, 12).join('')}`,
              }))}
              placeholder="关联诉求"
              style={{ width: 150 }}
              popupMatchSelectWidth={280}
              aria-label={`新任务关联诉求：${item.title}`}
            />
          )}
          <Button size="small" type="primary" ghost onClick={() => void add()} loading={saving}>
            添加任务
          </Button>
        </div>
      )}
    </div>
  );
}
