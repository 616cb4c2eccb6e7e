import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { displayValue, type CellValue } from '../../../excel/cell';
import type { StoredAnswer } from '../responses';

/**
 * Who answered (issue #10 item 7, P4.7). A respondent's number is not unique: two exports pasted together
 * restart their numbering, so a repeated number with other answers is another respondent. Only a row
 * identical to an earlier one is a duplicate; a response already in the survey is recognised by its
 * number and its answers, so that importing the same file twice inserts nothing.
 */
interface Respondents {
  /** The row this one repeats cell for cell, if any. */
  sameAs(cells: CellValue[]): number | undefined;
  /** The earlier row with the same number (and other answers), if any. */
  numberSeenAt(idText: string): number | undefined;
  /** Remembers a row of the file. */
  note(row: number, idText: string, cells: CellValue[]): void;
  /** Whether the survey already holds this response (same number, same answers). */
  known(idText: string, cells: CellValue[], content: string): boolean;
  /** A key unused in the survey and in this file, for a new response. */
  keyFor(idText: string, cells: CellValue[]): string;
}

const rowText = (cells: CellValue[]) => JSON.stringify(cells.map((c) => displayValue(c ?? null).trim()));
const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 20);

/** A response's content as compared with the survey's: customer, date and every stored answer by question. */
export function contentOf(
  customerId: number | null,
  submitted: string | null,
  answers: [number, StoredAnswer][],
): string {
  return JSON.stringify([
    customerId,
    submitted,
    answers.map(([q, s]) => [q, s.num, s.text]).sort((a, b) => (a[0] as number) - (b[0] as number)),
  ]);
}

export function respondents(db: Database, surveyId: number | undefined, layout: string): Respondents {
  const usedKeys = new Set<string>();
  // key without its "~n" ending → contents already stored under it
  const stored = new Map<string, Set<string>>();
  if (surveyId !== undefined) {
    const rows = db
      .prepare(
        `SELECT r.id, r.respondent_key AS k, r.customer_id AS c, r.submitted_at AS s, a.question_id AS q, a.value_num AS n, a.value_text AS t
         FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id WHERE r.survey_id = ? AND r.respondent_key IS NOT NULL ORDER BY r.id`,
      )
      .all(surveyId) as {
      id: number;
      k: string;
      c: number | null;
      s: string | null;
      q: number | null;
      n: number | null;
      t: string | null;
    }[];
    const byId = new Map<number, { k: string; c: number | null; s: string | null; a: [number, StoredAnswer][] }>();
    for (const r of rows) {
      let e = byId.get(r.id);
      if (!e) byId.set(r.id, (e = { k: r.k, c: r.c, s: r.s, a: [] }));
      if (r.q !== null) e.a.push([r.q, { num: r.n, text: r.t }]);
    }
    for (const e of byId.values()) {
      usedKeys.add(e.k);
      const base = e.k.replace(/~\d+$/, '');
      if (!stored.has(base)) stored.set(base, new Set());
      stored.get(base)!.add(contentOf(e.c, e.s, e.a));
    }
  }
  const rowsSeen = new Map<string, number>();
  const numbersSeen = new Map<string, number>();
  const base = (idText: string, cells: CellValue[]) => (idText ? `${layout}:${idText}` : `h:${hash(rowText(cells))}`);
  return {
    sameAs: (cells) => rowsSeen.get(rowText(cells)),
    numberSeenAt: (idText) => (idText ? numbersSeen.get(idText) : undefined),
    note(row, idText, cells) {
      const k = rowText(cells);
      if (!rowsSeen.has(k)) rowsSeen.set(k, row);
      if (idText && !numbersSeen.has(idText)) numbersSeen.set(idText, row);
    },
    known: (idText, cells, content) => stored.get(base(idText, cells))?.has(content) ?? false,
    keyFor(idText, cells) {
      const b = base(idText, cells);
      let key = b;
      for (let n = 2; usedKeys.has(key); n++) key = `${b}~${n}`;
      usedKeys.add(key);
      return key;
    },
  };
}
