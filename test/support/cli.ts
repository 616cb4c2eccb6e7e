import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The command line as `npm run cli` runs it: the built JavaScript (vite.node.config.ts), on plain Node. */
export const BUILT_CLI = path.join(ROOT, 'out/node/cli.js');

/**
 * Runs the CLI exactly as users do, as a child process, in English unless `env` says otherwise. The
 * integration and e2e projects build out/node first when src-main changed (test/support/build-node.ts).
 */
export function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
