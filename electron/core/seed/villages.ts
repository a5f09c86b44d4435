/**
 * Synthetic county villages for tests and benchmarks: each is its own
 * installation (its own database and key), seeded and exported as one signed
 * bundle into `outDir`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBundle } from '../exchange/writer';
import { openCore } from '../index';
import { seed } from './seed';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const SUFFIXES = ['庄村', '家村', '集村', '楼村', '营村', '店村', '屯村', '湾村'];
const TOWNSHIPS = ['柳埠镇', '仲宫街道', '西营街道', '港沟街道', '唐王街道'];

/** The i-th synthetic village (1-based): 12-digit code under county 370112. */
export function syntheticVillage(i: number) {
  const township = Math.floor((i - 1) / 50);
  return {
    code: `370112${String(township + 1).padStart(3, '0')}${String(((i - 1) % 50) + 1).padStart(3, '0')}`,
    name: `${SURNAMES[(i * 7) % SURNAMES.length]}${SUFFIXES[i % SUFFIXES.length]}`,
    township: TOWNSHIPS[township % TOWNSHIPS.length]!,
    county: '历城区',
    operator: '村文书',
  };
}

export async function seedVillageBundles(
  outDir: string,
  count: number,
  opts: { clock: () => Date; onProgress?: (i: number) => void },
): Promise<string[]> {
  const { clock, onProgress } = opts;
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'lianxi-village-'));
    try {
      const core = await openCore({ dbPath: join(dir, 'village.db'), clock });
      try {
        const v = syntheticVillage(i);
        const r = await core.dispatch('village.setup', v);
        if (!r.ok) throw new Error(r.error.message);
        await seed(core.ctx, 'village', 1000 + i);
        const out = join(outDir, `${v.code}.lxb`);
        await exportBundle(core.ctx, { out, attachmentsDir: core.attachmentsDir() });
        files.push(out);
      } finally {
        await core.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    onProgress?.(i);
  }
  return files;
}
