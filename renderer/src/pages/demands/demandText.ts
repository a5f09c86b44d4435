/** Words and colours the demand screens share. */
import { addDays } from '../../../../shared/dates';
import { DEMAND_STATE_LABELS, type Demand, type DemandState } from '../../../../shared/demands';
import { today } from '../../lib/format';

export const STATE_COLORS: Record<DemandState, string> = {
  registered: 'default',
  accepted: 'blue',
  published: 'purple',
  in_progress: 'processing',
  done: 'cyan',
  visited: 'green',
  closed: 'success',
  archived: 'warning',
  returned: 'default',
};

export const stateLabel = (s: DemandState) => DEMAND_STATE_LABELS[s];

/** Red when past its date, amber when due within three days (still open). */
export function dueTone(d: Pick<Demand, 'overdue' | 'dueDate' | 'state'>): 'danger' | 'warning' | undefined {
  if (d.overdue) return 'danger';
  const open = ['registered', 'accepted', 'published', 'in_progress'].includes(d.state);
  if (open && d.dueDate && d.dueDate <= addDays(today(), 3)) return 'warning';
  return undefined;
}
