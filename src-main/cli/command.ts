import type { ParseArgsConfig } from 'node:util';
import type { OpName } from '../contract';
import type { Lang } from '../i18n/messages';

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
  /** A done operation whose answer still means "refused" (an import with invalid rows): the message; exit status 1. */
  refused?(value: unknown, lang: Lang): string | undefined;
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
