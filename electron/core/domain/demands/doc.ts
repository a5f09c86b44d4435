/** A demand as search sees it: number, 查询码, content, category and the resident's surname (never the phone). */
import { maskName } from '../../../../shared/demands';
import type { DemandRow } from '../../db/schema';

export const demandDoc = (r: Pick<DemandRow, 'id' | 'number' | 'code' | 'content' | 'residentName' | 'category'>) => ({
  kind: 'demand' as const,
  refId: r.id,
  title: `${r.number} ${r.content.slice(0, 60)}`,
  body: `${r.code} ${r.category} ${maskName(r.residentName)}`,
});
