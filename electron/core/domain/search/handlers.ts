/** Handlers of search (搜索). */
import type { HandlerMap } from '../../handlerTypes';
import { search } from './search';

export const searchHandlers: HandlerMap<'search'> = {
  'search.query': (req, { ctx }) => search(ctx, req.q, req.limit),
};
