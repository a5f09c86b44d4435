import { cnNumber } from '../../../shared/cn';
import type { MinutesModel } from '../../../shared/documents';
import { actionSentence, carriedSentence, headerFacts } from '../../../shared/minutesText';

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
      {headerFacts(m).map(([k, v]) => (
        <p key={k} className="doc-body">
          <span className="doc-h1-font">{k}：</span>
          {v}
        </p>
      ))}
      {m.items.length === 0 && <p className="doc-body">本次会议未列议题。</p>}
      {m.items.map((item, i) => (
        <section key={i}>
          <h2 className="doc-h1">
            {cnNumber(i + 1)}、{item.title}
          </h2>
          {item.presenter && <p className="doc-body">{item.presenter}汇报。</p>}
          {item.notes.trim() && <Paras text={item.notes} />}
          {item.carried.length > 0 && (
            <>
              <p className="doc-body">
                <span className="doc-h2-font">以前会议议定事项落实情况：</span>
              </p>
              {item.carried.map((c, k) => (
                <p key={k} className="doc-body">
                  {carriedSentence(c, k)}
                </p>
              ))}
            </>
          )}
          {item.decision.trim() && <Paras text={item.decision} lead="会议议定：" leadClass="doc-h2-font" />}
          {item.actions.length > 0 && (
            <>
              <p className="doc-body">
                <span className="doc-h2-font">落实事项：</span>
              </p>
              {item.actions.map((a, k) => (
                <p key={k} className="doc-body">
                  {actionSentence(a, k)}
                </p>
              ))}
            </>
          )}
        </section>
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
      {m.checkCode && (
        <p className="doc-body" style={{ marginTop: '1em' }}>
          <span className="doc-h1-font">校验码：</span>
          {m.checkCode}（可在联席通中核对签发记录）
        </p>
      )}
    </article>
  );
}
