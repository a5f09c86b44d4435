/** Progress of a project: from its ticked milestones by weight, or from its status when it has none. */
import { STATUS_PROGRESS, type ProjectStatus } from '../../../../shared/projects';

export function progressOf(
  status: ProjectStatus,
  milestones: readonly { weight: number; done: boolean }[],
): { percent: number; formula: string } {
  if (milestones.length === 0) {
    const percent = STATUS_PROGRESS[status];
    return { percent, formula: `没有节点，按状态“${status}”计 ${percent}%` };
  }
  const total = milestones.reduce((s, m) => s + m.weight, 0);
  const done = milestones.filter((m) => m.done).reduce((s, m) => s + m.weight, 0);
  const percent = Math.round((100 * done) / total);
  return { percent, formula: `已完成节点权重 ${done} ÷ 全部节点权重 ${total} = ${percent}%` };
}
