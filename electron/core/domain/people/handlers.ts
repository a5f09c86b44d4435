/** Handlers of the people register (人员). */
import type { HandlerMap } from '../../handlerTypes';
import { createPerson, listPeople, removePerson, restorePerson, updatePerson } from './people';

export const peopleHandlers: HandlerMap<'people'> = {
  'people.list': (req, { ctx }) => listPeople(ctx, req.kind),
  'people.create': (req, { ctx }) => createPerson(ctx, req),
  'people.update': (req, { ctx }) => updatePerson(ctx, req),
  'people.remove': (req, { ctx }) => removePerson(ctx, req.id),
  'people.restore': (req, { ctx }) => restorePerson(ctx, req.id),
};
