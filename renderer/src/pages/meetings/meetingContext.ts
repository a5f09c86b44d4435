import { createContext, useContext } from 'react';
import type { Person } from '../../../../shared/domain';
import type { MeetingDetail } from '../../../../shared/meetings';
import type { SaveState } from '../../lib/useAutosave';

/** What every part of the meeting page shares. */
export interface MeetingCtx {
  detail: MeetingDetail;
  people: Person[];
  byId: Map<string, Person>;
  /** Finalised and not being amended: minutes fields are read-only. */
  locked: boolean;
  /** The amendment reason, sent with every change while amending. */
  reason?: string;
  reload(): Promise<void>;
  reloadPeople(): Promise<void>;
  report(source: string, state: SaveState, error?: string): void;
  fail(err: unknown): void;
}

export const MeetingContext = createContext<MeetingCtx | null>(null);

export function useMeeting(): MeetingCtx {
  const c = useContext(MeetingContext);
  if (!c) throw new Error('useMeeting outside MeetingContext');
  return c;
}
