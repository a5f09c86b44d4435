import { Button, Card, DatePicker, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SATISFACTION, type ProjectDetail } from '../../../../shared/projects';
import { call } from '../../lib/api';
import { longDate, today } from '../../lib/format';
import { DeleteButton } from '../../components/DeleteButton';

const COLORS = { 满意: 'green', 基本满意: 'gold', 不满意: 'red' } as const;

interface Values {
  date: Dayjs;
  visitor: string;
  satisfaction: (typeof SATISFACTION)[number];
  feedback: string;
}

/** 回访记录: who visited whom, what residents said, how satisfied they were. */
export function FollowUpCard({
  detail,
  reload,
  fail,
  operator,
}: {
  detail: ProjectDetail;
  reload(): Promise<void>;
  fail(err: unknown): void;
  operator: string;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const add = async (v: Values) => {
    setSaving(true);
    try {
      await call('followUps.add', {
        projectId: detail.project.id,
        date: v.date.format('YYYY-MM-DD'),
        visitor: v.visitor,
        satisfaction: v.satisfaction,
        feedback: v.feedback ?? '',
      });
      form.resetFields(['feedback']);
      await reload();
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (id: string) => {
    try {
      await call('followUps.remove', { id });
      await reload();
    } catch (err) {
      fail(err);
    }
  };

  const counts = SATISFACTION.map(
    (s) => [s, detail.followUps.filter((f) => f.satisfaction === s).length] as const,
  ).filter(([, n]) => n > 0);

  return (
    <Card
      title="回访记录"
      className="print-block"
      extra={
        counts.length > 0 && (
          <Typography.Text type="secondary">{counts.map(([s, n]) => `${s} ${n}`).join('，')}</Typography.Text>
        )
      }
    >
      <List
        dataSource={detail.followUps}
        locale={{ emptyText: '还没有回访。项目完成后走访群众，记下他们的意见和满意度。' }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <DeleteButton
                key="del"
                question="删除这条回访记录？"
                label={`删除${f.date}的回访`}
                onConfirm={() => remove(f.id)}
              />,
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {longDate(f.date)}
                  <span>{f.visitor}</span>
                  <Tag color={COLORS[f.satisfaction]}>{f.satisfaction}</Tag>
                </Space>
              }
              description={f.feedback || '（未记录意见）'}
            />
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void add(v)}
        initialValues={{ date: dayjs(today()), visitor: operator, satisfaction: '满意' }}
        style={{ marginTop: 8, rowGap: 8 }}
        className="no-print"
      >
        <Form.Item name="date" rules={[{ required: true, message: '请选择回访日期' }]}>
          <DatePicker aria-label="回访日期" />
        </Form.Item>
        <Form.Item name="visitor" rules={[{ required: true, whitespace: true, message: '请填写回访人' }]}>
          <Input placeholder="回访人" style={{ width: 110 }} maxLength={30} aria-label="回访人" />
        </Form.Item>
        <Form.Item name="satisfaction">
          <Radio.Group options={SATISFACTION.map((s) => ({ value: s, label: s }))} optionType="button" />
        </Form.Item>
        <Form.Item name="feedback" style={{ flex: 1, minWidth: 240 }}>
          <Input placeholder="群众意见" maxLength={2000} aria-label="群众意见" />
        </Form.Item>
        <Button htmlType="submit" loading={saving}>
          添加回访
        </Button>
      </Form>
    </Card>
  );
}
