import type { DemoResult } from '../../contract/demo';
import type { BackupInfo, RestoreResult } from '../../contract/system';
import { t, type Lang } from '../../i18n/messages';
import { intOption, noPositionals, UsageError, type CliCommand } from '../command';

const fmt = (lang: Lang, n: number) => n.toLocaleString(lang);

const backupLine = (lang: Lang, b: BackupInfo) => `${b.name}  ${b.createdAt}  ${fmt(lang, Math.round(b.sizeBytes / 1024))} KB  ${t(lang, `cli.backup.reason.${b.reason}`)}`;

export const systemCommands: CliCommand[] = [
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
      const r = v as BackupInfo | RestoreResult;
      if ('restored' in r) return t(lang, 'cli.backup.restored', { name: r.restored, safety: r.safetyBackup?.name ?? r.damagedCopy });
      return t(lang, 'cli.backup.created', { file: r.file });
    },
  },
];
