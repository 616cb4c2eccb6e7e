// The decisions behind `npm start` and `npm run native:electron`, kept free of side effects other than
// reading files so that test/unit/electron-start-plan.test.ts can check them.
import fs from 'node:fs';
import path from 'node:path';

export const MIRROR_HINT_URL = 'https://npmmirror.com/mirrors/electron/';
/** Same layout as src-main/electron/native-binding.ts. */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
export const NATIVE_STAMP = 'build-info.json';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

export function versions(root) {
  return {
    electron: readJson(path.join(root, 'node_modules/electron/package.json')).version,
    betterSqlite3: readJson(path.join(root, 'node_modules/better-sqlite3/package.json')).version,
  };
}

const EXECUTABLE = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/**
 * The Electron executable if node_modules/electron/install.js has put it in place (the same checks as
 * its isInstalled()); ELECTRON_OVERRIDE_DIST_PATH points at an Electron unpacked elsewhere.
 */
export function electronBinary(root, env = process.env, platform = process.platform) {
  const dir = path.join(root, 'node_modules/electron');
  let rel;
  try {
    rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
  } catch {
    rel = undefined;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || EXECUTABLE[platform] || 'electron');
    return fs.existsSync(file) ? file : undefined;
  }
  if (!rel) return undefined;
  try {
    const version = readJson(path.join(dir, 'package.json')).version;
    if (fs.readFileSync(path.join(dir, 'dist/version'), 'utf8').trim().replace(/^v/, '') !== version) return undefined;
  } catch {
    return undefined;
  }
  const file = path.join(dir, 'dist', rel);
  return fs.existsSync(file) ? file : undefined;
}

/**
 * The architecture of the Electron that install.js downloads (its own rules): ELECTRON_INSTALL_ARCH or
 * npm_config_arch if set, and arm64 for an x64 Node running under Rosetta on an Apple silicon Mac.
 */
export function electronArch(platform, arch, env = process.env, rosetta = false) {
  const chosen = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || arch;
  if (
    platform === 'darwin' &&
    chosen === 'x64' &&
    env.npm_config_arch === undefined &&
    !env.ELECTRON_INSTALL_ARCH &&
    rosetta
  )
    return 'arm64';
  return chosen;
}

export function nativeBindingFile(root, platform, arch) {
  return path.join(root, NATIVE_DIR, `${platform}-${arch}`, NATIVE_FILE);
}

/** True when the stored Electron-ABI binary was made for these Electron and better-sqlite3 versions. */
export function nativeBindingIsCurrent(root, platform, arch, wanted) {
  const file = nativeBindingFile(root, platform, arch);
  if (!fs.existsSync(file)) return false;
  try {
    const stamp = readJson(path.join(path.dirname(file), NATIVE_STAMP));
    return stamp.electron === wanted.electron && stamp.betterSqlite3 === wanted.betterSqlite3;
  } catch {
    return false;
  }
}

/** The files `electron .` needs from `electron-vite build`. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/job-worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
/** What the build is made from. */
export const BUILD_INPUTS = [
  'src-main',
  'src-renderer',
  'src-shared',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
];
/** The command line and browser mode on plain Node (`vite build -c vite.node.config.ts`), and their sources. */
export const NODE_BUILD_OUTPUTS = ['out/node/cli.js', 'out/node/web.js', 'out/node/job-worker.js'];
export const NODE_BUILD_INPUTS = ['src-main', 'src-shared', 'vite.node.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** A build is needed when an output is missing or any source changed after the oldest output. */
export function buildIsStale(root, outputs = BUILD_OUTPUTS, inputs = BUILD_INPUTS) {
  let oldest = Infinity;
  for (const rel of outputs) {
    try {
      oldest = Math.min(oldest, fs.statSync(path.join(root, rel)).mtimeMs);
    } catch {
      return true;
    }
  }
  return inputs.some((rel) => newestMtime(path.join(root, rel)) > oldest);
}

/** Chinese for a Chinese locale, English otherwise (as the CLI decides). */
export function messageLang(env = process.env) {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** The one line `npm start` prints before serving the workbench in the browser instead of a window. */
export function fallbackLine(lang, what, reason) {
  const why = reason ? ` (${reason})` : '';
  if (what === 'native') {
    return lang === 'zh-CN'
      ? `无法获取适用于 Electron 的 SQLite 模块${why}，改为在浏览器中打开工作台；预编译文件来自 GitHub，可用环境变量 npm_config_better_sqlite3_binary_host 指定镜像后重新运行 npm start。`
      : `Could not get the SQLite module built for Electron${why}; serving the workbench in your browser instead. The prebuilt file comes from GitHub: set npm_config_better_sqlite3_binary_host to a mirror and run npm start again.`;
  }
  return lang === 'zh-CN'
    ? `无法下载 Electron${why}，改为在浏览器中打开工作台；中国大陆用户可设置 ELECTRON_MIRROR=${MIRROR_HINT_URL} 后重新运行 npm start。`
    : `Could not download Electron${why}; serving the workbench in your browser instead. In mainland China, set ELECTRON_MIRROR=${MIRROR_HINT_URL} and run npm start again.`;
}

/** What a failed child's output says went wrong, in a few words (the cause, never the stack). */
export function lastReason(text) {
  const lines = String(text ?? '')
    .split(/\r?\n/)
    .map((l) =>
      l
        .trim()
        .replace(/^(prebuild-install (warn|info|ERR!)( install)?|gyp (ERR!|WARN)( stack)?|npm (ERR!|error))\s*/, ''),
    )
    .filter((l) => l && !/^at\s/.test(l) && !/^\^+$/.test(l) && !/^node:/.test(l) && !/^Node\.js v\d/.test(l));
  const pick =
    lines.find((l) =>
      /\bE(NOTFOUND|CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN|NETUNREACH|HOSTUNREACH|ACCES|PERM)\b/.test(l),
    ) ??
    (lines.some((l) => /network connectivity|fetch failed/i.test(l)) ? 'no network connection' : undefined) ??
    lines.find((l) => /error|failed|not found|404/i.test(l)) ??
    lines.at(-1) ??
    '';
  return pick.length > 160 ? `${pick.slice(0, 157)}...` : pick;
}

/** `--platform P --arch A [--force]`; arch `universal` means both macOS architectures. */
export function parseNativeArgs(argv, host = { platform: process.platform, arch: process.arch }) {
  const out = { platform: host.platform, arch: host.arch, force: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--platform') out.platform = value();
    else if (flag === '--arch') out.arch = value();
    else if (flag === '--force') out.force = true;
    else if (flag === '--verbose') out.verbose = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!['win32', 'darwin', 'linux'].includes(out.platform)) throw new Error(`unsupported platform ${out.platform}`);
  if (out.arch === 'universal' && out.platform !== 'darwin')
    throw new Error('--arch universal is for --platform darwin only');
  if (!['x64', 'arm64', 'ia32', 'universal'].includes(out.arch)) throw new Error(`unsupported arch ${out.arch}`);
  return { ...out, archs: out.arch === 'universal' ? ['x64', 'arm64'] : [out.arch] };
}

/** The command that opens a URL in the default browser, or undefined where there is no desktop. */
export function browserCommand(platform, url, env = process.env) {
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  if (platform === 'darwin') return ['open', [url]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return ['xdg-open', [url]];
}

/** The `Workbench: http://127.0.0.1:PORT/?token=…` URL in a chunk of the web server's output. */
export function workbenchUrl(text) {
  return /^Workbench: (http:\/\/127\.0\.0\.1:\d+\/\S*)/m.exec(text)?.[1];
}
