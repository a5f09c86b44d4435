import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import type { MeetingDetail } from '../../../../shared/meetings';
import { call, errorMessage } from '../../lib/api';
import { SaveIndicator, useSaveStatus } from '../../lib/saveStatus';
import { DetailPending, useDetail } from '../../lib/useDetail';
import { usePeople } from '../../lib/usePeople';
import { navigate } from '../../shell/useHashRoute';
import { AgendaItemCard } from './AgendaItemCard';
import { AddAgendaDialog } from './AddAgendaDialog';
import { AttendancePanel } from './AttendancePanel';
import { MeetingHeader } from './MeetingHeader';
import { MeetingContext, type MeetingCtx } from './meetingContext';

/** One meeting: header, attendance, the agenda with its action lists, minutes typed live. */
export function MeetingPage({ id }: { id: string }) {
  const { message } = AntApp.useApp();
  const [amendReason, setAmendReason] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { people, byId, reload: reloadPeople } = usePeople();
  const save = useSaveStatus();

  const { detail, error, reload } = useDetail<MeetingDetail>(useCallback(() => call('meetings.get', { id }), [id]));
  if (!detail)
    return <DetailPending error={error} title="打不开这次会议" back={{ path: 'meetings', label: '返回会议列表' }} />;

  const finalised = detail.meeting.finalisedAt !== null;
  const ctx: MeetingCtx = {
    detail,
    people,
    byId,
    locked: finalised && amendReason === null,
    reason: amendReason ?? undefined,
    reload,
    reloadPeople,
    report: save.report,
    fail: (err) => message.error(errorMessage(err)),
  };

  return (
    <MeetingContext.Provider value={ctx}>
      <div className="page">
        <div className="page-header no-print" style={{ marginBottom: 8 }}>
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('meetings')}
            style={{ paddingLeft: 0 }}
          >
            会议列表
          </Button>
          <SaveIndicator state={save.state} />
        </div>
        <MeetingHeader amendReason={amendReason} setAmendReason={setAmendReason} />
        {amendReason !== null && (
          <Alert
            type="warning"
            showIcon
            style={{ margin: '12px 0' }}
            message={`正在修改已签发的纪要。修改原因：${amendReason}`}
            description="每一处修改都连同原因记入历史记录。"
            action={
              <Button
                onClick={() => {
                  setAmendReason(null);
                  void reload();
                }}
              >
                完成修改
              </Button>
            }
          />
        )}
        <div className="meeting-body">
          <div className="meeting-grid">
            <div className="meeting-agenda">
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                {detail.items.map((item, i) => (
                  <AgendaItemCard key={item.id} item={item} index={i} count={detail.items.length} />
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => setAdding(true)}
                  disabled={ctx.locked}
                  className="no-print"
                >
                  添加议题
                </Button>
              </Space>
            </div>
            <div className="meeting-side">
              <AttendancePanel />
            </div>
          </div>
        </div>
        <AddAgendaDialog open={adding} onClose={() => setAdding(false)} />
      </div>
    </MeetingContext.Provider>
  );
}
