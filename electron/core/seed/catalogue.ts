/**
 * What a village's "我为群众办实事" list holds: projects by category with the
 * steps they go through, the units and fund sources, the words of 回访. The
 * data is catalogue.json; this module gives it its types.
 */
import { z } from 'zod';
import { PROJECT_SOURCES, SATISFACTION } from '../../../shared/projects';
import data from './catalogue.json' with { type: 'json' };

export interface ProjectIdea {
  title: string;
  category: string;
  /** The project's milestones, in order (4–6 are used). */
  steps: readonly string[];
  /** Budget range in units of 5,000 yuan. */
  budget: [number, number];
  source: '群众诉求' | '走访调研' | '上级部署' | '微心愿' | '其他';
}

const words = z.array(z.string()).min(1);
const catalogue = z.object({
  projects: z.array(
    z.object({
      title: z.string(),
      category: z.string(),
      steps: words,
      budget: z.tuple([z.number().int(), z.number().int()]),
      source: z.enum(PROJECT_SOURCES),
    }),
  ),
  units: words,
  fundSources: words,
  followUpFeedback: z.record(z.enum(SATISFACTION), words),
});
const c = catalogue.parse(data);

/** Ordered by category in the order the project library groups them; the seed cycles through all eight. */
export const PROJECT_IDEAS: readonly ProjectIdea[] = c.projects;
export const UNITS: readonly string[] = c.units;
export const FUND_SOURCES: readonly string[] = c.fundSources;
export const FOLLOW_UP_FEEDBACK = c.followUpFeedback;
