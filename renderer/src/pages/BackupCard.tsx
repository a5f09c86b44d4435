import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { backupReasonLabel, type BackupEntryDto } from '../../../shared/backupChannels';
import { call, errorMessage } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { dateTime } from '../lib/format';
import { useVillage } from '../lib/village';
import { Section } from '../components/Section';

/** 设置 → 备份与恢复: list, back up now, restore (the current file is backed up first), open the folder. */
export function BackupCard() {
  const { message } = AntApp.useApp();
  const { refresh } = useVillage();
  const [busy, setBusy] = useState(false);
  const { data, reload: load } = useLoad(useCallback(() => call('backup.list', {}), []));

  const run = async (f: () => Promise<string>) => {
    setBusy(true);
    try {
      message.success(await f());
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      title="备份与恢复"
      extra={
        <Space>
          <Button
            icon={<FolderOpenOutlined />}
            onClick={async () => {
              const r = await call('backup.openFolder', {});
              if (!r.opened) message.info(`备份文件夹：${r.dir}`, 8);
            }}
          >
            打开备份文件夹
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy}
            onClick={() => run(async () => `已备份：${(await call('backup.create', {})).file}`)}
          >
            立即备份
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每天自动备份一次，升级、导入、恢复之前也会自动备份。保留今天最近 3 份、以前每天 1 份，共 10
        份。每份备份都经过完整性检查。
      </Typography.Paragraph>
      <Table<BackupEntryDto>
        rowKey="file"
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '时间', render: (_v, b) => dateTime(b.at), width: 170 },
          { title: '类型', render: (_v, b) => backupReasonLabel(b.reason), width: 140 },
          { title: '大小', render: (_v, b) => `${(b.bytes / 1024).toFixed(0)} KB`, width: 100, align: 'right' },
          {
            title: '操作',
            render: (_v, b) => (
              <Popconfirm
                title="用这个备份恢复？"
                description="当前数据会先自动备份，恢复后可以再恢复回来。"
                okText="恢复"
                cancelText="取消"
                onConfirm={() =>
                  run(async () => {
                    const r = await call('backup.restore', { file: b.file });
                    await refresh();
                    return `已恢复到 ${dateTime(b.at)} 的备份；恢复前的数据已备份为 ${r.safetyBackup}`;
                  })
                }
              >
                <Button size="small" icon={<CloudDownloadOutlined />} aria-label={`恢复 ${b.file}`}>
                  恢复
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Section>
  );
}
