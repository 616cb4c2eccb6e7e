import type { ParseArgsConfig } from 'node:util';
import type { Input, OpName, Output } from '../contract';
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

/** One contract operation and its input, typed by the contract, as a command builds it from the arguments. */
export type Call<K extends OpName = OpName> = { [P in K]: { op: P; input: Input<P> } }[K];

/** A call of one operation, its input checked against the contract's input type. */
export const call = <P extends OpName>(op: P, input: Input<P>): Call<P> => ({ op, input }) as Call<P>;

/** The human output of each operation a command calls, each typed by the contract's output of that operation. */
type Renderers<K extends OpName> = { [P in K]: (value: Output<P>, lang: Lang) => string };

interface CliCommand<K extends OpName = OpName> {
  name: string;
  /** Other names the command answers to (`review`, the name cli.md gives the appraisal's commands). */
  aliases?: string[];
  /** i18n key of the one-line description. */
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Turns the parsed arguments into one contract operation; the contract's schema then checks the input. */
  build(values: Values, positionals: string[], invokedAs: string): Call<K>;
  /** Human-readable output (without --json), by the operation that was called. */
  render: Renderers<K>;
  /** A done operation whose answer still means "refused" (an import with invalid rows): the message; exit status 1. */
  refused?: { [P in K]?: (value: Output<P>, lang: Lang) => string | undefined };
}

/** A command as the runner holds it, whatever operations it calls. */
export interface AnyCommand extends Omit<CliCommand, 'render' | 'refused'> {
  render: { readonly [P in OpName]?: (value: never, lang: Lang) => string };
  refused?: { readonly [P in OpName]?: (value: never, lang: Lang) => string | undefined };
}

/**
 * Declares a command: the operations it may call are inferred from `build`, and `render` must give the
 * output of each of them. (A generic union of calls is not assignable to the list's type, though each
 * concrete one is; hence the one cast here.)
 */
export function command<K extends OpName>(c: CliCommand<K>): AnyCommand {
  return c as unknown as AnyCommand;
}

/** A string option's value, or undefined when it was not given. */
export function textOption(values: Values, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/**
 * An option whose value is one of a contract enum's options (`z.enum(…).options`): anything else is wrong
 * usage, and the message lists the contract's own choices.
 */
export function choiceOption<T extends string>(values: Values, name: string, choices: readonly T[]): T | undefined {
  const raw = textOption(values, name);
  return raw === undefined ? undefined : oneOf(name, raw, choices);
}

/** The value of `--name` when it is one of the contract's choices; otherwise wrong usage listing them. */
export function oneOf<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError('cli.usage.bad-choice', { option: `--${name}`, value, choices: choices.join(', ') });
  return value as T;
}

export function intOption(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw.trim()))
    throw new UsageError('cli.usage.not-an-integer', { option: `--${name}`, value: raw });
  return Number(raw);
}

export function noPositionals(cmd: string, positionals: string[]): void {
  if (positionals.length)
    throw new UsageError('cli.usage.unexpected-argument', { command: cmd, value: positionals[0] });
}

/** The human output of an answer: `value` is what dispatch returned for `op`, so it is the contract's Output<op>. */
export function renderAnswer(cmd: AnyCommand, op: OpName, value: unknown, lang: Lang): string {
  const render = cmd.render[op] as ((v: unknown, l: Lang) => string) | undefined;
  return render ? render(value, lang) : JSON.stringify(value, null, 2);
}

/** The refusal an answer still carries (see `refused`), if any. */
export function refusalOf(cmd: AnyCommand, op: OpName, value: unknown, lang: Lang): string | undefined {
  const refused = cmd.refused?.[op] as ((v: unknown, l: Lang) => string | undefined) | undefined;
  return refused?.(value, lang);
}
