import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/domain';
import { call, errorMessage } from '../lib/api';
import { describeAudit } from '../lib/auditText';
import { dateTime } from '../lib/format';
import { usePeople } from '../lib/usePeople';

export type HistorySource = { kind: 'meeting'; id: string } | { kind: 'action' | 'project' | 'demand'; id: string };

/** Change history (留痕) of a meeting, an action, a project or a demand, from the audit log, newest first. */
export function HistoryDrawer({
  open,
  onClose,
  title,
  source,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  source: HistorySource;
}) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { byId } = usePeople();

  useEffect(() => {
    if (!open) return;
    setEntries(null);
    const load =
      source.kind === 'meeting'
        ? call('meetings.history', { id: source.id })
        : call('audit.list', { entity: source.kind, entityId: source.id });
    load.then(
      (e) => setEntries([...e].reverse()),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [open, source.kind, source.id]);

  return (
    <Drawer open={open} onClose={onClose} title={title} width={520}>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!entries && !error && <Spin />}
      {entries && entries.length === 0 && <Empty description="还没有修改记录" />}
      {entries && entries.length > 0 && (
        <Timeline
          items={entries.map((e) => ({
            key: e.id,
            color: e.reason ? 'orange' : e.action === 'delete' ? 'red' : 'blue',
            children: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dateTime(e.at)} · {e.actor}
                </Typography.Text>
                <div>{describeAudit(e, byId)}</div>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
