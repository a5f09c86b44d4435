import { App as AntApp, Typography } from 'antd';
import { useCallback } from 'react';
import { call, errorMessage } from '../../lib/api';
import { finishNote } from './DemandActions';

/**
 * After the last task decided for a demand is ticked, proposes 办结 with the
 * tasks as its 办理情况 (the secretary can still decline and finish it later).
 */
export function useProposeFinish() {
  const { modal, message } = AntApp.useApp();
  return useCallback(
    async (demandId: string | null, onDone?: () => void) => {
      if (!demandId) return;
      const d = await call('demands.get', { id: demandId });
      if (!d.readyToFinish) return;
      const note = finishNote(d.actions);
      modal.confirm({
        title: `诉求 ${d.demand.number} 的任务都已完成，现在办结吗？`,
        content: (
          <>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
              {d.demand.content}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>办理情况：{note}</Typography.Paragraph>
          </>
        ),
        okText: '办结',
        cancelText: '以后再说',
        onOk: async () => {
          try {
            await call('demands.move', { id: demandId, move: 'finish', note });
            message.success(`诉求 ${d.demand.number} 已办结，待回访`);
            onDone?.();
          } catch (err) {
            message.error(errorMessage(err));
          }
        },
      });
    },
    [modal, message],
  );
}
