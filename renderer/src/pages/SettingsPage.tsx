import { App as AntApp, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { call, errorMessage } from '../lib/api';
import { useVillage } from '../lib/village';
import { TextField } from '../components/TextField';
import { AgendaTemplateCard } from './AgendaTemplateCard';
import { BackupCard } from './BackupCard';
import { DemandSettingsCard } from './DemandSettingsCard';
import { ExchangeCard } from './ExchangeCard';

interface Values {
  name: string;
  township: string;
  county: string;
  operator: string;
}

export function SettingsPage() {
  const { village, operator, refresh } = useVillage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void call('app.info', {}).then(setInfo, () => undefined);
  }, []);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call('village.update', { name: v.name, township: v.township, county: v.county });
      if (v.operator !== operator) await call('settings.update', { operator: v.operator });
      await refresh();
      message.success('设置已保存');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>设置</h1>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title="本村信息">
          <Form
            form={form}
            layout="horizontal"
            labelCol={{ span: 4 }}
            wrapperCol={{ span: 12 }}
            initialValues={{ ...village, operator }}
            onFinish={save}
          >
            <Form.Item label="区划代码">
              <Input value={village.code} disabled />
            </Form.Item>
            <TextField label="村名称" name="name" max={40} />
            <TextField label="所属乡镇（街道）" ruleLabel="所属乡镇" name="township" max={40} />
            <TextField label="所属县（市、区）" name="county" max={40} />
            <TextField label="使用人姓名" name="operator" max={20} extra="记录在每条修改留痕中" />
            <Form.Item wrapperCol={{ offset: 4 }}>
              <Button type="primary" htmlType="submit" loading={saving}>
                保存设置
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <AgendaTemplateCard />
        <DemandSettingsCard />
        <BackupCard />
        <ExchangeCard />
        <Card title="关于">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="版本">{info?.appVersion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="数据结构版本">{info?.schemaVersion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="数据保存">全部保存在本机数据库中，不联网。</Descriptions.Item>
          </Descriptions>
        </Card>
      </Space>
    </div>
  );
}
