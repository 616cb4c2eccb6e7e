import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { NODE_BUILD_INPUTS, NODE_BUILD_OUTPUTS, buildIsStale } from '../scripts/start-plan.mjs';
import { isBuildFresh } from '../src-main/runtime/static-files';

/**
 * `npm run bench`: the workbench's speed on this machine, printed beside each goal the issues name.
 * Figures come from real runs of the CLI and of browser mode in Debian's Chromium.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** The command line and browser mode as `npm run cli` / `npm run web` run them (vite.node.config.ts). */
const CLI = path.join(ROOT, 'out/node/cli.js');
const WEB = path.join(ROOT, 'out/node/web.js');
export interface BenchRow {
  what: string;
  value: string;
  goal: string;
}
export interface BenchContext {
  root: string;
  tmp: (prefix: string) => string;
  /** Runs the CLI as a child process: wall-clock seconds, standard output and peak memory. */
  cli: (args: string[]) => { seconds: number; stdout: string; peakMb: number };
  /** A data folder holding the large demo (1,000 people, 1,000,000 orders), unless --skip-large. */
  largeDemoDir?: string;
}
export type BenchSuite = (ctx: BenchContext) => Promise<BenchRow[]>;

const rows: BenchRow[] = [];
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));

function timeCli(args: string[]): { seconds: number; stdout: string; peakMb: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { seconds, stdout: r.stdout, peakMb: Math.round(kb / 1024) };
}

/** Wall-clock seconds of the fastest of `n` runs (start-up times vary with what else the machine does). */
function bestOf(run: () => { status: number | null }, n = 5): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    if (run().status !== 0) throw new Error('bench start-up run failed');
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

async function rosterFirstRows(dataDir: string): Promise<number> {
  const web = spawn(process.execPath, [WEB, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buf = '';
      web.stdout.on('data', (c) => {
        buf += c;
        const m = /Workbench: (\S+)/.exec(buf);
        if (m) resolve(m[1]);
      });
      web.on('exit', () => reject(new Error('web server exited')));
    });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const page = await browser.newPage();
        const start = Date.now();
        await page.goto(url.replace('/?', '/?') + '#/team');
        await page.waitForSelector('.ag-row[row-index="0"]', { timeout: 120_000 });
        times.push(Date.now() - start);
        await page.close();
      }
      // The first load warms Chromium's caches; report the median of the rest as well.
      const warm = times.slice(1).sort((a, b) => a - b)[1];
      rows.push({ what: 'roster grid: first rows in Chromium (cold load)', value: `${times[0]} ms`, goal: '—' });
      return warm;
    } finally {
      await browser.close();
    }
  } finally {
    web.kill('SIGTERM');
  }
}

async function main() {
  // Browser mode serves out/renderer only when it is newer than the sources; time the built app, as users get it.
  if (
    !isBuildFresh(path.join(ROOT, 'out/renderer'), [
      path.join(ROOT, 'src-renderer'),
      path.join(ROOT, 'src-shared'),
      path.join(ROOT, 'src-main/contract'),
    ])
  ) {
    spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (buildIsStale(ROOT, NODE_BUILD_OUTPUTS, NODE_BUILD_INPUTS))
    spawnSync('npm', ['run', '-s', 'build:node'], { cwd: ROOT, stdio: 'inherit' });

  // Start-up: a bare Node process is the floor; the built CLI is what `npm run cli` runs; tsx was the old way.
  const bare = bestOf(() => spawnSync(process.execPath, ['-e', '0']));
  rows.push({ what: 'baseline: `node -e 0` (a bare Node start), best of 5', value: `${bare.toFixed(2)} s`, goal: '—' });
  const help = bestOf(() => spawnSync(process.execPath, [CLI, '--help']));
  rows.push({
    what: 'CLI --help, built (node out/node/cli.js), best of 5',
    value: `${help.toFixed(2)} s`,
    goal: '< 0.3 s',
  });
  const helpTsx = bestOf(() => spawnSync(TSX, ['src-main/cli/main.ts', '--help'], { cwd: ROOT }), 2);
  rows.push({
    what: 'CLI --help through tsx (before the build), best of 2',
    value: `${helpTsx.toFixed(2)} s`,
    goal: 'comparison',
  });

  const init = timeCli(['--data-dir', tmp('wb-bench-init-'), 'init']);
  rows.push({
    what: 'CLI init on a new folder (incl. Node start-up)',
    value: `${init.seconds.toFixed(2)} s`,
    goal: '—',
  });

  const smallDir = tmp('wb-bench-small-');
  const small = timeCli(['--data-dir', smallDir, '--json', 'demo', '--size', 'small']);
  const s = JSON.parse(small.stdout);
  rows.push({
    what: `small demo (${s.staff} people, ${s.orders.toLocaleString('en')} orders)`,
    value: `${small.seconds.toFixed(2)} s`,
    goal: '—',
  });

  let largeDemoDir: string | undefined;
  // --large-dir=DIR keeps the large demo in DIR and reuses it on the next run (a minute of CPU saved each
  // time a suite is measured again); a suite that changes data works on its own copy, as sales-report does.
  const keptLarge = process.argv.find((a) => a.startsWith('--large-dir='))?.slice('--large-dir='.length);
  if (keptLarge && fs.existsSync(path.join(keptLarge, 'workbench.db'))) {
    largeDemoDir = path.resolve(keptLarge);
    rows.push({ what: `large demo: reused from ${largeDemoDir}`, value: '—', goal: '—' });
  } else if (!process.argv.includes('--skip-large')) {
    largeDemoDir = keptLarge ? path.resolve(keptLarge) : tmp('wb-bench-large-');
    fs.mkdirSync(largeDemoDir, { recursive: true });
    const large = timeCli(['--data-dir', largeDemoDir, '--json', 'demo', '--size', 'large']);
    const l = JSON.parse(large.stdout);
    rows.push({
      what: `large demo (${l.staff.toLocaleString('en')} people, ${l.orders.toLocaleString('en')} orders, ${l.surveyResponses.toLocaleString('en')} responses)`,
      value: `${large.seconds.toFixed(2)} s, peak ${large.peakMb} MB`,
      goal: '< 20 s',
    });
  }

  const warm = await rosterFirstRows(smallDir);
  rows.push({ what: 'roster grid: first rows in Chromium (warm, median)', value: `${warm} ms`, goal: '—' });

  // Each domain's measures live in bench/suites/<domain>.ts (default export: (ctx) => rows).
  // --only a,b runs those suites alone (file names without .ts), for a quick check of one area.
  const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  const suites = fs
    .readdirSync(path.join(ROOT, 'bench/suites'))
    .filter((f) => f.endsWith('.ts') && (!only || only.has(f.replace(/\.ts$/, ''))))
    .sort();
  for (const file of suites) {
    const suite = (await import(path.join(ROOT, 'bench/suites', file))).default as BenchSuite;
    // One failing suite is reported in its row; the others still run and print.
    try {
      rows.push(...(await suite({ root: ROOT, tmp, cli: timeCli, largeDemoDir })));
    } catch (e) {
      rows.push({
        what: `suite ${file}`,
        value: 'FAILED',
        goal: String(e instanceof Error ? e.message : e)
          .split('\n')[0]
          .slice(0, 120),
      });
    }
  }

  const width = Math.max(...rows.map((r) => r.what.length));
  console.log(
    `\nSales Workbench bench — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}\n`,
  );
  console.log(`${'measure'.padEnd(width)}  ${'this machine'.padEnd(26)}  goal`);
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value.padEnd(26)}  ${r.goal}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
