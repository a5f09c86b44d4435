/** A demand's timeline: its steps in the order they were made. */
import { and, eq, isNull } from 'drizzle-orm';
import type { DemandStep } from '../../../../shared/demands';
import type { Ctx } from '../../db/context';
import { demandSteps } from '../../db/schema';
import { stepToDto } from './rows';

export async function demandStepsOf(ctx: Ctx, demandId: string): Promise<DemandStep[]> {
  const steps = await ctx.db
    .select()
    .from(demandSteps)
    .where(and(eq(demandSteps.demandId, demandId), isNull(demandSteps.deletedAt)))
    .orderBy(demandSteps.at, demandSteps.id);
  return steps.map(stepToDto);
}
