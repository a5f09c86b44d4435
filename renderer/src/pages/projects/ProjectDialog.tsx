import { AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DEFAULT_CATEGORIES, PROJECT_SOURCES, PROJECT_STATUSES, type Project } from '../../../../shared/projects';
import { ApiError, call, errorMessage } from '../../lib/api';
import { usePeople } from '../../lib/usePeople';

interface Values {
  year: number;
  title: string;
  category: string;
  source: Project['source'];
  status: Project['status'];
  unit: string;
  owner: string;
  lead: string;
  budget: number | null;
  spent: number | null;
  fundSource: string;
  dates: [Dayjs | null, Dayjs | null] | null;
  description: string;
  progressNote: string;
  note: string;
}

const blank = (year: number): Values => ({
  year,
  title: '',
  category: '',
  source: '群众诉求',
  status: '谋划中',
  unit: '',
  owner: '',
  lead: '',
  budget: null,
  spent: null,
  fundSource: '',
  dates: null,
  description: '',
  progressNote: '',
  note: '',
});

const fromProject = (p: Project): Values => ({
  ...p,
  dates:
    p.startDate || p.dueDate ? [p.startDate ? dayjs(p.startDate) : null, p.dueDate ? dayjs(p.dueDate) : null] : null,
});

const half = { style: { flex: 1, minWidth: 0 } };

/** 新建项目 / 编辑项目. The category is free text with the usual ones offered (the list is the village's own). */
export function ProjectDialog(props: {
  open: boolean;
  editing?: Project;
  year: number;
  categories: string[];
  onClose(): void;
  onSaved(p: Project): void;
}) {
  const { open, editing, year, categories, onClose, onSaved } = props;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { people } = usePeople();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? fromProject(editing) : blank(year));
    setError(null);
  }, [open, editing, year, form]);

  const personId = (name: string) => people.find((p) => p.name === name.trim())?.id ?? null;
  const names = people.map((p) => ({ value: p.name, label: `${p.name}${p.role ? `（${p.role}）` : ''}` }));

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const req = {
      year: v.year,
      title: v.title,
      category: v.category,
      source: v.source,
      status: v.status,
      unit: v.unit ?? '',
      owner: v.owner ?? '',
      ownerId: personId(v.owner ?? ''),
      lead: v.lead ?? '',
      leadId: personId(v.lead ?? ''),
      budget: v.budget ?? null,
      spent: v.spent ?? null,
      fundSource: v.fundSource ?? '',
      startDate: v.dates?.[0]?.format('YYYY-MM-DD') ?? null,
      dueDate: v.dates?.[1]?.format('YYYY-MM-DD') ?? null,
      description: v.description ?? '',
      progressNote: v.progressNote ?? '',
      note: v.note ?? '',
    };
    setSaving(true);
    try {
      onSaved(editing ? await call('projects.update', { id: editing.id, ...req }) : await call('projects.create', req));
    } catch (err) {
      const field = err instanceof ApiError ? err.error.field : undefined;
      if (field && field in req)
        form.setFields([
          {
            name: field === 'dueDate' || field === 'startDate' ? 'dates' : (field as keyof Values),
            errors: [errorMessage(err)],
          },
        ]);
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const categoryOptions = [...new Set([...DEFAULT_CATEGORIES, ...categories])].map((c) => ({ value: c }));

  return (
    <Modal
      title={editing ? '编辑项目' : '新建项目'}
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      confirmLoading={saving}
      width={720}
      destroyOnHidden
      maskClosable={false}
    >
      <Form form={form} layout="vertical" requiredMark onFinish={() => void save()} style={{ marginTop: 12 }}>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            label="年度"
            name="year"
            rules={[{ required: true, message: '请填写年度' }]}
            style={{ width: 110 }}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="项目名称"
            name="title"
            rules={[
              { required: true, whitespace: true, message: '请填写项目名称' },
              { max: 100, message: '项目名称不能超过100个字' },
            ]}
            {...half}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            label="项目类别"
            name="category"
            rules={[
              { required: true, whitespace: true, message: '请选择或填写项目类别' },
              { max: 20, message: '项目类别不能超过20个字' },
            ]}
            {...half}
          >
            <AutoComplete
              options={categoryOptions}
              placeholder="选择或输入类别"
              filterOption={(input, o) => String(o?.value).includes(input)}
            />
          </Form.Item>
          <Form.Item label="项目来源" name="source" {...half}>
            <Select options={PROJECT_SOURCES.map((s) => ({ value: s }))} />
          </Form.Item>
          <Form.Item label="项目状态" name="status" {...half}>
            <Select options={PROJECT_STATUSES.map((s) => ({ value: s }))} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="责任单位" name="unit" {...half}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="责任人" name="owner" {...half}>
            <AutoComplete
              options={names}
              placeholder="选择或输入姓名"
              filterOption={(input, o) => String(o?.label).includes(input)}
            />
          </Form.Item>
          <Form.Item label="领办领导" name="lead" {...half}>
            <AutoComplete
              options={names}
              placeholder="选择或输入姓名"
              filterOption={(input, o) => String(o?.label).includes(input)}
            />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="计划投资（元）" name="budget" {...half}>
            <InputNumber min={0} precision={0} step={1000} style={{ width: '100%' }} placeholder="不填表示无需资金" />
          </Form.Item>
          <Form.Item
            label="已支出（元）"
            name="spent"
            dependencies={['budget']}
            {...half}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, v: number | null) => {
                  const b = getFieldValue('budget') as number | null;
                  if (v != null && b != null && v > b)
                    throw new Error('已支出超过计划投资，请核对（如确需超支请在备注中说明）');
                },
                warningOnly: true,
              }),
            ]}
          >
            <InputNumber min={0} precision={0} step={1000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="资金来源" name="fundSource" {...half}>
            <Input maxLength={60} placeholder="如：村集体经济、财政衔接资金" />
          </Form.Item>
        </div>
        <Form.Item label="开始时间 — 完成时限" name="dates">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="项目内容" name="description">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label="进展情况" name="progressNote">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input maxLength={2000} />
        </Form.Item>
        {error && (
          <div role="alert" style={{ color: '#c62828' }}>
            {error}
          </div>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
