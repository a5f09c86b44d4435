import { App as AntApp, Button, Card, List, Popconfirm, Result, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { backupReasonLabel, type AppStatus, type BackupEntryDto } from '../../../shared/backupChannels';
import { call, errorMessage } from '../lib/api';
import { dateTime } from '../lib/format';

/**
 * Shown instead of the app when the database file cannot be opened. Explains
 * why, and (for a damaged file) offers the backups, newest first. Nothing is
 * replaced until the user chooses a backup.
 */
export function RecoveryScreen({ status, onRecovered }: { status: AppStatus; onRecovered(): Promise<void> }) {
  const { message } = AntApp.useApp();
  const [backups, setBackups] = useState<{ dir: string; items: BackupEntryDto[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void call('backup.list', {}).then(setBackups, () => setBackups({ dir: '', items: [] }));
  }, []);

  const restore = async (file: string) => {
    setBusy(file);
    try {
      const r = await call('backup.restore', { file });
      message.success(`已用 ${r.restoredFrom} 恢复。原来的文件保存在备份文件夹：${r.safetyBackup ?? '—'}`, 8);
      await onRecovered();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const tooNew = status.problem === 'SCHEMA_TOO_NEW';
  return (
    <div className="firstrun">
      <Card style={{ width: 640 }}>
        <Result
          status={tooNew ? 'warning' : 'error'}
          title={
            <Typography.Title level={3} style={{ margin: 0 }}>
              {tooNew ? '需要升级联席通' : status.problem === 'READ_ONLY' ? '数据库所在位置不能写入' : '数据库无法打开'}
            </Typography.Title>
          }
          subTitle={<span role="alert">{status.message}</span>}
          style={{ paddingBottom: 8 }}
        />
        {status.canRestore && (
          <>
            <Typography.Paragraph>
              可以用备份恢复。恢复时，当前的文件会被原样保存到备份文件夹，不会删除。
            </Typography.Paragraph>
            <List
              bordered
              loading={!backups}
              dataSource={backups?.items ?? []}
              locale={{ emptyText: `备份文件夹里没有备份（${backups?.dir ?? ''}）。请联系技术人员。` }}
              renderItem={(b, i) => (
                <List.Item
                  actions={[
                    <Popconfirm
                      key="r"
                      title="用这个备份恢复？"
                      description="当前文件会先保存到备份文件夹。"
                      okText="恢复"
                      cancelText="取消"
                      onConfirm={() => restore(b.file)}
                    >
                      <Button type={i === 0 ? 'primary' : 'default'} loading={busy === b.file}>
                        用此备份恢复
                      </Button>
                    </Popconfirm>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <span>
                        {dateTime(b.at)} {i === 0 && <Tag color="green">最新</Tag>}
                      </span>
                    }
                    description={`${backupReasonLabel(b.reason)} · ${(b.bytes / 1024).toFixed(0)} KB`}
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </div>
  );
}
