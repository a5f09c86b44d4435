import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { AGENDA_TYPES, type AgendaType } from '../../../shared/meetings';
import { call, errorMessage } from '../lib/api';
import { Section } from '../components/Section';

type Row = { type: AgendaType; title: string };

/** 议程模板: the agenda every new weekly meeting starts from. */
export function AgendaTemplateCard() {
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void call('settings.get', {}).then(
      (s) => setRows(s.agendaTemplate),
      (err: unknown) => message.error(errorMessage(err)),
    );
  }, [message]);

  const set = (i: number, patch: Partial<Row>) =>
    setRows((r) => r!.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const swap = (i: number, j: number) =>
    setRows((r) => {
      const next = [...r!];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const save = async () => {
    setSaving(true);
    try {
      setRows((await call('settings.update', { agendaTemplate: rows!.filter((r) => r.title.trim()) })).agendaTemplate);
      message.success('议程模板已保存，下次新建例会时使用');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section
      title="议程模板"
      extra={
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={!rows}>
          保存模板
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        每次“新建会议”创建的例会按此顺序带出议题。“上周事项跟进”议题下会列出以前会议未完成的任务。
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {(rows ?? []).map((r, i) => (
          <Space.Compact key={i} style={{ width: '100%' }}>
            <Select
              value={r.type}
              onChange={(type: AgendaType) => set(i, { type })}
              options={AGENDA_TYPES.map((t) => ({ value: t, label: t }))}
              style={{ width: 140 }}
              aria-label={`模板议题${i + 1}类型`}
            />
            <Input
              value={r.title}
              onChange={(e) => set(i, { title: e.target.value })}
              maxLength={100}
              aria-label={`模板议题${i + 1}名称`}
            />
            <Button icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label="上移" />
            <Button
              icon={<ArrowDownOutlined />}
              disabled={i === rows!.length - 1}
              onClick={() => swap(i, i + 1)}
              aria-label="下移"
            />
            <Button
              icon={<DeleteOutlined />}
              danger
              onClick={() => setRows(rows!.filter((_r, j) => j !== i))}
              aria-label="删除"
            />
          </Space.Compact>
        ))}
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setRows([...(rows ?? []), { type: '其他', title: '' }])}
          disabled={(rows?.length ?? 0) >= 30}
        >
          添加模板议题
        </Button>
      </Space>
    </Section>
  );
}
