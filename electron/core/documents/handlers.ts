/** Handler map of documents (纪要, 周报); merged into electron/core/handlers.ts. */
import type { HandlerMap } from '../handlerTypes';
import { minutesDocx, minutesFileName } from './minutesDocx';
import { minutesModel } from './minutesModel';
import { actionLedger } from './actionLedger';
import { weeklyDocx, weeklyFileName, weeklyXlsx } from './weeklyFiles';
import { weeklyModel } from './weeklyModel';

export const documentHandlers: HandlerMap<'documents'> = {
  'documents.minutes': (req, { ctx }) => minutesModel(ctx, req.meetingId),
  'documents.minutesDocx': async (req, { ctx }) => {
    const m = await minutesModel(ctx, req.meetingId);
    return { fileName: minutesFileName(m), dataBase64: (await minutesDocx(m)).toString('base64') };
  },
  'documents.weekly': (req, { ctx }) => weeklyModel(ctx, req.week),
  'documents.weeklyFile': async (req, { ctx }) => {
    const m = await weeklyModel(ctx, req.week);
    const data = req.format === 'docx' ? await weeklyDocx(m) : await weeklyXlsx(m);
    return { fileName: weeklyFileName(m, req.format), dataBase64: data.toString('base64') };
  },
  'documents.actionLedger': async (req, { ctx }) => {
    const r = await actionLedger(ctx, req.openOnly);
    return { fileName: r.fileName, dataBase64: r.data.toString('base64') };
  },
  'documents.printToPdf': async (req, { core }) => ({
    fileName: req.fileName,
    dataBase64: (await core.printToPdf()).toString('base64'),
  }),
};
