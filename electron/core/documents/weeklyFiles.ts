/** 周报 as .docx (official layout, ruled tables) and as .xlsx (one sheet per table). */
import type { Paragraph, Table } from 'docx';
import { cnDate, cnNumber } from '../../../shared/cn';
import { weeklySummary, type WeeklyModel } from '../../../shared/documents';
import { officialDocx, para, table } from './officialDocx';
import { sheet, workbook } from '../lib/xlsx';

const RANK_HEAD = ['名次', '村', '乡镇', '会议', '新增', '办结', '逾期', '结转', '办结率'];
const rankRow = (r: WeeklyModel['ranking'][number]) => [
  r.rank,
  r.name,
  r.township,
  r.meetings,
  r.created,
  r.done,
  r.overdue,
  r.carried,
  `${r.doneRate}%`,
];

export function weeklyDocx(m: WeeklyModel): Promise<Buffer> {
  const out: (Paragraph | Table)[] = [para.title(m.title), para.subtitle(m.subtitle), para.blank()];
  out.push(...para.body(weeklySummary(m)));
  let n = 0;
  const heading = (t: string) => out.push(para.heading1(`${cnNumber(++n)}、${t}`));

  heading('会议召开情况');
  if (m.meetings.length === 0) out.push(...para.body('本周未召开联席会议。'));
  else
    out.push(
      table(
        ['日期', '会议', '议题', '议定任务'],
        m.meetings.map((x) => [cnDate(x.date), x.title, x.items, x.actions]),
        [3, 6, 1.5, 2],
      ),
    );

  heading('任务办理情况（按责任人）');
  if (m.byOwner.length === 0) out.push(...para.body('本周无任务。'));
  else
    out.push(
      table(
        ['责任人', '本周新增', '本周办结', '未办结', '其中逾期'],
        m.byOwner.map((t) => [t.owner, t.created, t.done, t.open, t.overdue]),
        [3, 2, 2, 2, 2],
      ),
    );

  heading('任务办理情况（按办理方式）');
  if (m.byLane.length > 0)
    out.push(
      table(
        ['办理方式', '本周新增', '本周办结', '未办结', '其中逾期'],
        m.byLane.map((t) => [t.lane, t.created, t.done, t.open, t.overdue]),
        [3, 2, 2, 2, 2],
      ),
    );
  else out.push(...para.body('本周无任务。'));

  heading('结转下周事项');
  if (m.carried.length === 0) out.push(...para.body('无结转事项。'));
  else
    out.push(
      table(
        ['事项', '责任人', '办理方式', '议定日期', '已历时'],
        m.carried.map((c) => [c.text, c.owner, c.lane, cnDate(c.meetingDate), `${c.weeksOpen}周`]),
        [7, 2, 2.4, 3.4, 1.6],
      ),
    );

  heading('项目推进情况');
  if (m.projects.length === 0) out.push(...para.body('本周没有项目节点完成。'));
  else
    out.push(
      table(
        ['项目', '类别', '本周完成节点', '进度'],
        m.projects.map((p) => [p.title, p.category, p.ticked.join('、'), `${p.before}%→${p.after}%`]),
        [5, 2.5, 5, 2.5],
      ),
    );
  if (m.byCategory.length > 0) {
    out.push(para.blank());
    out.push(
      table(
        ['项目类别', '项目数', '本周推进', '已完成', '平均进度'],
        m.byCategory.map((c) => [c.category, c.projects, c.advanced, c.done, `${c.percent}%`]),
        [4, 2, 2, 2, 2],
      ),
    );
  }
  if (m.ranking.length > 0) {
    heading('各村排名（按任务办结率）');
    out.push(table(RANK_HEAD, m.ranking.map(rankRow), [1.2, 2.5, 2.5, 1.2, 1.2, 1.2, 1.2, 1.2, 1.8]));
  }
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
    [overviewSheet(m), meetingsSheet(m), ...tallySheets(m), carriedSheet(m), projectsSheet(m), ...rankingSheets(m)],
    `${m.title}（${m.subtitle}）`,
  );
}

/** 王庄村联席会议工作周报（2026年第48周）.docx */
export const weeklyFileName = (m: WeeklyModel, ext: 'docx' | 'xlsx') =>
  `${m.title}（${m.subtitle.replace(/（.*）/, '')}）.${ext}`;
