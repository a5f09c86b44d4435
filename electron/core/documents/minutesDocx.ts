/**
 * 会议纪要 as .docx: title, 时间/地点/主持人/记录人 (those known), each agenda
 * item 一、二、… with its 讨论情况, 会议议定 and its 落实事项 numbered （1）（2）…
 * (the 上周事项跟进 item lists what earlier meetings decided and its state),
 * then 出席：/请假：/列席： as GB/T 9704 places them after the body.
 */
import type { Paragraph } from 'docx';
import { cnNumber } from '../../../shared/cn';
import type { MinutesModel } from '../../../shared/documents';
import { actionSentence, carriedSentence, headerFacts } from '../../../shared/minutesText';
import { officialDocx, para } from './officialDocx';

export function minutesParagraphs(m: MinutesModel): Paragraph[] {
  const out: Paragraph[] = [para.title(m.title), para.subtitle(m.subtitle)];
  if (m.amendedNote) out.push(para.subtitle(m.amendedNote));
  out.push(para.blank());
  for (const [label, value] of headerFacts(m)) out.push(...para.body(value, { text: `${label}：`, font: 'heading1' }));

  if (m.items.length === 0) out.push(...para.body('本次会议未列议题。'));
  m.items.forEach((item, i) => {
    out.push(para.heading1(`${cnNumber(i + 1)}、${item.title}`));
    if (item.presenter) out.push(...para.body(`${item.presenter}汇报。`));
    // An empty field is left out, never printed as a placeholder.
    if (item.notes.trim()) out.push(...para.body(item.notes));
    if (item.carried.length) {
      out.push(...para.body('', { text: '以前会议议定事项落实情况：', font: 'heading2' }));
      item.carried.forEach((c, k) => out.push(...para.body(carriedSentence(c, k))));
    }
    if (item.decision.trim()) out.push(...para.body(item.decision, { text: '会议议定：', font: 'heading2' }));
    if (item.actions.length) {
      out.push(...para.body('', { text: '落实事项：', font: 'heading2' }));
      item.actions.forEach((a, k) => out.push(...para.body(actionSentence(a, k))));
    }
  });

  out.push(para.blank());
  out.push(para.nameList('出席', m.present.length ? m.present : ['无']));
  if (m.excused.length) out.push(para.nameList('请假', m.excused));
  if (m.absent.length) out.push(para.nameList('缺席', m.absent));
  if (m.guests.length) out.push(para.nameList('列席', m.guests));
  if (m.checkCode)
    out.push(
      para.blank(),
      ...para.body(`${m.checkCode}（可在联席通中核对签发记录）`, { text: '校验码：', font: 'heading1' }),
    );
  return out;
}

export function minutesDocx(m: MinutesModel): Promise<Buffer> {
  return officialDocx({ title: m.title, creator: '联席通', children: minutesParagraphs(m) });
}

/** 王庄村联席会议纪要（第12次，2026年11月24日）.docx */
export const minutesFileName = (m: MinutesModel) => `${m.title}（${m.subtitle}，${m.time.split(' ')[0]}）.docx`;
