/** Documents (纪要, 周报, 台账): the models both the .docx writer and the print view render. */
import { z } from 'zod';
import { id } from './domain';

export const minutesModel = z.object({
  meetingId: z.string(),
  village: z.string(),
  /** 王庄村联席会议纪要 */
  title: z.string(),
  /** 第12次 · 2026年11月24日 */
  subtitle: z.string(),
  /** Set when the minutes were changed after 签发: 本纪要于…修改. */
  amendedNote: z.string().nullable(),
  finalised: z.boolean(),
  time: z.string(),
  place: z.string(),
  chair: z.string(),
  recorder: z.string(),
  items: z.array(z.object({ title: z.string(), type: z.string(), presenter: z.string().nullable(), notes: z.string(), decision: z.string() })),
  /** 议定事项, numbered 一、二、三… in order. */
  decisions: z.array(z.object({ text: z.string(), owner: z.string(), due: z.string(), item: z.string() })),
  present: z.array(z.string()),
  excused: z.array(z.string()),
  absent: z.array(z.string()),
  guests: z.array(z.string()),
});
export type MinutesModel = z.infer<typeof minutesModel>;

const file = z.object({ fileName: z.string(), dataBase64: z.string() });

export const documentChannels = {
  'documents.minutes': { request: z.strictObject({ meetingId: id }), response: minutesModel },
  'documents.minutesDocx': { request: z.strictObject({ meetingId: id }), response: file },
  /** What the print preview shows, as PDF (Electron only). */
  'documents.printToPdf': { request: z.strictObject({ fileName: z.string().min(1).max(200).regex(/\.pdf$/i, { error: '文件名应以 .pdf 结尾' }) }), response: file },
} as const;
