import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSurveyResult } from '../../src-main/services/survey/import/import-survey';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * Issue #10 (P4.7, "never store a value that differs from what the user gave without saying so"): whatever
 * the table, every answer the survey import stores equals its cell, unless a table shown to the manager says
 * otherwise — the satisfaction words (word → 1–5, listed in the preview) or a code table the manager gave.
 * Nothing is dropped silently either: a stored row keeps every answer its cells hold.
 */
const PLACEHOLDER = ['(跳过)', '(空)', ''];
const CHOICE: (string | number)[] = [0, 1, 2, 3, 10, '1部', '2部', '4部及以上', 'A', 'B', '007', ...PLACEHOLDER];
const SCALE: (string | number)[] = [
  0,
  1,
  2,
  3,
  4,
  5,
  7,
  9,
  10,
  '满意',
  '非常满意',
  '一般',
  'Satisfied',
  'very dissatisfied',
  '(跳过)',
];
const MULTI: (string | number)[] = ['运动', '阅读┋影视', '影视┋运动┋购物', 'x;y', '阅读', 1, '(空)', ''];
const TEXT = fc.oneof(
  fc.constantFrom(...PLACEHOLDER),
  fc.integer({ min: 0, max: 99 }),
  fc.stringMatching(/^[a-z一-龥][a-z一-龥 ]{0,6}[a-z一-龥]$/),
);
const pools = {
  choice: fc.constantFrom(...CHOICE),
  scale: fc.constantFrom(...SCALE),
  multi: fc.constantFrom(...MULTI),
  text: TEXT,
};
type Kind = keyof typeof pools;

const norm = (v: string) => v.replace(/\s+/g, ' ').trim().toLowerCase();
const isNoAnswer = (v: string | number) => typeof v === 'string' && (v.trim() === '' || v === '(跳过)' || v === '(空)');

const table = fc
  .array(fc.constantFrom<Kind>('choice', 'scale', 'multi', 'text'), { minLength: 1, maxLength: 4 })
  .chain((kinds) =>
    fc.record({
      kinds: fc.constant(kinds),
      // a choice column draws from a few of the options, so that it repeats them and is read as a choice
      rows: fc
        .tuple(
          ...kinds.map((k) =>
            k === 'choice'
              ? fc.subarray(CHOICE, { minLength: 2, maxLength: 4 }).map((few) => fc.constantFrom(...few))
              : fc.constant(pools[k]),
          ),
        )
        .chain((cols) => fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), ...cols), { minLength: 1, maxLength: 16 })),
      // a code table the manager gave for the first column (sometimes)
      codes: fc.option(
        fc.dictionary(
          fc.constantFrom('0', '1', '2', '3'),
          fc.option(fc.constantFrom('一部', '两部', '三部'), { nil: null }),
          { minKeys: 1 },
        ),
        { nil: undefined },
      ),
    }),
  );

describe('survey import stores only what the cells say (property, issue #10)', () => {
  it('each stored answer equals its cell, a shown word score or a confirmed code', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ kinds, rows, codes }) => {
        const { ws, call } = tmpWorkspace();
        try {
          const file = path.join(tmpDir(), 'export.xlsx');
          const header = ['ID', ...kinds.map((_, i) => `Question ${String.fromCharCode(97 + i)}`)];
          const book = XLSX.utils.book_new();
          XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Sheet1');
          fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
          const columns = codes ? [{ column: 'B', codes }] : undefined;
          let r: ImportSurveyResult;
          try {
            r = await call('survey/import', { file: { path: file }, skipInvalid: true, columns });
          } catch (e) {
            // a table with no answer at all, or nothing importable: refused with a code, nothing written
            expect((e as { code?: string }).code).toMatch(/^survey\//);
            expect(ws.db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(0);
            return;
          }
          const bad = new Set(r.errors.map((e) => e.row));
          const kept = rows.map((row, i) => ({ row, r: i + 2 })).filter((x) => !bad.has(x.r));
          expect(r.rows.inserted).toBe(kept.length);
          const qs = r.questions.slice(1);
          const stored = ws.db
            .prepare(
              'SELECT r.id AS rid, q.code, a.value_num AS num, a.value_text AS text FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id WHERE r.survey_id = ? ORDER BY r.id',
            )
            .all(r.survey) as { rid: number; code: string; num: number | null; text: string | null }[];
          const ids = ws.db
            .prepare('SELECT id FROM survey_responses WHERE survey_id = ? ORDER BY id')
            .pluck()
            .all(r.survey) as number[];
          kept.forEach(({ row }, n) => {
            qs.forEach((q, k) => {
              const cell = row[k + 1];
              const got = stored.find((s) => s.rid === ids[n] && s.code === q.code);
              const decode = (v: string): string | null =>
                k === 0 && q.codes && Object.hasOwn(q.codes, v) ? q.codes[v] : v;
              const key = String(cell).trim();
              if (q.type === 'multi') {
                const parts = [
                  ...new Set(
                    key
                      .split(/┋|;/)
                      .map((x) => x.trim())
                      .filter(Boolean)
                      .map(decode),
                  ),
                ].filter((x): x is string => x !== null);
                if (isNoAnswer(cell) || !parts.length) return expect(got).toBeUndefined();
                return expect(got!.text!.split('\n').sort()).toEqual(parts.sort());
              }
              const expected = isNoAnswer(cell) ? null : decode(key);
              if (expected === null) return expect(got).toBeUndefined();
              expect(got, `${q.code} row ${n}`).toBeDefined();
              if (q.type === 'likert5' || q.type === 'nps' || q.type === 'ces7')
                expect(got!.num).toBe(/^\d+$/.test(expected) ? Number(expected) : q.wordMap[norm(expected)]);
              else expect(got!.text).toBe(expected);
            });
          });
        } finally {
          ws.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
