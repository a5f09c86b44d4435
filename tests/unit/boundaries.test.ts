/** The lint rules that keep the layers apart really fire (a rule that never fires protects nothing). */
import { ESLint } from 'eslint';
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
