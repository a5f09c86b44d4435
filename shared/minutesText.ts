/**
 * The sentences of a 纪要 that are built from data, shared by the .docx writer
 * and the print view so both read the same: an item's actions numbered
 * （1）（2）… with 责任人 and 完成时限 only where known, and the follow-up of
 * earlier meetings' actions with their state.
 */
import type { MinutesModel } from './documents';

type Item = MinutesModel['items'][number];

const sentence = (text: string) => text.replace(/[。；;，,\s]+$/u, '');

/** （1）联系电工检修村东路灯。责任人：赵德胜；完成时限：2026年12月5日前。 */
export function actionSentence(a: Item['actions'][number], i: number): string {
  const facts = [a.owner && `责任人：${a.owner}`, a.due && `完成时限：${a.due}`].filter(Boolean).join('；');
  return `（${i + 1}）${sentence(a.text)}。${facts ? `${facts}。` : ''}`;
}

/** （1）联系电工检修村东路灯（12月1日第1次会议议定，责任人：赵德胜）：已完成。 */
export function carriedSentence(c: Item['carried'][number], i: number): string {
  const whence = [`${c.from}议定`, c.owner && `责任人：${c.owner}`].filter(Boolean).join('，');
  const state = c.done ? '已完成' : `未完成，已 ${c.weeksOpen} 周`;
  return `（${i + 1}）${sentence(c.text)}（${whence}）：${state}。`;
}

/** The header facts worth printing: a line left out when unknown. */
export function headerFacts(m: MinutesModel): [string, string][] {
  const facts: [string, string][] = [
    ['时间', m.time],
    ['地点', m.place],
    ['主持人', m.chair],
    ['记录人', m.recorder],
  ];
  return facts.filter(([, v]) => v.trim() !== '');
}
