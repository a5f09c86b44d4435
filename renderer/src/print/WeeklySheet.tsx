import { cnNumber } from '../../../shared/cn';
import { weeklySections, type WeeklyModel } from '../../../shared/documents';

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

/** The 周报 on paper: the same sections and tables as the .docx (weeklySections). */
export function WeeklySheet({ m, summary }: { m: WeeklyModel; summary: string }) {
  return (
    <article className="official-doc" aria-label={m.title}>
      <h1 className="doc-title">{m.title}</h1>
      <p className="doc-subtitle">{m.subtitle}</p>
      <p className="doc-blank" />
      <p className="doc-body">{summary}</p>
      {weeklySections(m).map((s, i) => (
        <section key={s.heading}>
          <h2 className="doc-h1">{`${cnNumber(i + 1)}、${s.heading}`}</h2>
          {s.tables.length === 0 && <p className="doc-body">{s.empty}</p>}
          {s.tables.map((t) => (
            <Table key={t.head.join()} head={t.head} rows={t.rows} />
          ))}
        </section>
      ))}
    </article>
  );
}
