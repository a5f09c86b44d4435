import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { App as AntApp, Button, List, Modal, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import type { FileOutcomeDto } from '../../../../shared/exchangeChannels';
import { call, errorMessage } from '../../lib/api';
import { readAsBase64 } from '../../lib/files';

interface Item {
  file: File;
  stage: 'waiting' | 'reading' | 'importing' | 'done';
  outcome: FileOutcomeDto | null;
  error: string | null;
}

const PERCENT = { waiting: 0, reading: 30, importing: 70, done: 100 } as const;

function describe(o: FileOutcomeDto): string {
  if (o.status === 'refused') return o.reason ?? '被拒绝';
  const t = Object.values(o.counts ?? {}).reduce((a, c) => ({ n: a.n + c.new, u: a.u + c.updated }), { n: 0, u: 0 });
  const head = `${o.village?.name ?? ''}：新增 ${t.n} 行，更新 ${t.u} 行`;
  return o.status === 'unchanged'
    ? `${o.village?.name ?? ''}：已全部导入过，没有变化`
    : head +
        (o.conflicts ? `，${o.conflicts} 处冲突未导入` : '') +
        (o.keyStatus === 'new' ? `；首次导入，已记下密钥指纹 ${o.fingerprint}` : '');
}

/**
 * 导入数据包: several files or a whole folder; each file gets its own progress
 * bar and outcome, a bad file does not stop the others. A village whose key
 * changed is held back until the user accepts the new key.
 */
export function BundleImport({ open, onClose }: { open: boolean; onClose(): void }) {
  const { modal } = AntApp.useApp();
  const [items, setItems] = useState<Item[]>([]);
  const [running, setRunning] = useState(false);
  const queue = useRef<File[]>([]);

  const update = (file: File, patch: Partial<Item>) =>
    setItems((list) => list.map((it) => (it.file === file ? { ...it, ...patch } : it)));

  /** `batch`: the files of one pick share one backup, made before the first change. */
  const importOne = async (file: File, acceptNewKey = false, batch?: string) => {
    try {
      update(file, { stage: 'reading', error: null });
      const dataBase64 = await readAsBase64(file);
      update(file, { stage: 'importing' });
      const outcome = await call('exchange.import', {
        fileName: file.name,
        dataBase64,
        acceptNewKey,
        ...(batch ? { batch } : {}),
      });
      update(file, { stage: 'done', outcome });
    } catch (err) {
      update(file, { stage: 'done', error: errorMessage(err) });
    }
  };

  const run = async (files: File[]) => {
    const bundles = files.filter((f) => f.name.toLowerCase().endsWith('.lxb'));
    if (bundles.length === 0) return;
    setItems((list) => [
      ...list,
      ...bundles.map((file) => ({ file, stage: 'waiting' as const, outcome: null, error: null })),
    ]);
    setRunning(true);
    const batch = crypto.randomUUID();
    for (const f of bundles) await importOne(f, false, batch);
    setRunning(false);
  };

  const accept = (it: Item) =>
    modal.confirm({
      title: `接受${it.outcome?.village?.name ?? ''}的新密钥？`,
      content: it.outcome?.reason,
      okText: '已电话核实，接受并导入',
      cancelText: '取消',
      onOk: () => importOne(it.file, true),
    });

  // Upload hands over a multi-file or folder pick one file at a time; collect them, then run once.
  const collect = (file: File, list: File[]) => {
    queue.current.push(file);
    if (queue.current.length === list.length) {
      const files = queue.current;
      queue.current = [];
      void run(files);
    }
    return false;
  };

  const done = items.filter((i) => i.stage === 'done').length;
  const close = () => {
    if (running) return;
    setItems([]);
    onClose();
  };
  return (
    <Modal
      title="导入各村数据包"
      open={open}
      onCancel={close}
      width={820}
      maskClosable={false}
      footer={
        <Button onClick={close} disabled={running}>
          完成
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Upload.Dragger multiple accept=".lxb" showUploadList={false} beforeUpload={collect} disabled={running}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或把数据包（.lxb）拖到这里，可一次选多个</p>
          <p className="ant-upload-hint">
            每个数据包先核验签名和内容，再在一个事务中导入；导入前自动备份。有问题的包不会影响其他包。
          </p>
        </Upload.Dragger>
        <Upload directory showUploadList={false} beforeUpload={collect} disabled={running}>
          <Button icon={<FolderOpenOutlined />}>选择整个文件夹</Button>
        </Upload>
        {items.length > 0 && (
          <>
            <div>
              <Typography.Text strong>总进度</Typography.Text>
              <Progress
                percent={Math.round((done / items.length) * 100)}
                format={() => `${done}/${items.length}`}
                aria-label="总进度"
              />
            </div>
            <List
              size="small"
              dataSource={items}
              renderItem={(it) => {
                const o = it.outcome;
                const bad = !!it.error || o?.status === 'refused';
                return (
                  <List.Item
                    data-testid="bundle-outcome"
                    actions={
                      o?.status === 'refused' && o.keyStatus === 'changed'
                        ? [
                            <Button key="k" size="small" onClick={() => accept(it)}>
                              接受新密钥
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <div style={{ width: '100%' }}>
                      <Space>
                        <Typography.Text strong>{it.file.name}</Typography.Text>
                        {o && (
                          <Tag
                            color={o.status === 'applied' ? 'success' : o.status === 'unchanged' ? 'default' : 'error'}
                          >
                            {o.status === 'applied' ? '已导入' : o.status === 'unchanged' ? '无变化' : '已拒绝'}
                          </Tag>
                        )}
                        {it.error && <Tag color="error">出错</Tag>}
                      </Space>
                      <Progress
                        percent={PERCENT[it.stage]}
                        size="small"
                        status={bad ? 'exception' : it.stage === 'done' ? 'success' : 'active'}
                        showInfo={false}
                        aria-label={`${it.file.name}进度`}
                      />
                      {(o || it.error) && (
                        <Typography.Text type={bad ? 'danger' : undefined} style={{ fontSize: 13 }}>
                          {it.error ?? describe(o!)}
                        </Typography.Text>
                      )}
                    </div>
                  </List.Item>
                );
              }}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
