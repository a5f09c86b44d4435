import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Person } from '../../../shared/domain';
import { call } from './api';

/** The village's live people, for pickers; `reload` after adding one. */
export function usePeople() {
  const [people, setPeople] = useState<Person[]>([]);
  const reload = useCallback(async () => {
    setPeople(await call('people.list', { kind: 'all' }));
  }, []);
  useEffect(() => {
    void reload().catch(() => undefined);
  }, [reload]);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const members = useMemo(() => people.filter((p) => p.kind === 'member'), [people]);
  return { people, members, byId, reload };
}

/** Options show the name (what fits a narrow picker); the role helps only in the search. */
export const personOptions = (people: Person[]) =>
  people.map((p) => ({ value: p.id, label: p.name, role: p.role, search: `${p.name}${p.role}` }));
