import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
// The built command line (test/support/cli.ts), as users run it, not tsx: the lock holds this very process's PID.
const BUILT = [path.join(ROOT, 'out/node/cli.js')];

export interface ChildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI as users run it (out/node/cli.js), as a child process, waited for. */
export function cliSync(args: string[], env: Record<string, string> = {}): ChildResult {
  const r = spawnSync(process.execPath, [...BUILT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The same, running beside the test (two of them can race). */
export function cliAsync(args: string[], env: Record<string, string> = {}): Promise<ChildResult> {
  const child = spawn(process.execPath, [...BUILT, ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
}
