/** Documents (纪要, 周报, 台账): the models both the .docx writer and the print view render. */
import { z } from 'zod';
import { cnDate } from './cn';
import { id } from './domain';

export const minutesModel = z.object({
  meetingId: z.string(),
  village: z.string(),
  /** 王庄村联席会议纪要 */
  title: z.string(),
  /** 第12次 · 2026年11月24日 */
  subtitle: z.string(),
  /** Set when the minutes were changed after 签发: 本纪要于…修改. */
  amendedNote: z.string().nullable(),
  finalised: z.boolean(),
  /** 校验码 of the last 签发 seal (3F2A-9C01-77BE), so a paper copy can be checked against the record. */
  checkCode: z.string().nullable(),
  time: z.string(),
  place: z.string(),
  chair: z.string(),
  recorder: z.string(),
  items: z.array(
    z.object({
      title: z.string(),
      type: z.string(),
      presenter: z.string().nullable(),
      notes: z.string(),
      decision: z.string(),
      /** The item's actions, numbered （1）（2）… within it; owner and due only where known. */
      actions: z.array(z.object({ text: z.string(), owner: z.string().nullable(), due: z.string().nullable() })),
      /** Under 上周事项跟进: earlier meetings' actions open when this one began, and whether they are done. */
      carried: z.array(
        z.object({
          text: z.string(),
          owner: z.string().nullable(),
          /** 11月17日第3次会议 */
          from: z.string(),
          done: z.boolean(),
          weeksOpen: z.number(),
        }),
      ),
    }),
  ),
  present: z.array(z.string()),
  excused: z.array(z.string()),
  absent: z.array(z.string()),
  guests: z.array(z.string()),
});
export type MinutesModel = z.infer<typeof minutesModel>;

/** 2026-W48: an ISO week, as the township's 周调度 counts them. */
export const isoWeekText = z
  .string({ error: '请选择周次' })
  .regex(/^\d{4}-W\d{2}$/, { error: '周次格式应为 2026-W48' });

const tally = z.object({ created: z.number(), done: z.number(), open: z.number(), overdue: z.number() });
export const weeklyModel = z.object({
  village: z.string(),
  week: z.string(),
  title: z.string(),
  /** 2026年第48周（11月23日—11月29日） */
  subtitle: z.string(),
  from: z.string(),
  to: z.string(),
  meetings: z.array(
    z.object({ id: z.string(), title: z.string(), date: z.string(), items: z.number(), actions: z.number() }),
  ),
  totals: z.object({
    meetings: z.number(),
    created: z.number(),
    done: z.number(),
    overdue: z.number(),
    carried: z.number(),
  }),
  byOwner: z.array(tally.extend({ owner: z.string() })),
  byLane: z.array(tally.extend({ lane: z.string() })),
  /** Open at the week's end, decided before it: what the next meeting carries over. */
  carried: z.array(
    z.object({
      text: z.string(),
      owner: z.string(),
      lane: z.string(),
      meetingDate: z.string(),
      due: z.string().nullable(),
      weeksOpen: z.number(),
    }),
  ),
  projects: z.array(
    z.object({
      title: z.string(),
      category: z.string(),
      ticked: z.array(z.string()),
      before: z.number(),
      after: z.number(),
    }),
  ),
  byCategory: z.array(
    z.object({
      category: z.string(),
      projects: z.number(),
      advanced: z.number(),
      done: z.number(),
      percent: z.number(),
    }),
  ),
  /** 群众诉求 and 微心愿 of the week (rates over what happened in it), overdue at its end; total: ever registered. */
  demands: z.object({
    total: z.number(),
    registered: z.number(),
    accepted: z.number(),
    done: z.number(),
    closed: z.number(),
    visited: z.number(),
    overdue: z.number(),
    solve: z.number().nullable(),
    satisfaction: z.number().nullable(),
  }),
  /**
   * County or township: the villages imported here, the same week, ranked by done rate (then fewest overdue). Empty
   * in a village.
   */
  ranking: z.array(
    z.object({
      rank: z.number(),
      code: z.string(),
      name: z.string(),
      township: z.string(),
      meetings: z.number(),
      created: z.number(),
      done: z.number(),
      overdue: z.number(),
      carried: z.number(),
      doneRate: z.number(),
      /** 群众诉求 of the week: finished, overdue at its end, 解决率 (null without any accepted). */
      demandsDone: z.number(),
      demandsOverdue: z.number(),
      solveRate: z.number().nullable(),
    }),
  ),
});
export type WeeklyModel = z.infer<typeof weeklyModel>;

const file = z.object({ fileName: z.string(), dataBase64: z.string() });

export const documentChannels = {
  'documents.minutes': { request: z.strictObject({ meetingId: id }), response: minutesModel },
  'documents.minutesDocx': { request: z.strictObject({ meetingId: id }), response: file },
  'documents.weekly': { request: z.strictObject({ week: isoWeekText }), response: weeklyModel },
  'documents.weeklyFile': {
    request: z.strictObject({
      week: isoWeekText,
      format: z.enum(['docx', 'xlsx'], { error: '格式应为 docx 或 xlsx' }),
    }),
    response: file,
  },
  /** 任务台账: every action (or the open ones) as .xlsx. */
  'documents.actionLedger': { request: z.strictObject({ openOnly: z.boolean().default(false) }), response: file },
  /** What the print preview shows, as PDF (Electron only). */
  'documents.printToPdf': {
    request: z.strictObject({
      fileName: z
        .string()
        .min(1)
        .max(200)
        .regex(/\.pdf$/i, { error: '文件名应以 .pdf 结尾' }),
    }),
    response: file,
  },
} as const;

/** The report's opening paragraph (本周召开联席会议…), the same in the .docx and on screen. */
export function weeklySummary(m: WeeklyModel): string {
  const held = m.meetings.length
    ? `召开联席会议${m.meetings.length}次（${m.meetings.map((x) => cnDate(x.date).slice(5)).join('、')}）`
    : '未召开联席会议';
  const t = m.totals;
  return (
    `本周${held}，新议定任务${t.created}项，办结${t.done}项；` +
    `截至周末逾期未办结${t.overdue}项，结转下周${t.carried}项；${m.projects.length}个项目有新进展。` +
    (m.demands.total > 0
      ? `登记群众诉求和微心愿${m.demands.registered}件，办结${m.demands.done}件，销号${m.demands.closed}件；` +
        `截至周末超期${m.demands.overdue}件。`
      : '')
  );
}

/** One table of a document: its header, rows and relative column widths (for the .docx). */
export interface DocTable {
  head: string[];
  rows: (string | number)[][];
  widths: number[];
}
/** A numbered section: its tables that have rows, or `empty` said instead when none has. */
export interface DocSection {
  heading: string;
  tables: DocTable[];
  empty: string;
}

const TALLY_HEAD = ['本周新增', '本周办结', '未办结', '其中逾期'];
const tallyTable = (
  first: string,
  rows: { key: string; created: number; done: number; open: number; overdue: number }[],
) => ({
  head: [first, ...TALLY_HEAD],
  rows: rows.map((t) => [t.key, t.created, t.done, t.open, t.overdue]),
  widths: [3, 2, 2, 2, 2],
});

const percent = (p: number | null) => (p === null ? '—' : `${p}%`);
export const DEMAND_WEEK_HEAD = [
  '本周登记',
  '本周受理',
  '本周办结',
  '本周销号',
  '本周回访',
  '截至周末超期',
  '解决率',
  '满意率',
];
export const demandWeekRow = (d: WeeklyModel['demands']) => [
  d.registered,
  d.accepted,
  d.done,
  d.closed,
  d.visited,
  d.overdue,
  percent(d.solve),
  percent(d.satisfaction),
];
const demandSection = (d: WeeklyModel['demands']): DocSection => ({
  heading: '群众诉求办理情况',
  tables: [{ head: DEMAND_WEEK_HEAD, rows: [demandWeekRow(d)], widths: [2, 2, 2, 2, 2, 2.4, 2, 2] }],
  empty: '',
});

/** The 周报's sections, the same for the .docx and the print view. */
export function weeklySections(m: WeeklyModel): DocSection[] {
  const sections: DocSection[] = [
    {
      heading: '会议召开情况',
      tables: [
        {
          head: ['日期', '会议', '议题', '议定任务'],
          rows: m.meetings.map((x) => [cnDate(x.date), x.title, x.items, x.actions]),
          widths: [3, 6, 1.5, 2],
        },
      ],
      empty: '本周未召开联席会议。',
    },
    {
      heading: '任务办理情况（按责任人）',
      tables: [
        tallyTable(
          '责任人',
          m.byOwner.map((t) => ({ key: t.owner, ...t })),
        ),
      ],
      empty: '本周无任务。',
    },
    {
      heading: '任务办理情况（按办理方式）',
      tables: [
        tallyTable(
          '办理方式',
          m.byLane.map((t) => ({ key: t.lane, ...t })),
        ),
      ],
      empty: '本周无任务。',
    },
    {
      heading: '结转下周事项',
      tables: [
        {
          head: ['事项', '责任人', '办理方式', '议定日期', '已历时'],
          rows: m.carried.map((c) => [c.text, c.owner, c.lane, cnDate(c.meetingDate), `${c.weeksOpen}周`]),
          widths: [7, 2, 2.4, 3.4, 1.6],
        },
      ],
      empty: '无结转事项。',
    },
    {
      heading: '项目推进情况',
      tables: [
        {
          head: ['项目', '类别', '本周完成节点', '进度'],
          rows: m.projects.map((p) => [p.title, p.category, p.ticked.join('、'), `${p.before}%→${p.after}%`]),
          widths: [5, 2.5, 5, 2.5],
        },
        {
          head: ['项目类别', '项目数', '本周推进', '已完成', '平均进度'],
          rows: m.byCategory.map((c) => [c.category, c.projects, c.advanced, c.done, `${c.percent}%`]),
          widths: [4, 2, 2, 2, 2],
        },
      ],
      empty: '本周没有项目节点完成。',
    },
  ];
  if (m.demands.total > 0) sections.push(demandSection(m.demands));
  if (m.ranking.length > 0)
    sections.push({
      heading: '各村排名（按任务办结率）',
      tables: [
        {
          head: RANK_HEAD,
          rows: m.ranking.map(rankRow),
          widths: [1.2, 2.5, 2.5, 1.2, 1.2, 1.2, 1.2, 1.2, 1.8, 1.6, 1.6, 1.6],
        },
      ],
      empty: '',
    });
  return sections.map((s) => ({ ...s, tables: s.tables.filter((t) => t.rows.length > 0) }));
}

export const RANK_HEAD = [
  '名次',
  '村',
  '乡镇',
  '会议',
  '新增',
  '办结',
  '逾期',
  '结转',
  '办结率',
  '诉求办结',
  '超期诉求',
  '解决率',
];
export const rankRow = (r: WeeklyModel['ranking'][number]): (string | number)[] => [
  r.rank,
  r.name,
  r.township,
  r.meetings,
  r.created,
  r.done,
  r.overdue,
  r.carried,
  `${r.doneRate}%`,
  r.demandsDone,
  r.demandsOverdue,
  percent(r.solveRate),
];
