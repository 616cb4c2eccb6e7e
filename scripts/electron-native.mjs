#!/usr/bin/env node
// `npm run native:electron [-- --platform P --arch A] [--force]`: gets better-sqlite3 built for Electron's
// ABI into .electron-native/<platform>-<arch>/better_sqlite3.node, WITHOUT touching
// node_modules/better-sqlite3/build, which stays the Node build that tests, the CLI and browser mode load.
// It works on a copy of the package in a temp folder: first the project's prebuilt binary
// (prebuild-install --runtime electron), else a compile from source (node-gyp, same platform only).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  lastReason,
  NATIVE_FILE,
  NATIVE_STAMP,
  nativeBindingFile,
  nativeBindingIsCurrent,
  parseNativeArgs,
  versions,
} from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgSource = path.join(root, 'node_modules/better-sqlite3');
const requireFromPkg = createRequire(path.join(pkgSource, 'package.json'));

function resolveTool(specifier, fallback) {
  try {
    return requireFromPkg.resolve(specifier);
  } catch {
    return fallback && fs.existsSync(fallback) ? fallback : undefined;
  }
}

/** The first bytes of a native module for the platform: ELF, Mach-O (thin or fat) or PE. */
function looksLikeBinaryFor(file, platform) {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (platform === 'linux') return head.toString('latin1') === '\x7fELF';
  if (platform === 'win32') return head.subarray(0, 2).toString('latin1') === 'MZ';
  const magic = head.readUInt32BE(0);
  return [0xfeedfacf, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(magic);
}

function run(label, command, args, cwd, log) {
  const env = { ...process.env };
  // npm passes its own config down as npm_config_*; none of it may steer this build elsewhere.
  for (const key of Object.keys(env)) {
    if (/^npm_config_(build_from_source|runtime|target|arch|platform|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  const r = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20 * 60_000,
  });
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  fs.appendFileSync(
    log,
    `\n$ ${label}: ${[command, ...args].join(' ')}\n${output}\n(exit ${r.status ?? r.error?.code})\n`,
  );
  return {
    ok: r.status === 0,
    reason: r.error?.code === 'ETIMEDOUT' ? 'timed out' : lastReason(output) || `exit ${r.status}`,
  };
}

function obtain(platform, arch, v, log) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-native-'));
  const pkg = path.join(tmp, 'better-sqlite3');
  try {
    const skip = path.join(pkgSource, 'build');
    fs.cpSync(pkgSource, pkg, { recursive: true, filter: (src) => src !== skip && !src.startsWith(skip + path.sep) });
    const built = path.join(pkg, 'build/Release', NATIVE_FILE);
    const reasons = [];

    const prebuild = resolveTool('prebuild-install/bin.js');
    if (prebuild) {
      const args = [
        prebuild,
        '--runtime',
        'electron',
        '--target',
        v.electron,
        '--arch',
        arch,
        '--platform',
        platform,
        '--verbose',
      ];
      const r = run('prebuilt', process.execPath, args, pkg, log);
      if (r.ok && fs.existsSync(built)) return { file: built, source: 'prebuilt', tmp };
      reasons.push(`prebuilt download failed: ${r.reason}`);
    } else reasons.push('prebuild-install is missing');

    if (platform === process.platform) {
      const gyp = resolveTool('node-gyp/bin/node-gyp.js', process.env.npm_config_node_gyp);
      if (gyp) {
        const args = [
          gyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${v.electron}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
        ];
        const r = run('compile', process.execPath, args, pkg, log);
        if (r.ok && fs.existsSync(built)) return { file: built, source: 'compiled', tmp };
        reasons.push(`compiling from source failed: ${r.reason}`);
      } else reasons.push('node-gyp is missing');
    } else reasons.push(`no compile fallback when building for ${platform} on ${process.platform}`);
    return { reasons, tmp };
  } catch (e) {
    return { reasons: [e.message], tmp };
  }
}

function main() {
  let opts;
  try {
    opts = parseNativeArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(
      `electron-native: ${e.message}. Usage: npm run native:electron -- [--platform win32|darwin|linux] [--arch x64|arm64|ia32|universal] [--force]\n`,
    );
    return 2;
  }
  const v = versions(root);
  for (const arch of opts.archs) {
    const dest = nativeBindingFile(root, opts.platform, arch);
    const target = `${opts.platform}-${arch}`;
    if (!opts.force && nativeBindingIsCurrent(root, opts.platform, arch, v)) {
      process.stdout.write(
        `better-sqlite3 ${v.betterSqlite3} for Electron ${v.electron} (${target}) is up to date: ${path.relative(root, dest)}\n`,
      );
      continue;
    }
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const log = path.join(path.dirname(dest), 'build.log');
    fs.writeFileSync(
      log,
      `better-sqlite3 ${v.betterSqlite3} for Electron ${v.electron} (${target}), ${new Date().toISOString()}\n`,
    );
    process.stdout.write(`Getting better-sqlite3 ${v.betterSqlite3} for Electron ${v.electron} (${target})…\n`);
    const r = obtain(opts.platform, arch, v, log);
    try {
      if (!r.file) {
        process.stderr.write(
          `electron-native: could not get better-sqlite3 ${v.betterSqlite3} for Electron ${v.electron} (${target}): ${r.reasons.join('; ')}. Details: ${path.relative(root, log)}\n`,
        );
        return 1;
      }
      if (!looksLikeBinaryFor(r.file, opts.platform)) {
        process.stderr.write(
          `electron-native: the ${r.source} file is not a ${opts.platform} native module. Details: ${path.relative(root, log)}\n`,
        );
        return 1;
      }
      fs.copyFileSync(r.file, `${dest}.tmp`);
      fs.renameSync(`${dest}.tmp`, dest);
      const stamp = {
        electron: v.electron,
        betterSqlite3: v.betterSqlite3,
        platform: opts.platform,
        arch,
        source: r.source,
        createdAt: new Date().toISOString(),
      };
      fs.writeFileSync(path.join(path.dirname(dest), NATIVE_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
      process.stdout.write(`Stored ${path.relative(root, dest)} (${r.source}).\n`);
    } finally {
      fs.rmSync(r.tmp, { recursive: true, force: true });
    }
  }
  return 0;
}

process.exitCode = main();
