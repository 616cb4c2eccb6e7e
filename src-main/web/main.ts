import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isWorkbenchError } from '../contract/errors';
import { removeLeftovers } from '../db/backup';
import { lockFolder, type FolderLock } from '../db/folder-lock';
import { DB_FILE, RESTORE_TEMP_SUFFIX, Workspace, resolveDataDir } from '../db/workspace';
import { errorPayload } from '../runtime/dispatch';
import { logInternalError } from '../runtime/error-log';
import { osLang, parseLang, t, type Lang } from '../i18n/messages';
import { readSettings } from '../services/system/settings';
import { startWebServer, type WebServerOptions } from './server';
import { isBuildFresh } from '../runtime/static-files';
import { withoutHmrSocket } from './vite-no-socket';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_PORT = 4780;

/** `npm run -s web -- [--port N] [--data-dir DIR] [--lang L] [--dev]`: the workbench in a browser on this computer. */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        lang: { type: 'string' },
        dev: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(
      `${(e as Error).message}\nUsage: npm run -s web -- [--port N] [--data-dir DIR] [--lang zh-CN|en] [--dev]\n`,
    );
    return 2;
  }
  const cliLang = parseLang(args.lang) ?? osLang();
  if (args.port !== undefined && !/^\d{1,5}$/.test(args.port)) {
    process.stderr.write(`${t(cliLang, 'cli.usage.not-an-integer', { option: '--port', value: args.port })}\n`);
    return 2;
  }
  let ws: Workspace;
  let lock: FolderLock | undefined;
  const dataDir = resolveDataDir(args['data-dir']);
  try {
    // Browser mode owns the data folder while it runs (issue 17, item 6): a CLI command that would
    // write under it is refused, and a second browser mode or the window does not start on it.
    fs.mkdirSync(dataDir, { recursive: true });
    lock = await lockFolder(dataDir, 'web', {
      onWait: (owner) => process.stderr.write(`${t(cliLang, 'cli.waitingForLock', { pid: owner.pid })}\n`),
    });
    removeLeftovers(dataDir, path.join(dataDir, `${DB_FILE}${RESTORE_TEMP_SUFFIX}`));
    ws = new Workspace(dataDir);
  } catch (e) {
    lock?.release();
    const code = (e as { code?: string }).code;
    const known = isWorkbenchError(e);
    const message = known
      ? errorPayload(e, cliLang).message
      : t(cliLang, 'errors.internal-logged', logInternalError(dataDir, 'web start', e));
    process.stderr.write(`${t(cliLang, 'cli.error')}${message}${code && known ? ` (${code})` : ''}\n`);
    return 1;
  }
  // A damaged database has no settings to read: the recovery screen speaks the computer's language.
  const savedLang = (): Lang | null => (ws.damage ? null : readSettings(ws.db).lang);
  const lang = (): Lang => parseLang(args.lang) ?? savedLang() ?? osLang();

  const outDir = path.join(ROOT, 'out/renderer');
  const fresh =
    !args.dev &&
    isBuildFresh(outDir, [
      path.join(ROOT, 'src-renderer'),
      path.join(ROOT, 'src-shared'),
      path.join(ROOT, 'src-main/contract'),
    ]);
  const options: WebServerOptions = { ws, port: args.port ? Number(args.port) : DEFAULT_PORT, lang };
  let vite: { close(): Promise<void>; middlewares: NonNullable<WebServerOptions['middleware']> } | undefined;
  if (fresh) options.staticDir = outDir;
  else {
    // No fresh build: Vite serves the renderer's sources (first page load compiles them).
    const { createServer } = await import('vite');
    const react = (await import('@vitejs/plugin-react')).default;
    vite = await createServer({
      configFile: false,
      root: path.join(ROOT, 'src-renderer'),
      plugins: [react(), withoutHmrSocket()],
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'spa',
      logLevel: 'warn',
    });
    options.middleware = vite.middlewares;
  }
  let server;
  try {
    server = await startWebServer(options);
  } catch (e) {
    if ((e as { code?: string }).code === 'EADDRINUSE' && args.port === undefined)
      server = await startWebServer({ ...options, port: 0 });
    else {
      process.stderr.write(`${t(cliLang, 'cli.error')}${(e as Error).message}\n`);
      ws.close();
      lock.release();
      await vite?.close();
      return 1;
    }
  }
  // Listening for the stop signals before the address is printed: a caller that stops us as soon as it
  // reads the address must find the handlers in place. `on`, not `once`: a second Ctrl+C must not kill
  // us before the database is closed.
  const stopped = new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
  process.stdout.write(`Workbench: ${server.url}\n`);
  process.stderr.write(
    `${t(cliLang, 'cli.web.serving', { dataDir: ws.dataDir, mode: fresh ? 'out/renderer' : 'vite' })}\n`,
  );
  if (ws.damage)
    process.stderr.write(`${t(cliLang, 'cli.error')}${errorPayload(ws.damagedError(), cliLang).message}\n`);
  await stopped;
  await server.close();
  await vite?.close();
  ws.close();
  lock.release();
  return 0;
}

main().then((code) => {
  process.exitCode = code;
  if (code === 0) process.exit(0);
});
