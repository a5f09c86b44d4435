/** Handler maps of the project library (merged into electron/core/handlers.ts). */
import type { HandlerMap } from '../../handlerTypes';
import { addAttachment, attachmentPath, removeAttachment } from './attachments';
import { applyImport, headersOf, openImport, previewImport } from './excel/importer';
import { ledgerWorkbook } from './excel/ledger';
import { getVillage } from '../village/village';
import {
  addFollowUp,
  addMilestone,
  removeFollowUp,
  removeMilestone,
  tickMilestone,
  updateMilestone,
} from './milestones';
import { getProjectDetail } from './detail';
import { createProject, listProjects, removeProject, updateProject } from './projects';

export const projectHandlers: HandlerMap<'projects'> = {
  'projects.list': (req, { ctx }) => listProjects(ctx, req),
  'projects.get': (req, { ctx, core }) => getProjectDetail(ctx, req.id, core.attachmentsDir()),
  'projects.create': (req, { ctx }) => createProject(ctx, req),
  'projects.update': (req, { ctx }) => updateProject(ctx, req),
  'projects.remove': (req, { ctx }) => removeProject(ctx, req.id),
  'projects.exportLedger': async (req, { ctx }) => {
    const list = await listProjects(ctx, req);
    const village = await getVillage(ctx);
    const title = `${village?.name ?? ''}${req.year ?? ''}${req.year ? '年' : ''}“我为群众办实事”项目台账`;
    const data = await ledgerWorkbook(list, title);
    return { fileName: `${title}.xlsx`, dataBase64: data.toString('base64'), count: list.length };
  },
};

export const milestoneHandlers: HandlerMap<'milestones'> = {
  'milestones.add': (req, { ctx }) => addMilestone(ctx, req),
  'milestones.update': (req, { ctx }) => updateMilestone(ctx, req),
  'milestones.tick': (req, { ctx }) => tickMilestone(ctx, req.id, req.done),
  'milestones.remove': (req, { ctx }) => removeMilestone(ctx, req.id),
};

export const followUpHandlers: HandlerMap<'followUps'> = {
  'followUps.add': (req, { ctx }) => addFollowUp(ctx, req),
  'followUps.remove': (req, { ctx }) => removeFollowUp(ctx, req.id),
};

export const importHandlers: HandlerMap<'import'> = {
  'import.open': (req) => openImport(req.fileName, req.dataBase64),
  'import.headers': async (req) => headersOf(req),
  'import.preview': async (req, { ctx }) => previewImport(ctx, req),
  // A backup first: an import is undone by restoring it.
  'import.apply': (req, { ctx, core }) =>
    applyImport(ctx, req, async () => (await core.backupNow('before-import')).file),
};

export const attachmentHandlers: HandlerMap<'attachments'> = {
  'attachments.add': (req, { ctx, core }) => addAttachment(ctx, core.attachmentsDir(), req),
  'attachments.open': async (req, { ctx, core }) => {
    const path = await attachmentPath(ctx, core.attachmentsDir(), req.id);
    return { opened: await core.openFile(path), path };
  },
  'attachments.remove': (req, { ctx }) => removeAttachment(ctx, req.id),
};
