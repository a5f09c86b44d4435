/** 周报 as .docx (official layout, ruled tables) and as .xlsx (one sheet per table). */
import type { Paragraph, Table } from 'docx';
import { cnNumber } from '../../../shared/cn';
import {
  DEMAND_WEEK_HEAD,
  demandWeekRow,
  RANK_HEAD,
  rankRow,
  weeklySections,
  weeklySummary,
  type WeeklyModel,
} from '../../../shared/documents';
import { officialDocx, para, table } from './officialDocx';
import { sheet, workbook } from '../lib/xlsx';

export function weeklyDocx(m: WeeklyModel): Promise<Buffer> {
  const out: (Paragraph | Table)[] = [para.title(m.title), para.subtitle(m.subtitle), para.blank()];
  out.push(...para.body(weeklySummary(m)));
  weeklySections(m).forEach((s, i) => {
    out.push(para.heading1(`${cnNumber(i + 1)}、${s.heading}`));
    if (s.tables.length === 0) out.push(...para.body(s.empty));
    s.tables.forEach((t, k) => {
      if (k > 0) out.push(para.blank());
      out.push(table(t.head, t.rows, t.widths));
    });
  });
  return officialDocx({ title: `${m.title}（${m.subtitle}）`, creator: '联席通', children: out });
}

/** 概况: the week in numbers. */
const overviewSheet = (m: WeeklyModel) =>
  sheet({
    name: '概况',
    rows: [
      ['周次', m.subtitle],
      ['召开会议', m.totals.meetings],
      ['新议定任务', m.totals.created],
      ['本周办结', m.totals.done],
      ['逾期未办结', m.totals.overdue],
      ['结转下周', m.totals.carried],
      ['有进展的项目', m.projects.length],
    ] as [string, string | number][],
    columns: [
      { header: '项目', width: 16, value: (r) => r[0] },
      { header: '数值', width: 30, value: (r) => r[1] },
    ],
  });

/** 会议: the meetings held. */
const meetingsSheet = (m: WeeklyModel) =>
  sheet({
    name: '会议',
    rows: m.meetings,
    columns: [
      { header: '日期', width: 12, value: (r) => r.date },
      { header: '会议', width: 36, value: (r) => r.title },
      { header: '议题数', width: 8, value: (r) => r.items },
      { header: '议定任务数', width: 10, value: (r) => r.actions },
    ],
  });

/** 按责任人, 按办理方式. */
const tallySheets = (m: WeeklyModel) =>
  (['byOwner', 'byLane'] as const).map((k) =>
    sheet({
      name: k === 'byOwner' ? '按责任人' : '按办理方式',
      rows: m[k] as {
        created: number;
        done: number;
        open: number;
        overdue: number;
        owner?: string;
        lane?: string;
      }[],
      columns: [
        { header: k === 'byOwner' ? '责任人' : '办理方式', width: 14, value: (r) => r.owner ?? r.lane ?? '' },
        { header: '本周新增', width: 10, value: (r) => r.created },
        { header: '本周办结', width: 10, value: (r) => r.done },
        { header: '未办结', width: 10, value: (r) => r.open },
        { header: '其中逾期', width: 10, value: (r) => r.overdue },
      ],
    }),
  );

/** 结转事项: open at the week’s end. */
const carriedSheet = (m: WeeklyModel) =>
  sheet({
    name: '结转事项',
    rows: m.carried,
    columns: [
      { header: '事项', width: 40, value: (r) => r.text },
      { header: '责任人', width: 10, value: (r) => r.owner },
      { header: '办理方式', width: 12, value: (r) => r.lane },
      { header: '议定日期', width: 12, value: (r) => r.meetingDate },
      { header: '完成时限', width: 12, value: (r) => r.due },
      { header: '已历时（周）', width: 12, value: (r) => r.weeksOpen },
    ],
  });

/** 项目进展: projects that advanced. */
const projectsSheet = (m: WeeklyModel) =>
  sheet({
    name: '项目进展',
    rows: m.projects,
    columns: [
      { header: '项目', width: 30, value: (r) => r.title },
      { header: '类别', width: 14, value: (r) => r.category },
      { header: '本周完成节点', width: 36, value: (r) => r.ticked.join('、') },
      { header: '周初进度', width: 10, value: (r) => `${r.before}%` },
      { header: '周末进度', width: 10, value: (r) => `${r.after}%` },
    ],
  });

/** 群众诉求, when the village keeps its demands here. */
const demandSheets = (m: WeeklyModel) =>
  m.demands.total > 0
    ? [
        sheet({
          name: '群众诉求',
          rows: [m.demands],
          columns: DEMAND_WEEK_HEAD.map((header, i) => ({
            header,
            width: 12,
            value: (d: WeeklyModel['demands']) => demandWeekRow(d)[i]!,
          })),
        }),
      ]
    : [];

/** 各村排名, at a county or township installation. */
const rankingSheets = (m: WeeklyModel) =>
  m.ranking.length
    ? [
        sheet({
          name: '各村排名',
          rows: m.ranking,
          columns: RANK_HEAD.map((header, i) => ({
            header,
            width: i === 1 || i === 2 ? 12 : 8,
            value: (r: WeeklyModel['ranking'][number]) => rankRow(r)[i]!,
          })),
        }),
      ]
    : [];

export function weeklyXlsx(m: WeeklyModel): Promise<Buffer> {
  return workbook(
    [
      overviewSheet(m),
      meetingsSheet(m),
      ...tallySheets(m),
      carriedSheet(m),
      projectsSheet(m),
      ...demandSheets(m),
      ...rankingSheets(m),
    ],
    `${m.title}（${m.subtitle}）`,
  );
}

/** 王庄村联席会议工作周报（2026年第48周）.docx */
export const weeklyFileName = (m: WeeklyModel, ext: 'docx' | 'xlsx') =>
  `${m.title}（${m.subtitle.replace(/（.*）/, '')}）.${ext}`;
