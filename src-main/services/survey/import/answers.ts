import { displayValue, type CellValue } from '../../../excel/cell';
import { WorkbenchError } from '../../../contract/errors';
import type { SurveyQuestion } from '../../../contract/survey';
import { choiceIndex, type AnswerValue, type StoredAnswer } from '../responses';
import { isNoAnswer, naturalOrder, type ColumnPlan } from './columns';
import type { SurveySheet } from './layouts';
import { normaliseWord } from './satisfaction-words';

/**
 * Reads one answer from its cells the way the file has it (issue #10 items 1 and 13, P4.7). A value is
 * changed only by a table the manager sees: the satisfaction words (word → 1–5), the sub-headers of a
 * one-column-per-option question (1/0 → that option) and a confirmed code table (code → option).
 */
interface ReadAnswer {
  value: AnswerValue;
  /** The answer as the file shows it: the cell's text, or the ticked options of an option-per-column question. */
  shown: string | null;
}

const text = (c: CellValue): string => displayValue(c).trim();

/** The key of a code in a code table: '3', 3 and '3.0' are the same code. */
export function codeKey(v: string): string {
  return /^-?\d+(\.0+)?$/.test(v) ? String(Number(v)) : v.trim();
}

export function readAnswer(
  p: ColumnPlan,
  q: SurveyQuestion,
  cells: CellValue[],
  sep: RegExp,
  optionColumns: boolean,
): ReadAnswer {
  if (optionColumns) {
    const picked: string[] = [];
    p.indexes.forEach((i, k) => {
      const c = cells[i] ?? null;
      if (isNoAnswer(c)) return;
      const t = text(c);
      const option = p.choices[k];
      // 问卷星's coded export ticks with 1 and 0; SurveyMonkey repeats the option's own text
      if (t === '0') return;
      if (t === '1' || normaliseWord(t) === normaliseWord(option)) picked.push(option);
      else
        throw new WorkbenchError('survey/bad-answer', {
          question: q.text,
          value: `${option}: ${t}`,
          expected: `0 / 1 / ${option}`,
        });
    });
    return { value: picked, shown: picked.length ? picked.join('┋') : null };
  }
  const c = cells[p.indexes[0]] ?? null;
  if (isNoAnswer(c)) return { value: null, shown: null };
  const shown = text(c);
  let value: AnswerValue = typeof c === 'number' ? c : shown;
  if (p.codes) {
    const codes = p.codes;
    const decode = (v: string): string | null => (Object.hasOwn(codes, codeKey(v)) ? codes[codeKey(v)] : v);
    if (q.type === 'multi')
      value = shown
        .split(sep)
        .map((s) => s.trim())
        .filter(Boolean)
        .map(decode)
        .filter((s): s is string => s !== null);
    else if (Object.hasOwn(codes, codeKey(shown))) value = codes[codeKey(shown)];
  }
  if (typeof value === 'string' && q.type === 'likert5' && p.wordMap[normaliseWord(value)] !== undefined)
    value = p.wordMap[normaliseWord(value)];
  if (typeof value === 'string' && q.type === 'multi')
    value = value
      .split(sep)
      .map((s) => s.trim())
      .filter(Boolean);
  return { value, shown };
}

/** What is stored, written as text, when it reads differently from the file's cell (a word's score, a code's option). */
export function storedReading(s: StoredAnswer, shown: string | null, sep: RegExp): string | null {
  const stored = s.text ?? (s.num === null ? null : String(s.num));
  if (stored === null || shown === null) return stored === shown ? null : stored;
  const a = stored
    .split('\n')
    .map((x) => x.trim())
    .sort();
  const b = shown
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean)
    .sort();
  return a.join('\n') === b.join('\n') || Number(stored) === Number(shown) ? null : stored.split('\n').join('┋');
}

/** The options a column's answers name, in natural order: for a question the manager retypes as a choice. */
export function choicesOf(sheet: SurveySheet, p: ColumnPlan, sep: RegExp): string[] {
  const all = new Set<string>();
  for (const r of sheet.rows) {
    const c = r.cells[p.indexes[0]] ?? null;
    if (isNoAnswer(c)) continue;
    const parts = p.type === 'multi' ? text(c).split(sep) : [text(c)];
    for (const v of parts.map((x) => x.trim()).filter(Boolean)) {
      const coded = p.codes && Object.hasOwn(p.codes, codeKey(v)) ? p.codes[codeKey(v)] : v;
      if (coded !== null) all.add(coded);
    }
  }
  const fromCodes = p.codes
    ? Object.entries(p.codes)
        .sort(([a], [b]) => naturalOrder(a, b))
        .map(([, l]) => l)
        .filter((l): l is string => l !== null)
    : [];
  // a code table lists its options in the questionnaire's order; the rest follow in natural order
  return [...new Set([...fromCodes, ...[...all].sort(naturalOrder)])];
}

/**
 * Importing into an existing survey whose options are numbered (问卷星's "按序号" export): a cell k may be
 * the k-th option of the questionnaire. Only proposed, never applied, until the manager confirms it.
 */
export function suggestCodes(
  sheet: SurveySheet,
  p: ColumnPlan,
  q: SurveyQuestion,
  sep: RegExp,
): Record<string, string | null> | null {
  const choices = q.options.choices ?? [];
  if ((q.type !== 'choice' && q.type !== 'multi') || !choices.length || p.codes || p.indexes.length > 1) return null;
  const out: Record<string, string | null> = {};
  for (const r of sheet.rows) {
    const c = r.cells[p.indexes[0]] ?? null;
    if (isNoAnswer(c)) continue;
    for (const v of (q.type === 'multi' ? text(c).split(sep) : [text(c)]).map((x) => x.trim()).filter(Boolean)) {
      if (choiceIndex(choices, v) >= 0) continue;
      const k = Number(v);
      // 0, the usual "no answer" code, is proposed as no answer
      if (!Number.isInteger(k) || k < 0 || k > choices.length) return null;
      out[codeKey(v)] = k === 0 ? null : choices[k - 1];
    }
  }
  return Object.keys(out).length ? out : null;
}
