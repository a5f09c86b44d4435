import { cnNumber } from '../../../shared/cn';
import type { MinutesModel } from '../../../shared/documents';

/** Text with line breaks as paragraphs (never HTML). */
function Paras({ text, lead, leadClass }: { text: string; lead?: string; leadClass?: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <>
      {lines.map((l, i) => (
        <p key={i} className="doc-body">
          {i === 0 && lead && <span className={leadClass}>{lead}</span>}
          {l}
        </p>
      ))}
    </>
  );
}

/** The 纪要 as the printed page shows it: the same model and order as the .docx. */
export function MinutesSheet({ m }: { m: MinutesModel }) {
  return (
    <article className="official-doc" aria-label={m.title}>
      <h1 className="doc-title">{m.title}</h1>
      <p className="doc-subtitle">{m.subtitle}</p>
      {m.amendedNote && <p className="doc-subtitle">{m.amendedNote}</p>}
      <p className="doc-blank" />
      {(
        [
          ['时间', m.time],
          ['地点', m.place],
          ['主持人', m.chair || '—'],
          ['记录人', m.recorder || '—'],
        ] as const
      ).map(([k, v]) => (
        <p key={k} className="doc-body">
          <span className="doc-h1-font">{k}：</span>
          {v}
        </p>
      ))}
      <h2 className="doc-h1">一、会议议题及讨论情况</h2>
      {m.items.length === 0 && <p className="doc-body">本次会议未列议题。</p>}
      {m.items.map((item, i) => (
        <section key={i}>
          <h3 className="doc-h2">
            （{cnNumber(i + 1)}）{item.title}
          </h3>
          {item.presenter && <p className="doc-body">{item.presenter}汇报。</p>}
          {item.notes.trim() ? <Paras text={item.notes} /> : <p className="doc-body">（未记录讨论情况）</p>}
          {item.decision.trim() && <Paras text={item.decision} lead="会议议定：" leadClass="doc-h2-font" />}
        </section>
      ))}
      <h2 className="doc-h1">二、议定事项</h2>
      {m.decisions.length === 0 && <p className="doc-body">本次会议无新增议定事项。</p>}
      {m.decisions.map((d, i) => (
        <p key={i} className="doc-body">
          {cnNumber(i + 1)}、{d.text.replace(/[。；;，,\s]+$/u, '')}。责任人：{d.owner || '未指定'}；完成时限：{d.due}。
        </p>
      ))}
      <p className="doc-blank" />
      {(
        [
          ['出席', m.present.length ? m.present : ['无']],
          ['请假', m.excused],
          ['缺席', m.absent],
          ['列席', m.guests],
        ] as const
      )
        .filter(([, names]) => names.length > 0)
        .map(([label, names]) => (
          <p key={label} className="doc-names">
            <span className="doc-h1-font">{label}：</span>
            {names.join('、')}
          </p>
        ))}
    </article>
  );
}
