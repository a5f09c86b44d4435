import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, type InputRef, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import type { MeetingDemand } from '../../../../shared/demands';
import type { AgendaItem, Lane } from '../../../../shared/meetings';
import { PersonSelect } from '../../components/PersonSelect';
import { call } from '../../lib/api';
import { LANE_OPTIONS } from './ActionLine';
import { useMeeting } from './meetingContext';

type Picker = 'owner' | 'due' | 'lane' | 'demand';

/**
 * The empty line that adds an action. Keys: text → Tab 责任人 → Tab 完成时限 → Tab 办理方式; Enter in any
 * of them (no list open) saves and leaves the cursor in the next empty line; Esc (no list open) clears
 * it. Text typed and not saved stays in the line, marked 未保存, until it is saved or cleared.
 */
export function NewActionLine({ item, demands }: { item: AgendaItem; demands?: MeetingDemand[] }) {
  const { people, reload, fail, reason } = useMeeting();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState<Dayjs | null>(null);
  const [lane, setLane] = useState<Lane>('dated');
  const [demandId, setDemandId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [inside, setInside] = useState(false);
  // Which of the line's lists are open: Enter and Esc belong to an open list.
  const [open] = useState(() => new Set<Picker>());
  const opened = (p: Picker) => (o: boolean) => void (o ? open.add(p) : open.delete(p));
  // Not `disabled` while saving: a disabled input drops the focus the typing flow keeps.
  const busy = useRef(false);

  const clear = () => {
    setText('');
    setOwnerId(null);
    setDue(null);
    setLane('dated');
    setDemandId(null);
  };
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
      const dueDate = due ? due.format('YYYY-MM-DD') : null;
      await call('actions.add', {
        ...{ agendaItemId: item.id, text: t, ownerId, dueDate, lane, demandId },
        ...(reason ? { reason } : {}),
      });
      clear();
      await reload();
    } catch (err) {
      fail(err);
    } finally {
      busy.current = false;
      setSaving(false);
      input.current?.focus();
    }
  };
  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    if ((e.key !== 'Enter' && e.key !== 'Escape') || open.size > 0 || e.nativeEvent.isComposing) return;
    if ((e.target as HTMLElement).tagName === 'BUTTON') return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Enter') void add();
    else {
      clear();
      input.current?.focus();
    }
  };
  const unsaved = text.trim() !== '' && !inside;

  return (
    <div
      className={`action-line action-new no-print${unsaved ? ' unsaved' : ''}`}
      style={{ marginTop: 4 }}
      onKeyDownCapture={onKeyDownCapture}
      onFocus={() => setInside(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setInside(false)}
    >
      <PlusOutlined style={{ color: '#98a2b3', width: 16 }} />
      <Input
        ref={input}
        className="action-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="输入任务，按回车保存并继续下一条"
        aria-label={`新任务：${item.title}`}
        maxLength={300}
      />
      <PersonSelect
        people={people}
        value={ownerId}
        onChange={setOwnerId}
        onOpenChange={opened('owner')}
        placeholder="责任人"
        size="small"
        style={{ width: 110 }}
        aria-label={`新任务责任人：${item.title}`}
      />
      <DatePicker
        size="small"
        value={due}
        onChange={setDue}
        onOpenChange={opened('due')}
        placeholder="完成时限"
        className="action-due"
        aria-label={`新任务完成时限：${item.title}`}
      />
      <Select
        size="small"
        value={lane}
        options={LANE_OPTIONS}
        onChange={setLane}
        onOpenChange={opened('lane')}
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
          onOpenChange={opened('demand')}
          options={demands.map((d) => ({ value: d.id, label: `${d.number} ${[...d.content].slice(0, 12).join('')}` }))}
          placeholder="关联诉求"
          style={{ width: 150 }}
          popupMatchSelectWidth={280}
          aria-label={`新任务关联诉求：${item.title}`}
        />
      )}
      <Button size="small" type="primary" ghost onClick={() => void add()} loading={saving}>
        添加任务
      </Button>
      {unsaved && (
        <span className="action-unsaved" role="status">
          这条任务还没保存：回到这一行按回车保存，Esc 清空
        </span>
      )}
    </div>
  );
}
