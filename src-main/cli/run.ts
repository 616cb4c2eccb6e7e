import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contract } from '../contract';
import type { FolderLock } from '../db/folder-lock';
import type { ErrorPayload } from '../contract/define';
import { WorkbenchError, isWorkbenchError } from '../contract/errors';
import type { Workspace } from '../db/workspace';
import { osLang, parseLang, t, type Lang } from '../i18n/messages';
import { refusalOf, renderAnswer, UsageError, type OptionSpec } from './command';
import { COMMANDS } from './commands';

/**
 * The database, the services and the log load only when a command runs: `--help` and a wrong option
 * answer without compiling them (issue 11 item 11).
 */
const loadEngine = () => import('./engine');

const GLOBAL: OptionSpec = {
  'data-dir': { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The command is the first word that is neither an option nor a global option's value. */
function findCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir' || a === '--lang') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * What the command line adds to a refusal that the services word for every door: the option that fixes
 * it (a missing column is named with --map here, chosen from a list in the wizard).
 */
function cliHint(error: ErrorPayload, lang: Lang): string {
  const key = `cli.errorHint.${error.code}`;
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  const hint = t(lang, key, { ...error.details, keys: Array.isArray(missing) ? missing.join(', ') : '' });
  return hint === key ? '' : `\n${hint}`;
}

function helpText(lang: Lang): string {
  // The usages are long: each stands on its own line, its description indented below it.
  const lines = COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${t(lang, c.summary)}`]);
  return [t(lang, 'cli.help.title'), '', ...lines, '', t(lang, 'cli.help.globals')].join('\n');
}

/** Runs one command line; returns the exit status (0 done, 1 refused input, 2 wrong usage). */
export async function runCli(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langArg =
    langAt < 0 ? undefined : argv[langAt].startsWith('--lang=') ? argv[langAt].slice(7) : argv[langAt + 1];
  let lang: Lang = parseLang(langArg) ?? osLang();
  const json = argv.includes('--json');
  let dataDir: string | undefined;
  const fail = (status: number, message: string, code: string, details?: Record<string, unknown>) => {
    io.err.write(`${message}\n`);
    // --json keeps the refusal's structured details (a missing column's field keys and the sheet's headers).
    if (json)
      io.out.write(`${JSON.stringify({ ok: false, error: { code, message, ...(details ? { details } : {}) } })}\n`);
    return status;
  };
  try {
    if (langArg !== undefined && !parseLang(langArg))
      throw new UsageError('cli.usage.bad-choice', { option: '--lang', value: langArg, choices: 'zh-CN, en' });
    const name = findCommand(argv);
    if (!name || argv.includes('--help') || argv.includes('-h')) {
      io.out.write(`${helpText(lang)}\n`);
      return name || argv.includes('--help') || argv.includes('-h') ? 0 : 2;
    }
    const cmd = COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
    if (!cmd) throw new UsageError('cli.usage.unknown-command', { command: name });
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { ...GLOBAL, ...cmd.options }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError('cli.usage.bad-option', { detail: (e as Error).message, usage: cmd.usage });
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    lang = parseLang(values.lang) ?? lang;
    const positionals = parsed.positionals.slice(parsed.positionals.indexOf(name) + 1);
    const { op, input } = cmd.build(values, positionals, name);
    const { DB_FILE, RESTORE_TEMP_SUFFIX, Workspace, dispatch, lockFolder, removeLeftovers, resolveDataDir } =
      await loadEngine();
    dataDir = resolveDataDir(values['data-dir'] as string | undefined);
    // A command that writes owns the data folder while it runs (issue 17, items 5 and 6): a second one
    // waits for it, and an open window or browser mode makes it refuse instead of writing under them.
    let lock: FolderLock | undefined;
    if (contract[op].mutates) {
      try {
        fs.mkdirSync(dataDir, { recursive: true });
      } catch (e) {
        throw new WorkbenchError('db/data-dir-unwritable', { dir: dataDir, reason: (e as Error).message });
      }
      lock = await lockFolder(dataDir, 'cli', {
        onWait: (owner) => io.err.write(`${t(lang, 'cli.waitingForLock', { pid: owner.pid })}\n`),
      });
      removeLeftovers(dataDir, path.join(dataDir, `${DB_FILE}${RESTORE_TEMP_SUFFIX}`));
    }
    let ws: Workspace;
    try {
      // Every page is checked before a write; a command that only reads checks the header (damage.ts).
      ws = new Workspace(dataDir, { check: contract[op].mutates ? 'full' : 'header' });
    } catch (e) {
      lock?.release();
      throw e;
    }
    try {
      const showProgress = Boolean(io.err.isTTY);
      const result = await dispatch(ws, op, input, {
        lang,
        progress: showProgress
          ? (done, total, phase) =>
              io.err.write(`\r${t(lang, phase)} ${done.toLocaleString(lang)}/${total.toLocaleString(lang)}   `)
          : undefined,
      });
      if (showProgress) io.err.write('\r\x1b[K');
      if (!result.ok)
        return fail(
          1,
          `${t(lang, 'cli.error')}${result.error.message} (${result.error.code})${cliHint(result.error, lang)}`,
          result.error.code,
          result.error.details,
        );
      io.out.write(json ? `${JSON.stringify(result.value)}\n` : `${renderAnswer(cmd, op, result.value, lang)}\n`);
      const refusal = refusalOf(cmd, op, result.value, lang);
      if (refusal) io.err.write(`${t(lang, 'cli.error')}${refusal}\n`);
      return refusal ? 1 : 0;
    } finally {
      ws.close();
      lock?.release();
    }
  } catch (e) {
    if (e instanceof UsageError)
      return fail(2, `${t(lang, e.key, e.params)}\n${t(lang, 'cli.help.more')}`, 'cli/usage');
    const { errorPayload, logInternalError } = await loadEngine();
    if (isWorkbenchError(e)) {
      const p = errorPayload(e as WorkbenchError, lang);
      return fail(1, `${t(lang, 'cli.error')}${p.message} (${p.code})`, p.code);
    }
    const { log, ref } = logInternalError(dataDir, 'cli', e);
    return fail(1, `${t(lang, 'cli.error')}${t(lang, 'errors.internal-logged', { log, ref })} (internal)`, 'internal');
  }
}
