/**
 * The lint rules that keep the layers apart really fire (a rule that never
 * fires protects nothing), and there is no import circle anywhere, type
 * imports included (madge reads them as imports).
 */
import { ESLint } from 'eslint';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('electron/core may not import electron', async () => {
    expect(await ruleIds('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain(
      'no-restricted-imports',
    );
  });
  it('shared/ may not import node:, drizzle or electron', async () => {
    for (const mod of ['node:fs', 'drizzle-orm', 'electron', 'react']) {
      expect(await ruleIds('shared/x.ts', `import * as m from '${mod}';\nexport const a = m;\n`), mod).toContain(
        'no-restricted-imports',
      );
    }
  });
  it('renderer/ may not import electron/ code', async () => {
    expect(
      await ruleIds(
        'renderer/src/x.ts',
        "import { openCore } from '../../electron/core/index';\nexport const a = openCore;\n",
      ),
    ).toContain('no-restricted-imports');
  });
  it('allowed imports pass', async () => {
    expect(
      await ruleIds(
        'renderer/src/x.ts',
        "import { CHANNELS } from '../../shared/contract';\nexport const a = CHANNELS;\n",
      ),
    ).toEqual([]);
  });
  it('dangerouslySetInnerHTML is refused', async () => {
    expect(
      await ruleIds(
        'renderer/src/x.tsx',
        'export const A = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />;\n',
      ),
    ).toContain('no-restricted-syntax');
  });
});

describe('the core’s layers (lib → db → domain → documents, exchange → seed → entry → cli)', () => {
  const refused = async (file: string, source: string) =>
    ruleIds(file, `import * as m from '${source}';\nexport const a = m;\n`);
  it.each([
    ['electron/core/lib/x.ts', '../db/connection'],
    ['electron/core/lib/x.ts', '../domain/people/people'],
    ['electron/core/db/x.ts', '../domain/people/people'],
    ['electron/core/db/x.ts', '../handlerTypes'],
    ['electron/core/db/x.ts', '../index'],
    ['electron/core/domain/people/x.ts', '../../exchange/reader'],
    ['electron/core/domain/people/x.ts', '../../documents/weeklyModel'],
    ['electron/core/domain/people/x.ts', '../../handlers'],
    ['electron/core/domain/projects/excel/x.ts', '../../../dispatch'],
    ['electron/core/exchange/x.ts', '../cli/args'],
    ['electron/core/documents/x.ts', '../seed/seed'],
    ['electron/core/documents/x.ts', '../index'],
    ['electron/core/handlers.ts', './cli/main'],
  ])('%s may not import %s', async (file, source) => {
    expect(await refused(file, source)).toContain('no-restricted-imports');
  });
  it.each([
    ['electron/core/db/x.ts', '../lib/errors'],
    ['electron/core/db/x.ts', '../../../shared/domain'],
    ['electron/core/domain/people/x.ts', '../../db/rows'],
    ['electron/core/domain/people/x.ts', '../../handlerTypes'],
    ['electron/core/domain/meetings/x.ts', '../people/check'],
    ['electron/core/exchange/x.ts', '../domain/village/village'],
    ['electron/core/seed/x.ts', '../index'],
    ['electron/core/cli/x.ts', '../index'],
  ])('%s may import %s', async (file, source) => {
    expect(await refused(file, source)).toEqual([]);
  });
});

describe('import circles', () => {
  it('there are none in electron/, renderer/, shared/ (type imports included)', async () => {
    const graph = await madge(['electron', 'renderer', 'shared'], {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: 'tsconfig.json',
      detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
    });
    expect(graph.circular()).toEqual([]);
    // The graph is real: the core's entry reaches the database layer.
    expect(graph.obj()['electron/core/index.ts']).toContain('electron/core/db/open.ts');
  });
  it('a planted circle is found', async () => {
    const graph = await madge(['tests/unit/circle-fixture'], { fileExtensions: ['ts'] });
    expect(graph.circular()).toEqual([['a.ts', 'b.ts']]);
  });
});
