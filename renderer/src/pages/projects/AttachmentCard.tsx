import { FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Progress, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  ATTACHMENT_MAX_BYTES,
  EVIDENCE_HINT,
  EVIDENCE_TYPES,
  type Attachment,
  type ProjectDetail,
} from '../../../../shared/projects';
import { call, errorMessage } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { fileSize, makeThumbnail, readAsBase64 } from '../../lib/files';
import { DeleteButton } from '../../components/DeleteButton';

/** 佐证材料: photos shown as thumbnails, other files as cards; opened with the system's viewer. */
/** The file picker offers what the core keeps (it checks the content too). */
const ACCEPT = Object.keys(EVIDENCE_TYPES)
  .map((e) => `.${e}`)
  .join(',');

export function AttachmentCard({ detail, reload }: { detail: ProjectDetail; reload(): Promise<void> }) {
  const { message } = AntApp.useApp();
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);
  const milestoneName = new Map(detail.milestones.map((m) => [m.id, m.title]));

  const upload = async (files: File[]) => {
    setUploading({ done: 0, total: files.length });
    let ok = 0;
    for (const [i, file] of files.entries()) {
      try {
        if (file.size > ATTACHMENT_MAX_BYTES) throw new Error(`“${file.name}”超过 20 MB，请压缩后再添加`);
        const [dataBase64, thumbBase64] = await Promise.all([readAsBase64(file), makeThumbnail(file)]);
        await call('attachments.add', { projectId: detail.project.id, fileName: file.name, dataBase64, thumbBase64 });
        ok++;
      } catch (err) {
        message.error(err instanceof Error ? err.message : errorMessage(err));
      }
      setUploading({ done: i + 1, total: files.length });
    }
    setUploading(null);
    if (ok) message.success(`已添加 ${ok} 个附件`);
    await reload();
  };

  const open = async (a: Attachment) => {
    try {
      const r = await call('attachments.open', { id: a.id });
      if (!r.opened) message.info(`文件保存在：${r.path}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await call('attachments.remove', { id: a.id });
      message.success(`已移除附件：${a.fileName}`);
      await reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  // Upload collects a multi-file pick into one list; handle it once, on the last file.
  return (
    <Card
      title="佐证材料"
      className="print-block"
      extra={
        <Upload
          multiple
          showUploadList={false}
          accept={ACCEPT}
          beforeUpload={(file, list) => {
            if (file === list[list.length - 1]) void upload(list);
            return false;
          }}
        >
          <Tooltip title={EVIDENCE_HINT}>
            <Button icon={<PaperClipOutlined />} loading={!!uploading} className="no-print">
              添加照片或文件
            </Button>
          </Tooltip>
        </Upload>
      }
    >
      {uploading && (
        <Progress
          percent={Math.round((uploading.done / uploading.total) * 100)}
          format={() => `${uploading.done}/${uploading.total}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {detail.attachments.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="还没有照片或文件。施工前后的照片、验收单、群众签字表都可以放在这里。"
        />
      ) : (
        <div className="attachment-grid" role="list" aria-label="佐证材料">
          {detail.attachments.map((a) => (
            <div key={a.id} className="attachment" role="listitem">
              <Tooltip
                title={[
                  a.fileName,
                  fileSize(a.bytes),
                  dateTime(a.createdAt),
                  ...(a.milestoneId ? [`节点：${milestoneName.get(a.milestoneId) ?? ''}`] : []),
                ].join(' · ')}
              >
                <button
                  type="button"
                  className="attachment-thumb"
                  onClick={() => void open(a)}
                  aria-label={`打开${a.fileName}`}
                >
                  {a.thumb ? (
                    <img src={a.thumb} alt={a.fileName} />
                  ) : (
                    <FileOutlined style={{ fontSize: 36, color: '#98a2b3' }} />
                  )}
                </button>
              </Tooltip>
              <div className="attachment-name">
                <Typography.Text ellipsis style={{ maxWidth: 100, fontSize: 12 }}>
                  {a.fileName}
                </Typography.Text>
                <DeleteButton
                  verb="移除"
                  question={`移除附件“${a.fileName}”？`}
                  label={`移除附件${a.fileName}`}
                  onConfirm={() => remove(a)}
                />
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
