/**
 * One typed handler per channel of the contract: each domain's map, merged
 * into one `Handlers` map; TypeScript refuses a channel without a handler.
 * Handlers receive requests already validated by the channel's schema. The
 * app's own channels (status, backups) live here: they need only CoreOps.
 */
import type { Channel } from '../../shared/contract';
import { APP_VERSION } from '../../shared/version';
import { documentHandlers } from './documents/handlers';
import { auditHandlers } from './domain/audit/handlers';
import { demandHandlers } from './domain/demands/handlers';
import {
  actionHandlers,
  agendaHandlers,
  attendanceHandlers,
  meetingHandlers,
  seriesHandlers,
} from './domain/meetings/handlers';
import { peopleHandlers } from './domain/people/handlers';
import {
  attachmentHandlers,
  followUpHandlers,
  importHandlers,
  milestoneHandlers,
  projectHandlers,
} from './domain/projects/handlers';
import { searchHandlers } from './domain/search/handlers';
import { settingsHandlers } from './domain/settings/handlers';
import { villageHandlers } from './domain/village/handlers';
import { countyHandlers, exchangeHandlers } from './exchange/handlers';
import type { HandlerMap, Handlers } from './handlerTypes';

/** Channels that work while the database cannot be opened (status, backups, restore). */
export const WITHOUT_DATABASE: ReadonlySet<Channel> = new Set<Channel>([
  'app.status',
  'backup.list',
  'backup.restore',
  'backup.openFolder',
]);

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

export const handlers: Handlers = {
  ...app,
  ...villageHandlers,
  ...peopleHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...seriesHandlers,
  ...meetingHandlers,
  ...attendanceHandlers,
  ...agendaHandlers,
  ...actionHandlers,
  ...backup,
  ...projectHandlers,
  ...demandHandlers,
  ...milestoneHandlers,
  ...followUpHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...attachmentHandlers,
  ...documentHandlers,
  ...exchangeHandlers,
  ...countyHandlers,
};
