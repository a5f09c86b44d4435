/**
 * One typed handler per channel of the contract, grouped by domain and merged
 * into one `Handlers` map; TypeScript refuses a channel without a handler.
 * Handlers receive requests already validated by the channel's schema.
 */
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import { APP_VERSION } from '../../shared/version';
import type { Ctx } from './context';
import type { CoreOps } from './index';
import { listAudit } from './domain/audit';
import { createPerson, listPeople, removePerson, restorePerson, updatePerson } from './domain/people';
import { readSettings, updateSettings } from './domain/settings';
import { getVillage, setupVillage, updateVillage } from './domain/village';
import { documentHandlers } from './domain/documents/handlers';
import { countyHandlers, exchangeHandlers } from './exchange/handlers';
import {
  attachmentHandlers,
  followUpHandlers,
  importHandlers,
  milestoneHandlers,
  projectHandlers,
  searchHandlers,
} from './domain/projects/handlers';
import {
  actionHandlers,
  agendaHandlers,
  attendanceHandlers,
  meetingHandlers,
  seriesHandlers,
} from './domain/meetings/handlers';

export interface HandlerEnv {
  ctx: Ctx;
  schemaVersion: number;
  core: CoreOps;
}

/** Channels that work while the database cannot be opened (status, backups, restore). */
export const WITHOUT_DATABASE: ReadonlySet<Channel> = new Set<Channel>([
  'app.status',
  'backup.list',
  'backup.restore',
  'backup.openFolder',
]);

type Handler<K extends Channel> = (req: RequestOf<K>, env: HandlerEnv) => Promise<ResponseOf<K>>;
export type HandlerMap<D extends string> = { [K in Channel as K extends `${D}.${string}` ? K : never]: Handler<K> };
export type Handlers = { [K in Channel]: Handler<K> };

const backup: HandlerMap<'backup'> = {
  'backup.list': async (_req, { core }) => core.backups(),
  'backup.create': (_req, { core }) => core.backupNow('manual'),
  'backup.restore': (req, { core }) => core.restore(req.file),
  'backup.openFolder': (_req, { core }) => core.openFolder(),
};

const app: HandlerMap<'app'> = {
  'app.status': async (_req, { core }) => core.status(),
  'app.info': async (_req, { ctx, schemaVersion }) => ({
    appVersion: APP_VERSION,
    schemaVersion,
    operator: ctx.actor(),
  }),
};

const village: HandlerMap<'village'> = {
  'village.get': (_req, { ctx }) => getVillage(ctx),
  'village.setup': (req, { ctx }) => setupVillage(ctx, req),
  'village.update': (req, { ctx }) => updateVillage(ctx, req),
};

const people: HandlerMap<'people'> = {
  'people.list': (req, { ctx }) => listPeople(ctx, req.kind),
  'people.create': (req, { ctx }) => createPerson(ctx, req),
  'people.update': (req, { ctx }) => updatePerson(ctx, req),
  'people.remove': (req, { ctx }) => removePerson(ctx, req.id),
  'people.restore': (req, { ctx }) => restorePerson(ctx, req.id),
};

const audit: HandlerMap<'audit'> = {
  'audit.list': (req, { ctx }) => listAudit(ctx, req.entity, req.entityId),
};

const settings: HandlerMap<'settings'> = {
  'settings.get': (_req, { ctx }) => readSettings(ctx),
  'settings.update': (req, { ctx }) => updateSettings(ctx, req),
};

export const handlers: Handlers = {
  ...app,
  ...village,
  ...people,
  ...audit,
  ...settings,
  ...seriesHandlers,
  ...meetingHandlers,
  ...attendanceHandlers,
  ...agendaHandlers,
  ...actionHandlers,
  ...backup,
  ...projectHandlers,
  ...milestoneHandlers,
  ...followUpHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...attachmentHandlers,
  ...documentHandlers,
  ...exchangeHandlers,
  ...countyHandlers,
};
