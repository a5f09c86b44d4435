/**
 * 群众诉求与微心愿: the register of residents' demands and small wishes, the
 * way each one goes (a state machine: which move is allowed from which state),
 * and the schemas the core and the page share. Residents' phones, ID numbers
 * and addresses are personal data: lists mask them, bundles leave them out.
 */
import { z } from 'zod';
import { id, optionalText, phone, requiredText } from './domain';
import { actionRow, isoDate, LANES } from './meetings';
import { PROJECT_STATUSES, SATISFACTION } from './projects';

export const DEMAND_KINDS = ['demand', 'wish'] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];
export const DEMAND_KIND_LABELS: Record<DemandKind, string> = { demand: '群众诉求', wish: '微心愿' };

export const DEMAND_CHANNELS = ['走访', '来电来访', '议事会', '12345转办', '微心愿', '网格员上报', '其他'] as const;
export const DEMAND_NATURES = ['个性问题', '共性问题', '历史遗留', '暂不具备条件'] as const;
export type DemandNature = (typeof DEMAND_NATURES)[number];
/** What keeps a demand off every public surface. */
export const SENSITIVE_KINDS = ['低保', '残疾', '疾病', '家庭矛盾', '其他'] as const;
export const FOLLOW_UP_METHODS = ['电话', '上门'] as const;

/** Where a demand stands. */
export const DEMAND_STATE_LABELS = {
  registered: '登记',
  accepted: '已受理',
  published: '待认领',
  in_progress: '办理中',
  done: '已办结·待回访',
  visited: '已回访',
  closed: '已销号',
  archived: '待办档案',
  returned: '退回/转办',
} as const;
export type DemandState = keyof typeof DEMAND_STATE_LABELS;
export const DEMAND_STATES = Object.keys(DEMAND_STATE_LABELS) as [DemandState, ...DemandState[]];
/** States in which a demand is still the village's to settle (counted as overdue past its date). */
export const OPEN_STATES: readonly DemandState[] = ['registered', 'accepted', 'published', 'in_progress'];

/**
 * The moves, each a node of the timeline: from which states it may be made
 * and where it leads. 回访 leads to 已回访, or back to 办理中 (重办) when the
 * resident is not satisfied; 延期 stays 办理中. Anything else is refused.
 */
export const DEMAND_MOVES = {
  register: { label: '登记', from: [] as DemandState[], to: 'registered' },
  accept: { label: '受理', from: ['registered'], to: 'accepted' },
  assign: { label: '分流·交办', from: ['accepted'], to: 'in_progress' },
  publish: { label: '发布认领', from: ['accepted'], to: 'published' },
  claim: { label: '领办', from: ['published'], to: 'in_progress' },
  extend: { label: '延期', from: ['in_progress'], to: 'in_progress' },
  finish: { label: '办结', from: ['in_progress'], to: 'done' },
  followUp: { label: '回访', from: ['done'], to: 'visited' },
  close: { label: '销号', from: ['visited'], to: 'closed' },
  archive: { label: '解释答复·转待办档案', from: ['accepted', 'in_progress'], to: 'archived' },
  reopen: { label: '重新受理', from: ['archived'], to: 'accepted' },
  // Handed on (to the township, with a reason) whenever it is still the village's to settle: a demand found at
  // 分流 or while being handled to be beyond the village's powers is 转办 then, not only at 登记/受理.
  return: { label: '退回/转办', from: ['registered', 'accepted', 'published', 'in_progress'], to: 'returned' },
} as const satisfies Record<string, { label: string; from: readonly DemandState[]; to: DemandState }>;
export type DemandMove = keyof typeof DEMAND_MOVES;
export const DEMAND_MOVE_NAMES = Object.keys(DEMAND_MOVES) as [DemandMove, ...DemandMove[]];

/** The moves allowed from `state` (the page shows these as buttons). */
export const movesFrom = (state: DemandState): DemandMove[] =>
  DEMAND_MOVE_NAMES.filter((m) => (DEMAND_MOVES[m].from as readonly DemandState[]).includes(state));

/**
 * The date a demand came with (a 12345 ticket's 办理时限) until it is first
 * 分流: 分流 keeps it unless another date is chosen.
 */
export const ticketDue = (d: { lane: string | null; dueDate: string | null }): string | null =>
  d.lane === null && d.dueDate ? d.dueDate : null;

/** The categories a village sorts its demands into (editable in 设置; imports may bring others). */
export const DEFAULT_DEMAND_CATEGORIES = [
  '基础设施',
  '人居环境',
  '民生保障',
  '医疗卫生',
  '教育',
  '产业发展',
  '住房与城乡建设',
  '矛盾纠纷',
  '其他',
] as const;
export const demandCategories = z
  .array(requiredText('诉求类别', 20), { error: '诉求类别应为一组文字' })
  .min(1, { error: '至少保留一个诉求类别' })
  .max(30, { error: '诉求类别不能超过30个' })
  .refine((c) => new Set(c).size === c.length, { error: '诉求类别有重复' });

/** Default time to settle a demand, in days, by lane (editable in 设置). */
export const demandDueDays = z.strictObject({
  now: z.number().int().min(1).max(30),
  dated: z.number().int().min(1).max(365),
  phased: z.number().int().min(1).max(1095),
});
export type DemandDueDays = z.infer<typeof demandDueDays>;
export const DEFAULT_DUE_DAYS: DemandDueDays = { now: 3, dated: 30, phased: 180 };

/** 18-character 居民身份证号码 with its check digit (GB 11643). */
export function validIdNumber(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17];
}

export const idNumber = z
  .string({ error: '身份证号应为文字' })
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => s === '' || validIdNumber(s), { error: '身份证号应为18位且校验位正确' });

const demandBase = {
  kind: z.enum(DEMAND_KINDS, { error: '类别应为群众诉求或微心愿' }),
  receivedDate: isoDate,
  channel: z.enum(DEMAND_CHANNELS, { error: '来源渠道不在可选范围内' }),
  residentName: optionalText('群众姓名', 30),
  residentPhone: phone,
  residentIdNumber: idNumber,
  residentGroup: optionalText('村民小组', 30),
  residentAddress: optionalText('住址', 100),
  publicConsent: z.boolean({ error: '是否同意公示应为是或否' }),
  sensitive: z.boolean({ error: '是否敏感应为是或否' }),
  sensitiveKind: z.enum(SENSITIVE_KINDS, { error: '敏感类别不在可选范围内' }).nullable(),
  content: requiredText('诉求内容', 2000),
  category: requiredText('类别', 20),
};

export const demandInput = z.strictObject({
  ...demandBase,
  kind: demandBase.kind.default('demand'),
  residentName: demandBase.residentName.default(''),
  residentPhone: phone.default(''),
  residentIdNumber: idNumber.default(''),
  residentGroup: demandBase.residentGroup.default(''),
  residentAddress: demandBase.residentAddress.default(''),
  publicConsent: demandBase.publicConsent.default(false),
  sensitive: demandBase.sensitive.default(false),
  sensitiveKind: demandBase.sensitiveKind.default(null),
});
export type DemandInput = z.input<typeof demandInput>;
/** No defaults: a patch leaves what it does not mention alone. */
export const demandPatch = z.strictObject(demandBase).partial().extend({ id });

const note = optionalText('说明', 1000).default('');
/** What each move needs besides the demand's id. */
export const demandMoveInput = z.discriminatedUnion('move', [
  z.strictObject({ id, move: z.literal('accept'), note }),
  z.strictObject({
    id,
    move: z.literal('assign'),
    nature: z.enum(['个性问题', '共性问题', '历史遗留'], { error: '请选择诉求性质' }),
    lane: z.enum(LANES, { error: '请选择办理方式' }),
    ownerId: id.nullable().default(null),
    owner: optionalText('责任人或责任单位', 60).default(''),
    leadId: id.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
    note,
  }),
  z.strictObject({
    id,
    move: z.literal('publish'),
    lane: z.enum(LANES, { error: '请选择办理方式' }).default('dated'),
    note,
  }),
  z.strictObject({ id, move: z.literal('claim'), claimerId: id, promisedDate: isoDate, note }),
  z.strictObject({ id, move: z.literal('extend'), dueDate: isoDate, reason: requiredText('延期原因', 500) }),
  z.strictObject({ id, move: z.literal('finish'), note: requiredText('办理情况', 1000) }),
  z.strictObject({
    id,
    move: z.literal('followUp'),
    satisfaction: z.enum(SATISFACTION, { error: '请选择满意度' }),
    method: z.enum(FOLLOW_UP_METHODS, { error: '回访方式应为电话或上门' }),
    visitor: requiredText('回访人', 30),
    note,
  }),
  z.strictObject({ id, move: z.literal('close'), note }),
  z.strictObject({
    id,
    move: z.literal('archive'),
    explanation: requiredText('解释答复', 1000),
    reviewDate: isoDate,
  }),
  z.strictObject({ id, move: z.literal('reopen'), note }),
  z.strictObject({
    id,
    move: z.literal('return'),
    reason: requiredText('退回或转办原因', 500),
    to: optionalText('转办单位', 60).default(''),
  }),
]);
export type DemandMoveInput = z.input<typeof demandMoveInput>;

export const demandFilter = z.strictObject({
  kind: z.enum(DEMAND_KINDS).optional(),
  state: z.enum(DEMAND_STATES).optional(),
  /** open: registered … in progress; settled: done, visited, closed, archived, returned. */
  stage: z.enum(['open', 'settled']).optional(),
  lane: z.enum(LANES).optional(),
  nature: z.enum(DEMAND_NATURES).optional(),
  channel: z.enum(DEMAND_CHANNELS).optional(),
  ownerId: id.optional(),
  overdue: z.boolean().optional(),
  sensitive: z.boolean().optional(),
  /** The demands a project settles (共性问题 turned into a project). */
  projectId: id.optional(),
  /** 待办档案 whose review date (再议日期) has come: to be taken up again (重新受理) or explained anew. */
  reviewDue: z.boolean().optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const demandStep = z.object({
  id: z.string(),
  move: z.enum(DEMAND_MOVE_NAMES),
  at: z.string(),
  actor: z.string(),
  note: z.string(),
  /** The move's own facts (nature, lane, owner, due date, satisfaction, method …), in words for the timeline. */
  detail: z.string(),
});
export type DemandStep = z.infer<typeof demandStep>;

export const demand = z.object({
  id: z.string(),
  number: z.string(),
  code: z.string(),
  kind: z.enum(DEMAND_KINDS),
  receivedDate: z.string(),
  channel: z.enum(DEMAND_CHANNELS),
  residentName: z.string(),
  /** Masked (138****1234) everywhere but the demand's own page. */
  residentPhone: z.string(),
  residentIdNumber: z.string(),
  residentGroup: z.string(),
  residentAddress: z.string(),
  publicConsent: z.boolean(),
  sensitive: z.boolean(),
  sensitiveKind: z.enum(SENSITIVE_KINDS).nullable(),
  content: z.string(),
  category: z.string(),
  state: z.enum(DEMAND_STATES),
  nature: z.enum(DEMAND_NATURES).nullable(),
  lane: z.enum(LANES).nullable(),
  ownerId: z.string().nullable(),
  owner: z.string(),
  claimerId: z.string().nullable(),
  leadId: z.string().nullable(),
  dueDate: z.string().nullable(),
  firstDueDate: z.string().nullable(),
  reviewDate: z.string().nullable(),
  redoCount: z.number(),
  projectId: z.string().nullable(),
  overdue: z.boolean(),
  rev: z.number(),
});
export type Demand = z.infer<typeof demand>;

/** Why a demand is on a meeting's 群众诉求 item: new since the last meeting, open past its date, or acted on there. */
export const MEETING_DEMAND_REASONS = { new: '新登记', overdue: '已超期', linked: '本次议定' } as const;
export const meetingDemand = demand.extend({ why: z.enum(['new', 'overdue', 'linked']) });
export type MeetingDemand = z.infer<typeof meetingDemand>;

/** A 共性问题 becomes a project of the 项目库 (source 群众诉求), linked both ways. */
export const demandToProjectInput = z.strictObject({ id, title: optionalText('项目名称', 100).default('') });

/** An action decided for the demand at a meeting, with the item's 议定事项. */
export const demandAction = actionRow.extend({ decision: z.string() });
export type DemandAction = z.infer<typeof demandAction>;

export const demandDetail = z.object({
  demand,
  steps: z.array(demandStep),
  moves: z.array(z.enum(DEMAND_MOVE_NAMES)),
  actions: z.array(demandAction),
  /** Being handled, with actions, all of them ticked: the app proposes 办结. */
  readyToFinish: z.boolean(),
  project: z.object({ id: z.string(), title: z.string(), status: z.enum(PROJECT_STATUSES) }).nullable(),
});
export type DemandDetail = z.infer<typeof demandDetail>;

/** A rate with its formula in words, as the project page shows its progress. */
export const rate = z.object({
  num: z.number(),
  den: z.number(),
  /** Percent with one decimal, null when the denominator is 0. */
  percent: z.number().nullable(),
  formula: z.string(),
});
export type Rate = z.infer<typeof rate>;

export const demandRates = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  asOf: z.string(),
  accepted: z.number(),
  done: z.number(),
  closed: z.number(),
  visited: z.number(),
  overdue: z.number(),
  solve: rate,
  onTime: rate,
  satisfaction: rate,
  redo: rate,
  wishClaim: rate,
  wishFulfil: rate,
  partyClaim: rate,
  /** Party members with no claim this year (the first 100 in the people list's order; how many: in partyClaim). */
  partyZero: z.array(z.string()),
});
export type DemandRates = z.infer<typeof demandRates>;
export const ratesRequest = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: isoDate.optional(),
});

/** 138****1234; a landline keeps its area code and last two digits. */
export function maskPhone(p: string): string {
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length > 4) return `${p.slice(0, Math.max(0, p.length - 6))}****${p.slice(-2)}`;
  return p ? '****' : '';
}

/** 张*, 欧阳** — the surname and a star for each other character. */
export function maskName(n: string): string {
  const name = n.trim();
  if (!name) return '';
  const chars = [...name];
  const double = /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|轩辕|令狐|钟离)/.test(name);
  const keep = double && chars.length > 2 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}
