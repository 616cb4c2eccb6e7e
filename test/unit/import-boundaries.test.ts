import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries of eslint.config.js (contract ← services ← doors; the renderer sees only the
 * contract and src-shared) hold: each leak below, linted as if it were a file at that place, fails with
 * no-restricted-imports, and the allowed imports beside it pass.
 */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src-main/contract/leak.ts', "import { x } from '../services/audit';"],
    ['src-main/contract/leak.ts', "import { x } from '../db/workspace';"],
    ['src-main/services/team/leak.ts', "import { x } from '../../electron/ipc';"],
    ['src-main/services/leak.ts', "import { x } from '../cli/run';"],
    ['src-main/services/survey/leak.ts', "import { x } from '../../web/server';"],
    ['src-main/services/leak.ts', "import { x } from '../runtime/dispatch';"],
    ['src-main/db/leak.ts', "import { x } from '../runtime/jobs';"],
    ['src-main/runtime/leak.ts', "import { x } from '../cli/run';"],
    ['src-main/cli/leak.ts', "import { x } from '../web/server';"],
    ['src-main/electron/leak.ts', "import { x } from '../web/server';"],
    ['src-main/services/leak.ts', "import { x } from 'electron';"],
    ['src-renderer/pages/team/Leak.tsx', "import { x } from '../../../src-main/services/team/staff';"],
    ['src-renderer/pages/team/Leak.tsx', "import { x } from '../../../src-main/runtime/dispatch';"],
    ['src-renderer/backend/leak.ts', "import { x } from 'node:fs';"],
    ['src-renderer/components/Leak.tsx', "import { x } from '../pages/import/FileStep';"],
    ['src-renderer/layout/Leak.tsx', "import { x } from '../pages/targets/TrackingTab';"],
  ])('%s: %s fails', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/contract/ok.ts', "import { x } from './common';"],
    ['src-main/services/team/ok.ts', "import { x } from '../../contract/team';"],
    ['src-main/cli/ok.ts', "import { x } from '../runtime/dispatch';"],
    ['src-main/electron/ok.ts', "import { x } from 'electron';"],
    ['src-renderer/pages/team/Ok.tsx', "import { x } from '../../../src-main/contract/team';"],
    ['src-renderer/i18n/ok.ts', "import x from '../../src-shared/locales/en.json';"],
    ['src-renderer/components/Ok.tsx', "import { x } from './dropped-file';"],
  ])('%s: %s passes', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
