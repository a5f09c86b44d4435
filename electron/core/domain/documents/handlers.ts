/** Handler map of documents (纪要, 周报); merged into electron/core/handlers.ts. */
import type { HandlerMap } from '../../handlers';
import { minutesDocx, minutesFileName } from './minutesDocx';
import { minutesModel } from './minutesModel';

export const documentHandlers: HandlerMap<'documents'> = {
  'documents.minutes': (req, { ctx }) => minutesModel(ctx, req.meetingId),
  'documents.minutesDocx': async (req, { ctx }) => {
    const m = await minutesModel(ctx, req.meetingId);
    return { fileName: minutesFileName(m), dataBase64: (await minutesDocx(m)).toString('base64') };
  },
  'documents.printToPdf': async (req, { core }) => ({ fileName: req.fileName, dataBase64: (await core.printToPdf()).toString('base64') }),
};
