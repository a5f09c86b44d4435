/** People registry: members of 村两委 / 驻村工作队 and guests (列席) kept for reuse. */
import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import { people, type PersonRow } from '../../db/schema';
import { newId, type Ctx } from '../../db/context';
import { notFound, UserError } from '../../lib/errors';
import { auditEntry, diffEntries, writeAudit } from '../../db/audit';
import { bumped } from '../../db/rows';
import type { Person } from '../../../../shared/domain';
import type { RequestOf } from '../../../../shared/contract';

const EDITABLE = ['name', 'role', 'organisation', 'kind', 'guestCategory', 'phone', 'note', 'isPartyMember'] as const;
const ORG_ORDER = sql`CASE ${people.organisation}
  WHEN '村两委' THEN 0 WHEN '驻村工作队' THEN 1 WHEN '乡镇' THEN 2 ELSE 3 END`;

export const personToDto = (r: PersonRow): Person => ({
  id: r.id,
  villageCode: r.villageCode,
  name: r.name,
  role: r.role,
  organisation: r.organisation,
  kind: r.kind,
  guestCategory: r.guestCategory ?? null,
  phone: r.phone,
  note: r.note,
  isPartyMember: r.isPartyMember,
  sortOrder: r.sortOrder,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  rev: r.rev,
  deletedAt: r.deletedAt ?? null,
});

export async function listPeople(ctx: Ctx, kind: 'member' | 'guest' | 'all'): Promise<Person[]> {
  const rows = await ctx.db
    .select()
    .from(people)
    .where(
      and(
        eq(people.villageCode, ctx.villageCode()),
        isNull(people.deletedAt),
        kind === 'all' ? undefined : eq(people.kind, kind),
      ),
    )
    .orderBy(ORG_ORDER, asc(people.sortOrder), asc(people.createdAt));
  return rows.map(personToDto);
}

async function getRow(ctx: Ctx, id: string): Promise<PersonRow> {
  const rows = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.id, id), eq(people.villageCode, ctx.villageCode())))
    .limit(1);
  if (!rows[0]) throw notFound('人员');
  return rows[0];
}

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  return personToDto(await getRow(ctx, id));
}

function checkGuestFields(kind: string, guestCategory: string | null | undefined) {
  if (kind === 'member' && guestCategory) {
    throw new UserError('USER_ERROR', '成员不需要列席类别；列席人员请把人员类别选为“列席”', 'guestCategory');
  }
}

export async function createPerson(ctx: Ctx, input: RequestOf<'people.create'>): Promise<Person> {
  checkGuestFields(input.kind, input.guestCategory);
  return ctx.conn.transaction(async () => {
    const code = ctx.villageCode();
    const [{ top } = { top: 0 }] = await ctx.db
      .select({ top: max(people.sortOrder) })
      .from(people)
      .where(eq(people.villageCode, code));
    const now = ctx.now();
    const row: PersonRow = {
      id: newId(),
      ...input,
      guestCategory: input.guestCategory ?? null,
      sortOrder: (top ?? 0) + 1,
      villageCode: code,
      createdAt: now,
      updatedAt: now,
      rev: 1,
      deletedAt: null,
    };
    await ctx.db.insert(people).values(row);
    await auditEntry(ctx, 'person', row.id, 'create', { newValue: personToDto(row) });
    return personToDto(row);
  });
}

export async function updatePerson(ctx: Ctx, input: RequestOf<'people.update'>): Promise<Person> {
  return ctx.conn.transaction(async () => {
    const current = await getRow(ctx, input.id);
    if (current.deletedAt) throw new UserError('CONFLICT', '该人员已被删除，不能修改');
    const { id, ...patch } = input;
    const next = { ...current, ...patch };
    checkGuestFields(next.kind, next.guestCategory);
    const changes = diffEntries('person', id, current, patch, EDITABLE);
    if (changes.length === 0) return personToDto(current);
    const updated = { ...next, ...bumped(ctx, current) };
    await ctx.db.update(people).set(updated).where(eq(people.id, id));
    await writeAudit(ctx, changes);
    return personToDto(updated);
  });
}

async function setDeleted(ctx: Ctx, id: string, deleted: boolean): Promise<Person> {
  return ctx.conn.transaction(async () => {
    const current = await getRow(ctx, id);
    if (Boolean(current.deletedAt) === deleted) return personToDto(current);
    const now = ctx.now();
    const updated = { ...current, deletedAt: deleted ? now : null, updatedAt: now, rev: current.rev + 1 };
    await ctx.db.update(people).set(updated).where(eq(people.id, id));
    await auditEntry(ctx, 'person', id, deleted ? 'delete' : 'restore', {
      field: 'deletedAt',
      oldValue: current.deletedAt,
      newValue: updated.deletedAt,
    });
    return personToDto(updated);
  });
}

export const removePerson = (ctx: Ctx, id: string) => setDeleted(ctx, id, true);
export const restorePerson = (ctx: Ctx, id: string) => setDeleted(ctx, id, false);
