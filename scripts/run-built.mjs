#!/usr/bin/env node
// `npm run cli -- …` and `npm run web -- …`: the built JavaScript in out/node, rebuilt first when src-main
// changed since (about a second; the note goes to stderr so that `--json` output stays one document). The
// built file runs in this same process: one Node start, no TypeScript compiler on the way.
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NODE_BUILD_INPUTS, NODE_BUILD_OUTPUTS, buildIsStale, messageLang } from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = { cli: 'out/node/cli.js', web: 'out/node/web.js' };
const say = (en, zh) => process.stderr.write(`${messageLang() === 'zh-CN' ? zh : en}\n`);

const [name, ...args] = process.argv.slice(2);
if (!ENTRIES[name]) {
  process.stderr.write('Usage: node scripts/run-built.mjs cli|web [arguments]\n');
  process.exit(2);
}
if (buildIsStale(root, NODE_BUILD_OUTPUTS, NODE_BUILD_INPUTS)) {
  say(
    'Building the command line and browser mode (npm run build:node)…',
    '正在构建命令行与浏览器模式（npm run build:node）…',
  );
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  // The build's own report goes to stderr too.
  const r = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) {
    say(
      `The build failed (exit ${r.status ?? r.signal}); fix the error above, or run: npm run build:node`,
      `构建失败（退出码 ${r.status ?? r.signal}）；请修正上面的错误，或运行：npm run build:node`,
    );
    process.exit(1);
  }
}
// Node 22.1+ keeps the compiled code of the large bundle between runs; older versions just skip this.
module.enableCompileCache?.();
process.argv = [process.argv[0], path.join(root, ENTRIES[name]), ...args];
await import(pathToFileURL(path.join(root, ENTRIES[name])).href);
