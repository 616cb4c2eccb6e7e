import type { Input } from '../../contract';
import { demoOps } from '../../contract/demo';
import type { BackupInfo } from '../../contract/system';
import { t, type Lang } from '../../i18n/messages';
import { call, choiceOption, command, intOption, noPositionals, textOption, UsageError } from '../command';

const fmt = (lang: Lang, n: number) => n.toLocaleString(lang);

const backupLine = (lang: Lang, b: BackupInfo) =>
  `${b.name}  ${b.createdAt}  ${fmt(lang, Math.round(b.sizeBytes / 1024))} KB  ${t(lang, `cli.backup.reason.${b.reason}`)}`;

export const systemCommands = [
  command({
    name: 'init',
    summary: 'cli.help.init',
    usage: 'init',
    options: {},
    build: (_v, pos) => (noPositionals('init', pos), call('system/init', {})),
    render: {
      'system/init': (r, lang) => t(lang, 'cli.init.done', { database: r.database, version: r.schemaVersion }),
    },
  }),
  command({
    name: 'demo',
    summary: 'cli.help.demo',
    usage: 'demo [--size small|large] [--seed N] [--today YYYY-MM-DD]',
    options: { size: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } },
    build(values, pos) {
      noPositionals('demo', pos);
      const size = choiceOption(values, 'size', demoOps['demo/create'].input.shape.size.unwrap().options) ?? 'small';
      const input: Input<'demo/create'> = { size };
      const seed = intOption(values, 'seed');
      if (seed !== undefined) input.seed = seed;
      const today = textOption(values, 'today');
      if (today !== undefined) input.today = today;
      return call('demo/create', input);
    },
    render: {
      'demo/create': (r, lang) =>
        t(lang, 'cli.demo.done', {
          teams: fmt(lang, r.teams),
          staff: fmt(lang, r.staff),
          customers: fmt(lang, r.customers),
          products: fmt(lang, r.products),
          orders: fmt(lang, r.orders),
          answers: fmt(lang, r.surveyResponses),
          quarter: r.reviewQuarter,
          year: r.targetYear,
        }),
    },
  }),
  command({
    name: 'backup',
    summary: 'cli.help.backup',
    usage: 'backup create | backup list | backup restore NAME',
    options: {},
    build(_values, pos) {
      const [sub, name, ...rest] = pos;
      if (rest.length) throw new UsageError('cli.usage.unexpected-argument', { command: 'backup', value: rest[0] });
      if (sub === 'create' && !name) return call('backup/create', {});
      if (sub === 'list' && !name) return call('backup/list', {});
      if (sub === 'restore' && name) return call('backup/restore', { name });
      throw new UsageError('cli.usage.backup');
    },
    render: {
      'backup/list': (list, lang) =>
        list.length ? list.map((b) => backupLine(lang, b)).join('\n') : t(lang, 'cli.backup.none'),
      'backup/restore': (r, lang) =>
        t(lang, 'cli.backup.restored', { name: r.restored, safety: r.safetyBackup?.name ?? r.damagedCopy }),
      'backup/create': (b, lang) => t(lang, 'cli.backup.created', { file: b.file }),
    },
  }),
];
