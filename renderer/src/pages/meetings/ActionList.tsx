import type { MeetingDemand } from '../../../../shared/demands';
import type { AgendaItem } from '../../../../shared/meetings';
import { ActionLine } from './ActionLine';
import { NewActionLine } from './NewActionLine';
import { useMeeting } from './meetingContext';

/**
 * An agenda item's action list, and the empty line that adds the next one (NewActionLine: Enter
 * saves and leaves the cursor in a new empty line).
 */
export function ActionList({ item, demands }: { item: AgendaItem; demands?: MeetingDemand[] }) {
  const { people, reload, fail, locked, reason } = useMeeting();
  const numbers = new Map((demands ?? []).map((d) => [d.id, d.number]));

  return (
    <div className="action-list">
      <div style={{ fontSize: 13, color: '#475467', fontWeight: 500, margin: '6px 0' }}>
        任务清单
        {item.actions.length > 0 && `（${item.actions.filter((a) => a.done).length}/${item.actions.length} 已完成）`}
      </div>
      <div role="list" aria-label={`${item.title}的任务`}>
        {item.actions.map((a) => (
          <ActionLine
            key={`${a.id}:${a.rev}`}
            action={a}
            people={people}
            onChanged={reload}
            fail={fail}
            demandNumber={a.demandId ? numbers.get(a.demandId) : undefined}
            locked={locked}
            reason={reason}
          />
        ))}
      </div>
      {!locked && <NewActionLine item={item} demands={demands} />}
    </div>
  );
}
