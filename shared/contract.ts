/**
 * The IPC contract: every channel the renderer may call, declared once with a
 * zod schema for its request and its response. Main registers a handler for
 * each, the preload builds the API object from the names, and the renderer's
 * client infers its types from here. Channel names are `domain.verb`.
 */
import { z } from 'zod';
import { AUDIT_ENTITIES } from './audit';
import {
  auditEntry,
  id,
  person,
  personInput,
  personPatch,
  PERSON_KINDS,
  phone,
  requiredText,
  village,
  villageInput,
} from './domain';
import { backupChannels } from './backupChannels';
import { documentChannels } from './documents';
import { exchangeChannels } from './exchangeChannels';
import { importChannels } from './importChannels';
import { meetingChannels } from './meetingChannels';
import { projectChannels } from './projectChannels';
import { demandChannels } from './demandChannels';
import { agendaTemplate } from './meetings';
import { demandCategories, demandDueDays } from './demands';

const empty = z.strictObject({});

export const appInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  operator: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

/** contactPhone: the village office's phone, printed on 回执 and posters. */
export const settingsShape = z.object({
  operator: z.string(),
  agendaTemplate,
  demandDueDays,
  contactPhone: z.string(),
  demandCategories: z.array(z.string()),
});

export const contract = {
  'app.info': { request: empty, response: appInfo },

  'village.get': { request: empty, response: village.nullable() },
  'village.setup': {
    request: villageInput.extend({ operator: requiredText('使用人姓名', 20).optional() }),
    response: village,
  },
  'village.update': { request: villageInput.omit({ code: true }), response: village },

  'people.list': {
    request: z.strictObject({ kind: z.enum([...PERSON_KINDS, 'all']).default('all') }),
    response: z.array(person),
  },
  'people.create': { request: personInput, response: person },
  'people.update': {
    request: personPatch.extend({ id }),
    response: person,
  },
  'people.remove': { request: z.strictObject({ id }), response: person },
  'people.restore': { request: z.strictObject({ id }), response: person },

  'audit.list': {
    request: z.strictObject({
      entity: z.enum(AUDIT_ENTITIES, { error: '未知的记录类型' }),
      entityId: z.string().max(64),
    }),
    response: z.array(auditEntry),
  },

  'settings.get': { request: empty, response: settingsShape },
  'settings.update': {
    request: z
      .strictObject({
        operator: requiredText('使用人姓名', 20).optional(),
        agendaTemplate: agendaTemplate.optional(),
        demandDueDays: demandDueDays.optional(),
        contactPhone: phone.optional(),
        demandCategories: demandCategories.optional(),
      })
      .refine((r) => Object.values(r).some((v) => v !== undefined), { error: '没有要保存的设置' }),
    response: settingsShape,
  },

  ...meetingChannels,
  ...backupChannels,
  ...projectChannels,
  ...demandChannels,
  ...importChannels,
  ...documentChannels,
  ...exchangeChannels,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestIn<K extends Channel> = z.input<Contract[K]['request']>;
export type RequestOf<K extends Channel> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends Channel> = z.output<Contract[K]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
