import type { ParseArgsConfig } from 'node:util';
import type { OpName } from '../contract';
import type { BackupInfo } from '../contract/system';
import type { DemoResult } from '../contract/demo';
import { t, type Lang } from '../i18n/messages';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | undefined>;

/** Wrong usage of the command line (exit status 2). */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

export interface CliCommand {
  name: string;
  /** i18n key of the one-line description. */
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Turns the parsed arguments into one contract operation. */
  build(values: Values, positionals: string[]): { op: OpName; input: Record<string, unknown> };
  /** Human-readable output (without --json). */
  render(value: unknown, lang: Lang): string;
}

export function intOption(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw.trim())) throw new UsageError('cli.usage.not-an-integer', { option: `--${name}`, value: raw });
  return Number(raw);
}

export function noPositionals(cmd: string, positionals: string[]): void {
  if (positionals.length) throw new UsageError('cli.usage.unexpected-argument', { command: cmd, value: positionals[0] });
}

const fmt = (lang: Lang, n: number) => n.toLocaleString(lang);

const backupLine = (lang: Lang, b: BackupInfo) => `${b.name}  ${b.createdAt}  ${fmt(lang, Math.round(b.sizeBytes / 1024))} KB  ${t(lang, `cli.backup.reason.${b.reason}`)}`;

export const COMMANDS: CliCommand[] = [
  {
    name: 'init',
    summary: 'cli.help.init',
    usage: 'init',
    options: {},
    build: (_v, pos) => (noPositionals('init', pos), { op: 'system/init', input: {} }),
    render: (v, lang) => {
      const r = v as { database: string; schemaVersion: number };
      return t(lang, 'cli.init.done', { database: r.database, version: r.schemaVersion });
    },
  },
  {
    name: 'demo',
    summary: 'cli.help.demo',
    usage: 'demo [--size small|large] [--seed N] [--today YYYY-MM-DD]',
    options: { size: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } },
    build(values, pos) {
      noPositionals('demo', pos);
      const size = values.size ?? 'small';
      if (size !== 'small' && size !== 'large') throw new UsageError('cli.usage.bad-choice', { option: '--size', value: size, choices: 'small, large' });
      const input: Record<string, unknown> = { size };
      const seed = intOption(values, 'seed');
      if (seed !== undefined) input.seed = seed;
      if (values.today !== undefined) input.today = values.today;
      return { op: 'demo/create', input };
    },
    render: (v, lang) => {
      const r = v as DemoResult;
      return t(lang, 'cli.demo.done', {
        teams: fmt(lang, r.teams),
        staff: fmt(lang, r.staff),
        customers: fmt(lang, r.customers),
        products: fmt(lang, r.products),
        orders: fmt(lang, r.orders),
        answers: fmt(lang, r.surveyResponses),
        quarter: r.reviewQuarter,
        year: r.targetYear,
      });
    },
  },
  {
    name: 'backup',
    summary: 'cli.help.backup',
    usage: 'backup create | backup list | backup restore NAME',
    options: {},
    build(_values, pos) {
      const [sub, name, ...rest] = pos;
      if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: 'backup', value: rest[0] });
      if (sub === 'create' && !name) return { op: 'backup/create', input: {} };
      if (sub === 'list' && !name) return { op: 'backup/list', input: {} };
      if (sub === 'restore' && name) return { op: 'backup/restore', input: { name } };
      throw new UsageError('cli.usage.backup');
    },
    render(v, lang) {
      if (Array.isArray(v)) return v.length ? v.map((b: BackupInfo) => backupLine(lang, b)).join('\n') : t(lang, 'cli.backup.none');
      const r = v as BackupInfo | { restored: string; safetyBackup: BackupInfo };
      if ('restored' in r) return t(lang, 'cli.backup.restored', { name: r.restored, safety: r.safetyBackup.name });
      return t(lang, 'cli.backup.created', { file: r.file });
    },
  },
];
