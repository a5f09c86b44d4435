import {
  EditOutlined,
  FileWordOutlined,
  HistoryOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Card, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MinutesModel } from '../../../../shared/documents';
import { call, errorMessage } from '../../lib/api';
import { useDownload } from '../../lib/useDownload';
import { DOCX_MIME } from '../../lib/files';
import { MinutesSheet, PrintPreview } from '../../print/lazy';
import { dateTime, longDate, today } from '../../lib/format';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { MeetingInfoDialog } from './MeetingInfoDialog';
import { useMeeting } from './meetingContext';

/** One fact of the header, label and value kept together on a line of their own when narrow. */
function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="meeting-fact">
      <dt>{label}：</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function MeetingHeader({
  amendReason,
  setAmendReason,
}: {
  amendReason: string | null;
  setAmendReason(r: string | null): void;
}) {
  const { detail, byId, locked, reload, fail } = useMeeting();
  const { message } = AntApp.useApp();
  const m = detail.meeting;
  const [asking, setAsking] = useState(false);
  const [reasonText, setReasonText] = useState('');
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [printing, setPrinting] = useState<MinutesModel | null>(null);
  const { busy, download } = useDownload();

  const exportDocx = () => download('docx', () => call('documents.minutesDocx', { meetingId: m.id }), DOCX_MIME);
  const preview = async () => {
    try {
      setPrinting(await call('documents.minutes', { meetingId: m.id }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const members = detail.attendance.filter((a) => a.status !== 'guest');
  const present = members.filter((a) => a.status === 'present').length;
  const guests = detail.attendance.length - members.length;
  const name = (id: string | null) => (id ? (byId.get(id)?.name ?? '（已删除）') : '未指定');

  const finalise = async () => {
    try {
      await call('meetings.finalise', { id: m.id });
      message.success('纪要已签发，内容已锁定');
      await reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Card>
      <div className="meeting-header">
        <div className="meeting-header-main">
          <Space align="center" size={12}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {m.title}
            </Typography.Title>
            <Tag color={m.kind === 'weekly' ? 'blue' : 'purple'}>{m.kind === 'weekly' ? '周例会' : '专题会'}</Tag>
            {m.finalisedAt ? (
              <Tag color={m.amendedAt ? 'orange' : 'green'} icon={<SafetyCertificateOutlined />}>
                {m.amendedAt ? `已签发 · ${dateTime(m.amendedAt)} 有修改` : '已签发'}
              </Tag>
            ) : (
              <Tag>纪要未签发</Tag>
            )}
          </Space>
          <dl className="meeting-facts">
            <Fact label="时间">
              {longDate(m.date)} {m.time}
            </Fact>
            <Fact label="地点">{m.place}</Fact>
            <Fact label="第几次">第{m.seq}次</Fact>
            <Fact label="主持人">{name(m.chairId)}</Fact>
            <Fact label="记录人">{name(m.recorderId)}</Fact>
            <Fact label="出席">
              应到 {members.length} 人，实到 {present} 人，列席 {guests} 人
            </Fact>
          </dl>
          {m.finalisedAt && (
            <Typography.Text type="secondary">
              {m.finalisedBy} 于 {dateTime(m.finalisedAt)} 签发
            </Typography.Text>
          )}
        </div>
        <Space className="no-print" wrap style={{ justifyContent: 'flex-end' }}>
          <Button icon={<FileWordOutlined />} onClick={() => void exportDocx()} loading={busy === 'docx'}>
            导出纪要
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void preview()}>
            打印
          </Button>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
            历史记录
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={locked}>
            编辑会议信息
          </Button>
          {m.finalisedAt ? (
            amendReason === null && (
              <Button onClick={() => setAsking(true)} type="primary" ghost>
                修改纪要
              </Button>
            )
          ) : (
            <Popconfirm
              title={m.date > today() ? `会议日期（${longDate(m.date)}）还没到，仍要签发纪要？` : '签发纪要？'}
              description="签发后纪要锁定；之后的修改须填写原因，并留痕。任务仍可继续勾选。"
              okText="签发"
              cancelText="取消"
              onConfirm={finalise}
            >
              <Button type="primary" icon={<SafetyCertificateOutlined />}>
                签发纪要
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <Modal
        open={asking}
        title="修改已签发的纪要"
        okText="开始修改"
        cancelText="取消"
        okButtonProps={{ disabled: reasonText.trim() === '' }}
        onCancel={() => setAsking(false)}
        onOk={() => {
          setAmendReason(reasonText.trim());
          setAsking(false);
          setReasonText('');
        }}
      >
        <Typography.Paragraph type="secondary">
          纪要已签发。请说明修改原因，原因会与每一处修改一起记入历史记录。
        </Typography.Paragraph>
        <label htmlFor="amend-reason">修改原因</label>
        <Input.TextArea
          id="amend-reason"
          value={reasonText}
          onChange={(e) => setReasonText(e.target.value)}
          maxLength={200}
          autoFocus
          rows={3}
        />
      </Modal>
      <MeetingInfoDialog open={editing} onClose={() => setEditing(false)} />
      {printing && (
        <PrintPreview
          title={printing.title}
          fileName={`${printing.title}（${printing.subtitle}）.pdf`}
          onClose={() => setPrinting(null)}
        >
          <MinutesSheet m={printing} />
        </PrintPreview>
      )}
      <HistoryDrawer
        open={history}
        onClose={() => setHistory(false)}
        title={`${m.title} · 历史记录`}
        source={{ kind: 'meeting', id: m.id }}
      />
    </Card>
  );
}
