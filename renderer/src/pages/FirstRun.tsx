import { Button, Card, Form, Input, Typography, App as AntApp } from 'antd';
import { useState } from 'react';
import { divisionCode } from '../../../shared/domain';
import { TextField } from '../components/TextField';
import { ApiError, call, errorMessage } from '../lib/api';
import { zodRule } from '../lib/zodRule';

interface Values {
  name: string;
  code: string;
  township: string;
  county: string;
  operator: string;
}

/** First run: the village this installation belongs to. */
export function FirstRun({ onDone }: { onDone: () => Promise<void> }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = AntApp.useApp();

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await call('village.setup', values);
      message.success(`已设置为${values.name}，欢迎使用联席通`);
      await onDone();
    } catch (err) {
      if (err instanceof ApiError && err.error.field) {
        form.setFields([{ name: err.error.field as keyof Values, errors: [err.message] }]);
      } else {
        message.error(errorMessage(err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="firstrun">
      <Card
        style={{ width: 520, boxShadow: '0 12px 40px rgba(0,0,0,.25)' }}
        styles={{ body: { padding: '32px 40px' } }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
          <span className="brand-mark" style={{ width: 40, height: 40, fontSize: 20 }}>
            联
          </span>
          <Typography.Title level={3} style={{ margin: 0 }}>
            欢迎使用联席通
          </Typography.Title>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          首次使用，请填写本村信息。区划代码是本村在全县汇总时的唯一标识，设置后不能修改。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} disabled={saving}>
          <TextField label="村名称" name="name" max={40} placeholder="如：王庄村" autoFocus />
          <Form.Item
            required
            label="区划代码"
            name="code"
            extra="12位统计用区划代码，可在国家统计局区划代码表或乡镇民政办查到"
            rules={[zodRule(divisionCode)]}
          >
            <Input placeholder="如：370102001001" maxLength={12} inputMode="numeric" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 16 }}>
            <TextField
              label="所属乡镇（街道）"
              ruleLabel="所属乡镇"
              name="township"
              max={40}
              placeholder="如：柳埠镇"
              style={{ flex: 1 }}
            />
            <TextField label="所属县（市、区）" name="county" max={40} placeholder="如：历城区" style={{ flex: 1 }} />
          </div>
          <TextField
            label="使用人姓名"
            name="operator"
            max={20}
            placeholder="如：李文书"
            extra="记录在每一条修改留痕中，可在“设置”里更改"
          />
          <Button type="primary" htmlType="submit" size="large" block loading={saving}>
            开始使用
          </Button>
        </Form>
      </Card>
    </div>
  );
}
