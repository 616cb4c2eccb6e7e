import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as plan from '../../scripts/start-plan.mjs';

const root = path.resolve(__dirname, '../..');

// Where Electron is installed, `npm start` opens the window instead; this checks the other road.
describe.skipIf(plan.electronBinary(root) !== undefined)('npm start without an Electron binary', () => {
  it('says so in one line and serves the workbench in browser mode', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-start-fallback-'));
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      // An unreachable mirror and an empty download cache make the download fail at once, with or without internet.
      env: {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: path.join(dataDir, 'no-cache'),
        WORKBENCH_DATA_DIR: dataDir,
        WORKBENCH_NO_BROWSER: '1',
        LANG: 'en_US.UTF-8',
        LC_ALL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no Workbench line; stderr: ${stderr}`)), 90_000);
        child.stdout.on('data', (c) => {
          stdout += c;
          if (plan.workbenchUrl(stdout)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}; stderr: ${stderr}`)));
      });
      const url = plan.workbenchUrl(stdout)!;
      expect(stdout.split('\n')[0]).toMatch(/^Workbench: http:\/\/127\.0\.0\.1:\d+\//);
      const lines = stderr.split('\n').filter((l) => /Electron/.test(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Could not download Electron .*serving the workbench in your browser instead.*ELECTRON_MIRROR=https:\/\/npmmirror\.com\/mirrors\/electron\//,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
      const page = await fetch(url);
      expect(page.status).toBe(200);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
