import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { NODE_BUILD_INPUTS, NODE_BUILD_OUTPUTS, buildIsStale } from '../../scripts/start-plan.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Global setup of the integration and e2e projects: the tests run the built command line and browser
 * mode (out/node), so they are rebuilt once before any test when src-main changed since — never by
 * several test files at once.
 */
export default function buildNodeEntries(): void {
  if (!buildIsStale(ROOT, NODE_BUILD_OUTPUTS, NODE_BUILD_INPUTS)) return;
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`npm run build:node failed:\n${r.stdout}\n${r.stderr}`);
}
