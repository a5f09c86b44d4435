/** Handler maps of the project library and search (merged into electron/core/handlers.ts). */
import type { HandlerMap } from '../../handlers';
import { search } from '../search/search';
import { addFollowUp, addMilestone, removeFollowUp, removeMilestone, tickMilestone, updateMilestone } from './milestones';
import { createProject, getProjectDetail, listProjects, removeProject, updateProject } from './projects';

export const projectHandlers: HandlerMap<'projects'> = {
  'projects.list': (req, { ctx }) => listProjects(ctx, req),
  'projects.get': (req, { ctx }) => getProjectDetail(ctx, req.id),
  'projects.create': (req, { ctx }) => createProject(ctx, req),
  'projects.update': (req, { ctx }) => updateProject(ctx, req),
  'projects.remove': (req, { ctx }) => removeProject(ctx, req.id),
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

export const searchHandlers: HandlerMap<'search'> = {
  'search.query': (req, { ctx }) => search(ctx, req.q, req.limit),
};
