/** Channels of the project library and search; merged into the contract. */
import { z } from 'zod';
import { id } from './domain';
import {
  attachment,
  attachmentInput,
  followUp,
  followUpInput,
  milestone,
  milestoneInput,
  milestonePatch,
  project,
  projectDetail,
  projectFilter,
  projectInput,
  projectPatch,
  projectSummary,
  searchHit,
} from './projects';

const removed = z.object({ removed: z.boolean() });

export const projectChannels = {
  'projects.list': { request: projectFilter, response: z.array(projectSummary) },
  'projects.get': { request: z.strictObject({ id }), response: projectDetail },
  'projects.create': { request: projectInput, response: project },
  'projects.update': { request: projectPatch, response: project },
  'projects.remove': { request: z.strictObject({ id }), response: removed },

  'milestones.add': { request: milestoneInput, response: milestone },
  'milestones.update': { request: milestonePatch, response: milestone },
  'milestones.tick': {
    request: z.strictObject({ id, done: z.boolean({ error: '勾选状态应为是或否' }) }),
    response: milestone,
  },
  'milestones.remove': { request: z.strictObject({ id }), response: removed },

  'followUps.add': { request: followUpInput, response: followUp },
  'followUps.remove': { request: z.strictObject({ id }), response: removed },

  'attachments.add': { request: attachmentInput, response: attachment },
  /** Opens the stored file with the system's viewer (Electron); `opened` false where there is none. */
  'attachments.open': {
    request: z.strictObject({ id }),
    response: z.object({ opened: z.boolean(), path: z.string() }),
  },
  'attachments.remove': { request: z.strictObject({ id }), response: removed },

  /** The ledger as .xlsx, base64 (the UI saves it; the CLI writes it). */
  'projects.exportLedger': {
    request: projectFilter,
    response: z.object({ fileName: z.string(), dataBase64: z.string(), count: z.number() }),
  },

  'search.query': {
    request: z.strictObject({
      q: z.string({ error: '请输入要搜索的内容' }).max(100, { error: '搜索内容不能超过100个字' }),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    response: z.array(searchHit),
  },
} as const;
