import { App as AntApp, Button, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { demandCategories, type DemandDueDays } from '../../../shared/demands';
import { phone } from '../../../shared/domain';
import { LANE_LABELS, LANES } from '../../../shared/meetings';
import { Section } from '../components/Section';
import { call, errorMessage } from '../lib/api';
import { zodRule } from '../lib/zodRule';

interface Values {
  demandDueDays: DemandDueDays;
  contactPhone: string;
  demandCategories: string[];
}
const MAX: Record<keyof DemandDueDays, number> = { now: 30, dated: 365, phased: 1095 };

/** 诉求办理: the default time to settle a demand per lane, the village's 诉求类别, the office phone printed on 回执. */
export function DemandSettingsCard() {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void call('settings.get', {}).then(
      (s) => {
        const { demandDueDays, contactPhone, demandCategories } = s;
        form.setFieldsValue({ demandDueDays, contactPhone, demandCategories });
        setLoaded(true);
      },
      (err: unknown) => message.error(errorMessage(err)),
    );
  }, [form, message]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call('settings.update', {
        demandDueDays: v.demandDueDays,
        contactPhone: v.contactPhone ?? '',
        demandCategories: v.demandCategories.map((c) => c.trim()).filter(Boolean),
      });
      message.success('诉求办理设置已保存，之后分流的诉求按新时限计算，登记时按新的类别选择');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section title="诉求办理">
      <Form form={form} layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 12 }} onFinish={save}>
        {LANES.map((lane) => (
          <Form.Item
            key={lane}
            label={`${LANE_LABELS[lane]}时限`}
            name={['demandDueDays', lane]}
            rules={[{ required: true, message: '请填写天数' }]}
          >
            <InputNumber min={1} max={MAX[lane]} precision={0} addonAfter="天" style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item
          label="诉求类别"
          name="demandCategories"
          rules={[zodRule(demandCategories)]}
          extra="登记诉求时从这些类别中选择；输入新类别后按回车添加，点 × 删除。已登记诉求的类别不变"
        >
          <Select
            mode="tags"
            aria-label="诉求类别"
            tokenSeparators={[',', '，', '、']}
            open={false}
            suffixIcon={null}
            placeholder="如：基础设施"
          />
        </Form.Item>
        <Form.Item
          label="村委会电话"
          name="contactPhone"
          rules={[zodRule(phone)]}
          extra="印在群众回执上，供群众查询办理进度"
        >
          <Input maxLength={20} placeholder="如：0371-6xxxxxxx" />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 4 }}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!loaded}>
            保存诉求设置
          </Button>
        </Form.Item>
      </Form>
    </Section>
  );
}
