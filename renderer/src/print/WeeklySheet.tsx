import { cnNumber } from '../../../shared/cn';
import type { WeeklyModel } from '../../../shared/documents';

function Table({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="doc-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, k) => (
              <td key={k} className={typeof c === 'number' ? 'num' : undefined}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The 周报 on paper: the same sections and tables as the .docx. */
export function WeeklySheet({ m, summary }: { m: WeeklyModel; summary: string }) {
  let n = 0;
  const h = (t: string) => <h2 className="doc-h1">{`${cnNumber(++n)}、${t}`}</h2>;
  return (
    <article className="official-doc" aria-label={m.title}>
      <h1 className="doc-title">{m.title}</h1>
      <p className="doc-subtitle">{m.subtitle}</p>
      <p className="doc-blank" />
      <p className="doc-body">{summary}</p>
      {h('会议召开情况')}
      {m.meetings.length ? (
        <Table
          head={['日期', '会议', '议题', '议定任务']}
          rows={m.meetings.map((x) => [x.date, x.title, x.items, x.actions])}
        />
      ) : (
        <p className="doc-body">本周未召开联席会议。</p>
      )}
      {h('任务办理情况（按责任人）')}
      {m.byOwner.length ? (
        <Table
          head={['责任人', '本周新增', '本周办结', '未办结', '其中逾期']}
          rows={m.byOwner.map((t) => [t.owner, t.created, t.done, t.open, t.overdue])}
        />
      ) : (
        <p className="doc-body">本周无任务。</p>
      )}
      {h('任务办理情况（按办理方式）')}
      {m.byLane.length ? (
        <Table
          head={['办理方式', '本周新增', '本周办结', '未办结', '其中逾期']}
          rows={m.byLane.map((t) => [t.lane, t.created, t.done, t.open, t.overdue])}
        />
      ) : (
        <p className="doc-body">本周无任务。</p>
      )}
      {h('结转下周事项')}
      {m.carried.length ? (
        <Table
          head={['事项', '责任人', '办理方式', '议定日期', '已历时']}
          rows={m.carried.map((c) => [c.text, c.owner, c.lane, c.meetingDate, `${c.weeksOpen}周`])}
        />
      ) : (
        <p className="doc-body">无结转事项。</p>
      )}
      {h('项目推进情况')}
      {m.projects.length ? (
        <Table
          head={['项目', '类别', '本周完成节点', '进度']}
          rows={m.projects.map((p) => [p.title, p.category, p.ticked.join('、'), `${p.before}%→${p.after}%`])}
        />
      ) : (
        <p className="doc-body">本周没有项目节点完成。</p>
      )}
      {m.ranking.length > 0 && (
        <>
          {h('各村排名（按任务办结率）')}
          <Table
            head={['名次', '村', '乡镇', '会议', '新增', '办结', '逾期', '结转', '办结率']}
            rows={m.ranking.map((r) => [
              r.rank,
              r.name,
              r.township,
              r.meetings,
              r.created,
              r.done,
              r.overdue,
              r.carried,
              `${r.doneRate}%`,
            ])}
          />
        </>
      )}
    </article>
  );
}
