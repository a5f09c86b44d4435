import { ExportOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, DatePicker, Descriptions, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../lib/api';
import { useDownload } from '../lib/useDownload';
import { dateTime } from '../lib/format';

/** 数据交换: this installation's key fingerprint (read out to the county by phone) and 导出数据包. */
export function ExchangeCard() {
  const { message } = AntApp.useApp();
  const [identity, setIdentity] = useState<{ fingerprint: string; createdAt: string } | null>(null);
  const [scope, setScope] = useState<'all' | 'range'>('all');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { busy, download } = useDownload();

  useEffect(() => {
    call('exchange.identity', {}).then(setIdentity, (err: unknown) => message.error(errorMessage(err)));
  }, [message]);

  const exportBundle = () =>
    download(
      'bundle',
      () =>
        call(
          'exchange.export',
          scope === 'range' && range?.[0] && range[1]
            ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }
            : {},
        ),
      'application/octet-stream',
      (r) => {
        const rows = Object.values(r.counts).reduce((a, b) => a + b, 0);
        return `已导出数据包：${r.fileName}（${rows} 行，${(r.bytes / 1024).toFixed(0)} KB）`;
      },
    );

  return (
    <Card title="数据交换（报送乡镇、县）">
      <Descriptions size="small" column={1} styles={{ label: { width: 140 } }}>
        <Descriptions.Item
          label={
            <>
              <SafetyCertificateOutlined /> 本机密钥指纹
            </>
          }
        >
          <Typography.Text code copyable style={{ fontSize: 16, letterSpacing: 1 }} data-testid="key-fingerprint">
            {identity?.fingerprint ?? '…'}
          </Typography.Text>
        </Descriptions.Item>
        {identity && <Descriptions.Item label="生成时间">{dateTime(identity.createdAt)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph type="secondary">
        导出的数据包由本机密钥签名。县里第一次导入时会记下这个指纹；请在电话里把它念给县里的同志核对。
      </Typography.Paragraph>
      <Space wrap>
        <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'range')}>
          <Radio value="all">全部数据</Radio>
          <Radio value="range">某段时间内有变动的数据</Radio>
        </Radio.Group>
        {scope === 'range' && (
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} aria-label="导出日期范围" />
        )}
        <Button
          type="primary"
          icon={<ExportOutlined />}
          onClick={() => void exportBundle()}
          loading={busy === 'bundle'}
          disabled={scope === 'range' && !(range?.[0] && range[1])}
        >
          导出数据包
        </Button>
      </Space>
    </Card>
  );
}
