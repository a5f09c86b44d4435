/**
 * 会议纪要 as .docx: title, 时间/地点/主持人/记录人, each agenda item with its
 * 讨论情况 and 议定, the 议定事项 numbered 一、二、三… with 责任人 and 完成时限,
 * then 出席：/请假：/列席： as GB/T 9704 places them after the body.
 */
import type { Paragraph } from 'docx';
import { cnNumber } from '../../../shared/cn';
import type { MinutesModel } from '../../../shared/documents';
import { officialDocx, para } from './officialDocx';

export function minutesParagraphs(m: MinutesModel): Paragraph[] {
  const out: Paragraph[] = [para.title(m.title), para.subtitle(m.subtitle)];
  if (m.amendedNote) out.push(para.subtitle(m.amendedNote));
  out.push(para.blank());
  for (const [label, value] of [
    ['时间', m.time],
    ['地点', m.place],
    ['主持人', m.chair || '—'],
    ['记录人', m.recorder || '—'],
  ] as const)
    out.push(...para.body(value, { text: `${label}：`, font: 'heading1' }));

  out.push(para.heading1('一、会议议题及讨论情况'));
  if (m.items.length === 0) out.push(...para.body('本次会议未列议题。'));
  m.items.forEach((item, i) => {
    out.push(para.heading2(`（${cnNumber(i + 1)}）${item.title}`));
    if (item.presenter) out.push(...para.body(`${item.presenter}汇报。`));
    out.push(...(item.notes.trim() ? para.body(item.notes) : para.body('（未记录讨论情况）')));
    if (item.decision.trim()) out.push(...para.body(item.decision, { text: '会议议定：', font: 'heading2' }));
  });

  out.push(para.heading1('二、议定事项'));
  if (m.decisions.length === 0) out.push(...para.body('本次会议无新增议定事项。'));
  m.decisions.forEach((d, i) => {
    const text = d.text.replace(/[。；;，,\s]+$/u, '');
    out.push(
      ...para.body(`${text}。责任人：${d.owner || '未指定'}；完成时限：${d.due}。`, {
        text: `${cnNumber(i + 1)}、`,
        font: 'body',
      }),
    );
  });

  out.push(para.blank());
  out.push(para.nameList('出席', m.present.length ? m.present : ['无']));
  if (m.excused.length) out.push(para.nameList('请假', m.excused));
  if (m.absent.length) out.push(para.nameList('缺席', m.absent));
  if (m.guests.length) out.push(para.nameList('列席', m.guests));
  return out;
}

export function minutesDocx(m: MinutesModel): Promise<Buffer> {
  return officialDocx({ title: m.title, creator: '联席通', children: minutesParagraphs(m) });
}

/** 王庄村联席会议纪要（第12次，2026年11月24日）.docx */
export const minutesFileName = (m: MinutesModel) => `${m.title}（${m.subtitle}，${m.time.split(' ')[0]}）.docx`;
