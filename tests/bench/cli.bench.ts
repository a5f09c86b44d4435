/**
 * The built CLI's start: `node out/cli/index.js help` (no tsx, no core loaded), the median of five after a
 * warm-up, next to an empty Node process (`node -e ''`) measured the same way.
 */
import { spawnSync } from 'node:child_process';
import { pct, sample, type Row } from './lib';

const run = (args: string[]) => async () => {
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${r.status}`);
};

export async function cliBenchmarks(): Promise<Row[]> {
  const help = await sample(5, run(['out/cli/index.js', 'help']), 1);
  const bare = await sample(5, run(['-e', '']), 1);
  return [
    {
      name: 'CLI start: node out/cli/index.js help',
      value: pct(help, 50),
      unit: 'ms',
      baseline: pct(bare, 50),
      target: '≤ 300 ms',
      note: `median of 5 after a warm-up (runs: ${help.map((t) => t.toFixed(0)).join(' / ')}); baseline: node -e ''`,
    },
  ];
}
