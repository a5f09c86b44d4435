import { Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import {
  DEFAULT_DEMAND_CATEGORIES,
  DEMAND_CHANNELS,
  idNumber,
  SENSITIVE_KINDS,
  type Demand,
  type DemandInput,
} from '../../../../shared/demands';
import { phone } from '../../../../shared/domain';
import { FormDialog } from '../../components/FormDialog';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { today } from '../../lib/format';
import { zodRule } from '../../lib/zodRule';

interface Values extends Omit<DemandInput, 'receivedDate'> {
  receivedDate: Dayjs;
}

/** What the form starts from: a new demand's defaults, or the demand being corrected as written down. */
function startingValues(categories: readonly string[], editing?: Demand) {
  if (!editing)
    return {
      receivedDate: dayjs(today()),
      channel: '来电来访',
      category: categories[0],
      publicConsent: false,
      sensitive: false,
      sensitiveKind: null,
    };
  const { receivedDate, channel, category, content, publicConsent, sensitive, sensitiveKind } = editing;
  return {
    receivedDate: dayjs(receivedDate),
    channel,
    category,
    content,
    publicConsent,
    sensitive,
    sensitiveKind,
    residentName: editing.residentName,
    residentPhone: editing.residentPhone,
    residentIdNumber: editing.residentIdNumber,
    residentGroup: editing.residentGroup,
    residentAddress: editing.residentAddress,
  };
}

/**
 * 登记诉求: who, what, how it came; phone and ID number checked, neither
 * required. With `editing`, the same form corrects what was written down (修改登记).
 */
export function RegisterDialog({
  open,
  editing,
  onClose,
  onDone,
}: {
  open: boolean;
  editing?: Demand;
  onClose(): void;
  onDone(d: Demand): void;
}) {
  const [form] = Form.useForm<Values>();
  const sensitive = Form.useWatch('sensitive', form);
  // The village's categories (设置); one an import or an earlier list brought stays choosable on its demand.
  const { data: settings } = useLoad(useCallback(() => call('settings.get', {}), []));
  const categories = settings?.demandCategories ?? DEFAULT_DEMAND_CATEGORIES;
  const categoryOptions = [...new Set([...categories, ...(editing ? [editing.category] : [])])].map((c) => ({
    value: c,
    label: c,
  }));
  const register = async (v: Values) => {
    // A 微心愿 is what comes in through the 微心愿 channel (it is then published for party members to claim).
    const kind = v.channel === '微心愿' ? 'wish' : 'demand';
    const fields = { ...v, kind, receivedDate: v.receivedDate.format('YYYY-MM-DD') } as const;
    const d = editing
      ? await call('demands.update', { id: editing.id, ...fields })
      : await call('demands.register', fields);
    form.resetFields();
    onDone(d);
  };
  return (
    <FormDialog
      open={open}
      title={editing ? `修改登记：${editing.number}` : '登记诉求'}
      okText={editing ? '保存' : '登记'}
      width={640}
      form={form}
      onClose={onClose}
      onSubmit={register}
      formProps={{ initialValues: startingValues(categories, editing) }}
    >
      {() => (
        <>
          <Space.Compact block>
            <Form.Item label="收到日期" name="receivedDate" rules={[{ required: true, message: '请选择收到日期' }]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(today()), 'day')} />
            </Form.Item>
            <Form.Item label="来源渠道" name="channel" style={{ marginLeft: 12, width: 160 }}>
              <Select options={DEMAND_CHANNELS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item label="类别" name="category" style={{ marginLeft: 12, width: 170 }}>
              <Select showSearch aria-label="类别" options={categoryOptions} />
            </Form.Item>
          </Space.Compact>
          <Form.Item
            label="诉求内容"
            name="content"
            rules={[{ required: true, whitespace: true, message: '请填写诉求内容' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} autoFocus placeholder="群众反映的问题或微心愿，原话记录" />
          </Form.Item>
          <Space wrap size={12}>
            <Form.Item label="群众姓名" name="residentName">
              <Input maxLength={30} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item label="联系电话" name="residentPhone" rules={[zodRule(phone)]}>
              <Input maxLength={20} style={{ width: 160 }} inputMode="tel" />
            </Form.Item>
            <Form.Item label="村民小组" name="residentGroup">
              <Input maxLength={30} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Space wrap size={12}>
            <Form.Item label="住址" name="residentAddress">
              <Input maxLength={100} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item
              label="身份证号"
              name="residentIdNumber"
              extra="不必填写；填写则校验"
              rules={[zodRule(idNumber)]}
            >
              <Input maxLength={18} style={{ width: 220 }} />
            </Form.Item>
          </Space>
          <Space wrap size={16}>
            <Form.Item name="publicConsent" valuePropName="checked">
              <Checkbox>群众同意在小黑板公示</Checkbox>
            </Form.Item>
            <Form.Item name="sensitive" valuePropName="checked">
              <Checkbox>涉及隐私（不公示、不外传内容）</Checkbox>
            </Form.Item>
            {sensitive && (
              <Form.Item label="涉及" name="sensitiveKind">
                <Select
                  style={{ width: 120 }}
                  aria-label="敏感类别"
                  options={SENSITIVE_KINDS.map((k) => ({ value: k, label: k }))}
                />
              </Form.Item>
            )}
          </Space>
        </>
      )}
    </FormDialog>
  );
}
