/**
 * Demo demands: residents' requests and 微心愿 over the year, by every
 * channel, each walked along the way (登记 → 受理 → 分流 … → 销号) as far as
 * its dates reach today, so every state occurs: some overdue, some 重办 after
 * an unsatisfied 回访, wishes claimed by party members, explained ones kept
 * as 待办档案, some handed to the township. Residents have phone numbers.
 * A few are taken up by the rest of the village's work: a task decided for
 * one at a meeting's 群众诉求 item (one still open, one ticked when it was
 * finished) and a 共性问题 settled by a project of the 项目库.
 */
import { addDays } from '../../../shared/dates';
import { DEMAND_CHANNELS, DEMAND_MOVES, type DemandMove, type DemandState } from '../../../shared/demands';
import type { Lane } from '../../../shared/meetings';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { writeAudit, type AuditInput } from '../db/audit';
import { newId, type Ctx } from '../db/context';
import { insertRows } from '../db/rows';
import { actions, agendaItems, demands, demandSteps, meetings, projects } from '../db/schema';
import { personName } from './names';
import type { SeedPerson } from './projects';
import type { Random } from './random';

const CONTENT: [string, string][] = [
  ['村东组路灯坏了三盏，晚上出行不便', '基础设施'],
  ['西组排水沟堵塞，下雨积水进院', '人居环境'],
  ['家门口道路坑洼，电动车易摔倒', '基础设施'],
  ['孩子上学没有校车，希望协调', '教育'],
  ['老人腿脚不便，希望帮忙办理医保报销', '医疗卫生'],
  ['自来水压力小，二楼没水', '基础设施'],
  ['垃圾点离家太近，夏天有异味', '人居环境'],
  ['想了解养殖贷款政策', '产业发展'],
  ['房屋墙体开裂，担心安全', '住房与城乡建设'],
  ['低保年审材料不会填', '民生保障'],
  ['邻里宅基地边界有争议', '其他'],
  ['村广场缺少健身器材', '基础设施'],
];
const WISHES: [string, string][] = [
  ['希望有人帮忙修一下轮椅', '民生保障'],
  ['孙子想要一套课外书', '教育'],
  ['想学用智能手机视频通话', '其他'],
  ['冬天想要一床厚棉被', '民生保障'],
  ['希望有人陪老人去县医院复查', '医疗卫生'],
];
const GROUPS = ['东组', '西组', '南组', '北组', '中心组'];
const SENSITIVE = ['低保', '残疾', '疾病', '家庭矛盾'] as const;
const LANES: Lane[] = ['now', 'dated', 'dated', 'phased'];
const DUE_DAYS: Record<Lane, number> = { now: 3, dated: 30, phased: 180 };

/** The path each demand takes (the last one is where it ends, if the dates reach that far). */
const PATHS: DemandMove[][] = [
  ['accept', 'assign', 'finish', 'followUp', 'close'],
  // Early in the list so that even a village of a dozen demands has one still being handled, often past its date.
  ['accept', 'assign'],
  ['accept', 'assign', 'finish', 'followUp'],
  ['accept', 'assign', 'finish'],
  ['accept', 'assign'],
  ['accept', 'assign', 'extend', 'finish', 'followUp', 'close'],
  ['accept', 'assign', 'finish', 'followUp', 'finish', 'followUp', 'close'], // 重办 after 不满意
  ['accept'],
  [],
  ['accept', 'archive'],
  ['return'],
  ['accept', 'assign', 'finish', 'followUp', 'close'],
];
const WISH_PATHS: DemandMove[][] = [
  ['accept', 'publish', 'claim', 'finish', 'followUp', 'close'],
  ['accept', 'publish', 'claim', 'finish'],
  ['accept', 'publish', 'claim'],
  ['accept', 'publish'],
];

interface Walk {
  state: DemandState;
  lane: Lane | null;
  due: string | null;
  first: string | null;
  redo: number;
  steps: (typeof demandSteps.$inferInsert)[];
}

interface Who {
  members: SeedPerson[];
  party: SeedPerson[];
  recorder: string;
}

/** The steps of one demand, dated from its receipt, none after today. */
function walk(
  r: Random,
  id: string,
  path: DemandMove[],
  received: string,
  today: string,
  who: Who,
  code: string,
): Walk {
  const w: Walk = { state: 'registered', lane: null, due: null, first: null, redo: 0, steps: [] };
  let day = received;
  const step = (
    move: DemandMove,
    note = '',
    detail = '',
    satisfaction: '满意' | '基本满意' | '不满意' | null = null,
  ) => {
    const at = `${day}T0${r.int(1, 8)}:${String(r.int(10, 59))}:00.000Z`;
    w.steps.push({
      id: newId(),
      demandId: id,
      move,
      at,
      actor: who.recorder,
      note,
      detail,
      dueDate: w.due,
      satisfaction,
      villageCode: code,
      createdAt: at,
      updatedAt: at,
    });
  };
  step('register');
  let followUps = 0;
  for (const move of path) {
    day = addDays(day, move === 'finish' ? r.int(2, 40) : r.int(1, 6));
    if (day > today) break;
    if (move === 'assign' || move === 'publish') w.lane = r.pick(LANES);
    // A wish has its date once a party member claims it and promises one.
    if (move === 'assign') w.due = w.first = addDays(day, DUE_DAYS[w.lane!]);
    if (move === 'claim') w.due = w.first = addDays(day, r.int(5, 20));
    if (move === 'extend') w.due = addDays(w.due ?? day, 30);
    const unhappy = move === 'followUp' && path.filter((m) => m === 'followUp').length > 1 && followUps === 0;
    if (move === 'followUp') followUps++;
    const sat = move === 'followUp' ? (unhappy ? '不满意' : r.pick(['满意', '满意', '基本满意'] as const)) : null;
    step(move, move === 'finish' ? '已按要求办理' : move === 'return' ? '属镇级事权，已转办' : '', '', sat);
    w.state = unhappy ? 'in_progress' : DEMAND_MOVES[move].to;
    if (unhappy) w.redo++;
  }
  return w;
}

type DemandInsert = typeof demands.$inferInsert;
type StepInsert = typeof demandSteps.$inferInsert;
const dayOf = (s: StepInsert | undefined) => s?.at?.slice(0, 10) ?? '';
/** Being handled or finished, not sensitive (a task's text and a project travel to the county), its way known. */
const linkable = (d: DemandInsert, state: DemandState) =>
  d.kind === 'demand' && !d.sensitive && d.state === state && d.redoCount === 0 && !!d.ownerId && !d.projectId;

/** The 群众诉求 items of the village's meetings, oldest first. */
async function demandItems(ctx: Ctx) {
  return ctx.db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, date: meetings.date })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(agendaItems.villageCode, ctx.villageCode()),
        eq(agendaItems.type, '群众诉求'),
        isNull(agendaItems.deletedAt),
      ),
    )
    .orderBy(asc(meetings.date));
}

/**
 * A task decided for a demand at the first meeting after its 分流 (for one
 * finished, not after its 办结): still open, or ticked when it was finished.
 * None when no meeting was held in between.
 */
async function taskFor(
  ctx: Ctx,
  d: DemandInsert,
  steps: StepInsert[],
  items: Awaited<ReturnType<typeof demandItems>>,
  recorder: string,
): Promise<typeof actions.$inferInsert | null> {
  const mine = steps.filter((s) => s.demandId === d.id);
  const finish = mine.find((s) => s.move === 'finish');
  const from = dayOf(mine.find((s) => s.move === 'assign'));
  const item = items.find((i) => i.date >= from && (!finish || i.date <= dayOf(finish)));
  if (!from || !item) return null;
  const [n] = await ctx.db.select({ n: count() }).from(actions).where(eq(actions.agendaItemId, item.id));
  const at = `${addDays(item.date, -1)}T01:00:00.000Z`;
  const due = d.dueDate && d.dueDate >= item.date ? d.dueDate : addDays(item.date, 7);
  return {
    id: newId(),
    agendaItemId: item.id,
    meetingId: item.meetingId,
    meetingDate: item.date,
    position: (n?.n ?? 0) + 1,
    text: `落实诉求 ${d.number}：${d.content}`,
    ownerId: d.ownerId ?? null,
    dueDate: due,
    lane: d.lane ?? 'dated',
    demandId: d.id!,
    done: !!finish,
    doneAt: finish?.at ?? null,
    doneBy: finish ? recorder : null,
    villageCode: ctx.villageCode(),
    createdAt: at,
    updatedAt: finish?.at ?? at,
  };
}

/** A 共性问题 being handled, settled by a project under way (one from 群众诉求 if the library has one). */
async function linkProject(ctx: Ctx, rows: DemandInsert[]): Promise<void> {
  const live = await ctx.db
    .select({ id: projects.id, source: projects.source })
    .from(projects)
    .where(and(eq(projects.villageCode, ctx.villageCode()), eq(projects.status, '推进中'), isNull(projects.deletedAt)))
    .orderBy(asc(projects.createdAt));
  const p = live.find((x) => x.source === '群众诉求') ?? live[0];
  const d =
    rows.find((x) => linkable(x, 'in_progress') && x.nature === '共性问题') ??
    rows.findLast((x) => linkable(x, 'in_progress'));
  if (!p || !d) return;
  d.nature = '共性问题';
  d.projectId = p.id;
}

/** Tasks for the newest demand being handled and the newest finished one that a meeting took up. */
async function linkTasks(ctx: Ctx, rows: DemandInsert[], steps: StepInsert[], recorder: string) {
  const items = await demandItems(ctx);
  const tasks: (typeof actions.$inferInsert)[] = [];
  for (const state of ['in_progress', 'done'] as const) {
    for (const d of rows.filter((x) => linkable(x, state)).reverse()) {
      const task = await taskFor(ctx, d, steps, items, recorder);
      if (task) {
        tasks.push(task);
        break;
      }
    }
  }
  await insertRows(ctx, actions, tasks);
  await writeAudit(
    ctx,
    tasks.map((a) => ({ entity: 'action', entityId: a.id!, action: 'seed' }) as const),
  );
}

/** Writes `count` demands with their timelines and audit rows; returns how many. */
export async function seedDemands(ctx: Ctx, r: Random, count: number, today: string, who: Who): Promise<number> {
  const code = ctx.villageCode();
  const rows: DemandInsert[] = [];
  const steps: StepInsert[] = [];
  const audit: AuditInput[] = [];
  const perYear = new Map<string, number>();
  const received = Array.from({ length: count }, () => addDays(today, -r.int(2, 330))).sort();
  received.forEach((date, i) => {
    const channel = DEMAND_CHANNELS[i % DEMAND_CHANNELS.length]!;
    const wish = channel === '微心愿';
    const [content, category] = wish ? r.pick(WISHES) : r.pick(CONTENT);
    const path = wish ? WISH_PATHS[i % WISH_PATHS.length]! : PATHS[i % PATHS.length]!;
    const id = newId();
    const w = walk(r, id, path, date, today, who, code);
    const claimer = wish && w.steps.some((s) => s.move === 'claim') ? r.pick(who.party) : null;
    const owner = claimer ?? (w.steps.some((s) => s.move === 'assign') ? r.pick(who.members) : null);
    const seq = (perYear.get(date.slice(0, 4)) ?? 0) + 1;
    perYear.set(date.slice(0, 4), seq);
    const sensitive = !wish && r.chance(0.12);
    const at = w.steps[0]!.at!;
    rows.push({
      id,
      number: `${date.slice(0, 4)}-${String(seq).padStart(4, '0')}`,
      code: Array.from({ length: 6 }, () => r.pick([...'23456789ABCDEFGHJKMNPQRSTUVWXYZ'])).join('') + '',
      kind: wish ? 'wish' : 'demand',
      receivedDate: date,
      channel,
      residentName: personName(r),
      residentPhone: `13${r.int(100000000, 999999999)}`,
      residentGroup: r.pick(GROUPS),
      residentAddress: `${r.pick(GROUPS)}${r.int(1, 60)}号`,
      publicConsent: r.chance(0.7),
      sensitive,
      sensitiveKind: sensitive ? r.pick(SENSITIVE) : null,
      content,
      category,
      state: w.state,
      nature: w.steps.some((s) => s.move === 'archive')
        ? '暂不具备条件'
        : w.lane
          ? wish
            ? '个性问题'
            : r.pick(['个性问题', '共性问题'] as const)
          : null,
      lane: w.lane,
      ownerId: owner?.id ?? null,
      owner: owner?.name ?? '',
      claimerId: claimer?.id ?? null,
      dueDate: w.due,
      firstDueDate: w.first,
      reviewDate: w.state === 'archived' ? addDays(today, r.int(30, 120)) : null,
      redoCount: w.redo,
      villageCode: code,
      createdAt: at,
      updatedAt: w.steps.at(-1)!.at!,
      rev: w.steps.length,
    });
    steps.push(...w.steps);
    audit.push({ entity: 'demand', entityId: id, action: 'seed', newValue: { content } });
  });
  // 查询码 are unique in a village: a clash (1 in 10^8 per pair) takes the number's digits instead.
  const seen = new Set<string>();
  for (const d of rows) {
    if (seen.has(d.code)) d.code = `N${d.number.replace('-', '').slice(-5)}`;
    seen.add(d.code);
  }
  // Before the rows are written: each row has one audit row, the seed's.
  await linkProject(ctx, rows);
  await insertRows(ctx, demands, rows);
  await insertRows(ctx, demandSteps, steps);
  await writeAudit(ctx, audit);
  await linkTasks(ctx, rows, steps, who.recorder);
  return rows.length;
}
