/**
 * What the resident takes home: 回执 (number, 查询码, the demand in short, who
 * handles it and by when, the village's phone) and 进度单 (the timeline, like a
 * parcel's tracking). A5, in the official fonts of the print view.
 */
import { DEMAND_KIND_LABELS, DEMAND_MOVES, type DemandDetail } from '../../../shared/demands';
import { cnDate } from '../../../shared/cn';
import { todayInChina } from '../../../shared/dates';
import { today } from '../lib/format';

interface SlipProps {
  d: DemandDetail;
  village: string;
  phone: string;
}

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}……` : s);

function Head({ d, village, title }: { d: DemandDetail; village: string; title: string }) {
  return (
    <>
      <h1 className="doc-title">{`${village}${DEMAND_KIND_LABELS[d.demand.kind]}${title}`}</h1>
      <dl>
        <dt>编号</dt>
        <dd>{d.demand.number}</dd>
        <dt>查询码</dt>
        <dd>{d.demand.code}</dd>
        <dt>收到日期</dt>
        <dd>{cnDate(d.demand.receivedDate)}</dd>
        <dt>内容</dt>
        <dd>{short(d.demand.content)}</dd>
      </dl>
    </>
  );
}

export function ReceiptSlip({ d, village, phone }: SlipProps) {
  const x = d.demand;
  return (
    <article className="official-doc slip" aria-label="回执">
      <Head d={d} village={village} title="受理回执" />
      <dl>
        <dt>承办</dt>
        <dd>{x.owner || '村两委（待分流）'}</dd>
        <dt>办理时限</dt>
        <dd>{x.dueDate ? `${cnDate(x.dueDate)}前` : '受理后按“立刻办、限期办、分期分批办”确定'}</dd>
      </dl>
      <p className="slip-foot">
        凭编号和查询码可到村委会或电话查询办理进度
        {phone ? `，联系电话：${phone}` : ''}。本回执请妥善保管。
      </p>
      <p className="slip-foot">{`${village}（盖章）\u3000${cnDate(today())}`}</p>
    </article>
  );
}

export function ProgressSlip({ d, village, phone }: SlipProps) {
  return (
    <article className="official-doc slip" aria-label="进度单">
      <Head d={d} village={village} title="办理进度单" />
      <ol className="timeline">
        {d.steps.map((s) => (
          <li key={s.id}>
            {`${cnDate(todayInChina(new Date(s.at)))}\u3000${DEMAND_MOVES[s.move].label}`}
            {s.detail ? `：${s.detail}` : ''}
            {s.note ? `（${s.note}）` : ''}
          </li>
        ))}
      </ol>
      <p className="slip-foot">{phone ? `如有疑问请联系村委会：${phone}` : '如有疑问请到村委会咨询。'}</p>
    </article>
  );
}
