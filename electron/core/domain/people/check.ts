/** References to people must point at live people of this village. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { people } from '../../db/schema';
import { UserError } from '../../lib/errors';

export async function assertPeople(
  ctx: Ctx,
  ids: readonly (string | null | undefined)[],
  field: string,
  label: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  if (wanted.length === 0) return;
  const found = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, wanted), eq(people.villageCode, ctx.villageCode()), isNull(people.deletedAt)));
  if (found.length !== wanted.length) throw new UserError('USER_ERROR', `找不到该${label}，可能已被删除`, field);
}
