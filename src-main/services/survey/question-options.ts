import { DEFAULT_LIKERT_LABELS, type QuestionOptions, type QuestionType } from '../../contract/survey';

/** The value range of each scored type. */
export const SCALE: Partial<Record<QuestionType, { min: number; max: number }>> = {
  likert5: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces7: { min: 1, max: 7 },
};

/**
 * Reads a question's stored options. Besides this module's own shape, it accepts the older shapes written
 * by the demo: a bare array (likert5: Chinese labels; choice: the options) and {min, max} for scales.
 */
export function parseOptions(type: QuestionType, raw: string | null): QuestionOptions {
  let v: unknown = null;
  try {
    v = raw ? JSON.parse(raw) : null;
  } catch {
    v = null;
  }
  const strings = (a: unknown): string[] | undefined =>
    Array.isArray(a) && a.every((x) => typeof x === 'string') ? (a as string[]) : undefined;
  if (type === 'likert5') {
    const arr = strings(v);
    const given = !arr && v && typeof v === 'object' ? (v as QuestionOptions).labels : undefined;
    return {
      labels: {
        'zh-CN':
          given?.['zh-CN']?.length === 5 ? given['zh-CN'] : arr?.length === 5 ? arr : DEFAULT_LIKERT_LABELS['zh-CN'],
        en: given?.en?.length === 5 ? given.en : DEFAULT_LIKERT_LABELS.en,
      },
    };
  }
  if (type === 'choice' || type === 'multi') {
    const choices = strings(v) ?? strings((v as QuestionOptions | null)?.choices) ?? [];
    return { choices };
  }
  return {};
}

/** What is stored for a question's options (null when the type has none). */
export function storeOptions(type: QuestionType, o: QuestionOptions): string | null {
  if (type === 'likert5') return JSON.stringify({ labels: o.labels ?? DEFAULT_LIKERT_LABELS });
  if (type === 'choice' || type === 'multi') return JSON.stringify({ choices: o.choices ?? [] });
  return null;
}

/** Multiple answers are stored as option texts joined by a line break and as a bit mask of option indexes. */
export const MULTI_SEPARATOR = '\n';
export function multiMask(indexes: number[]): number {
  return indexes.reduce((m, i) => m + 2 ** i, 0);
}
export function maskIndexes(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0, m = mask; m > 0; i++, m = Math.floor(m / 2)) if (m % 2 === 1) out.push(i);
  return out;
}
