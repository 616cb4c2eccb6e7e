import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src-main/db/workspace';
import { quarterRange, surveyResultsByPerson, surveyResultsForQuarter } from '../../src-main/services/survey/by-person';
import { seedPeople, seedSurvey, type SeedResponse } from '../support/survey-seed';
import { tmpDir } from '../support/workspace';

const QUESTIONS = [
  { code: 'q1', text: 'Overall', type: 'likert5' as const },
  { code: 'q2', text: 'Speed', type: 'likert5' as const },
  { code: 'nps', text: 'Recommend', type: 'nps' as const },
  { code: 'nps2', text: 'Recommend as employer', type: 'nps' as const },
];

describe('survey results per salesperson and quarter for the appraisal (P6.1, P4.7)', () => {
  it('quarterRange gives the first and last day of a quarter', () => {
    expect(quarterRange('2026Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange('2024Q1').to).toBe('2024-03-31');
    expect(quarterRange('2026Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(() => quarterRange('2026Q5')).toThrow('survey/bad-quarter');
  });

  it('counts responses, NPS, CSAT and mean satisfaction by hand for a small case', () => {
    const ws = new Workspace(tmpDir());
    seedPeople(ws.db, [
      { no: 'E001', name: 'Ann', team: 'East' },
      { no: 'E002', name: 'Bob', team: 'East' },
      { no: 'E003', name: 'Cy', team: 'West' },
    ]);
    seedSurvey(ws.db, { name: 'Q3', start: '2026-07-01', end: '2026-09-30' }, QUESTIONS, [
      { person: 'E001', submitted: '2026-07-05T10:00:00Z', answers: { q1: 5, q2: 4, nps: 10, nps2: 0 } },
      { person: 'E001', submitted: '2026-09-30', answers: { q1: 3, q2: 2, nps: 8 } },
      // no submission time: counts on the survey's end date, inside the quarter
      { person: 'E001', submitted: null, answers: { q1: 4, nps: 3 } },
      // outside the quarter
      { person: 'E001', submitted: '2026-10-01', answers: { q1: 1, nps: 0 } },
      { person: 'E002', submitted: '2026-08-01', answers: { nps: 9 } },
      // no salesperson: not attributed to anyone
      { person: null, submitted: '2026-08-01', answers: { q1: 1, nps: 0 } },
    ]);
    const rows = surveyResultsForQuarter(ws.db, '2026Q3');
    expect(rows.map((r) => r.employeeNo)).toEqual(['E001', 'E002']);
    const a = rows[0];
    // NPS uses the first NPS question only: 10 (promoter), 8 (passive), 3 (detractor) → 0
    expect(a).toMatchObject({
      name: 'Ann',
      responses: 3,
      npsN: 3,
      promoters: 1,
      passives: 1,
      detractors: 1,
      satisfactionN: 5,
      tooSmall: true,
    });
    expect(a.nps).toBeCloseTo(0, 10);
    // variance of +1/0/−1 scores = 2/3; SE = 100·√(2/3 / 3) = 47.14; 1.96·SE = 92.40
    expect(a.ci95![0]).toBeCloseTo(-92.4, 1);
    expect(a.ci95![1]).toBeCloseTo(92.4, 1);
    // likert answers 5, 4, 3, 2, 4: three of five are 4–5 → 60 %; mean 18/5
    expect(a.csat).toBeCloseTo(60, 10);
    expect(a.mean).toBeCloseTo(3.6, 10);
    const b = rows[1];
    expect(b).toMatchObject({ responses: 1, nps: 100, detractors: 0, csat: null, mean: null, satisfactionN: 0 });
    ws.close();
  });

  it('matches a straightforward per-response calculation on random data (property)', () => {
    const people = ['E1', 'E2', 'E3', 'E4'];
    const response = fc.record({
      person: fc.option(fc.constantFrom(...people), { nil: null }),
      day: fc.integer({ min: 0, max: 200 }),
      q1: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      q2: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 80 }), (list) => {
        const ws = new Workspace(tmpDir());
        seedPeople(
          ws.db,
          people.map((no) => ({ no, name: no, team: 'T' })),
        );
        const date = (d: number) => new Date(Date.UTC(2026, 5, 1) + d * 86400000).toISOString().slice(0, 10);
        const seeded: SeedResponse[] = list.map((r) => ({
          person: r.person,
          submitted: date(r.day),
          answers: { q1: r.q1, q2: r.q2, nps: r.nps },
        }));
        seedSurvey(ws.db, { name: 'R' }, QUESTIONS, seeded);
        const from = '2026-07-01';
        const to = '2026-09-30';
        const got = surveyResultsByPerson(ws.db, { from, to });
        for (const no of people) {
          const mine = list.filter((r) => r.person === no && date(r.day) >= from && date(r.day) <= to);
          const row = got.find((g) => g.employeeNo === no);
          if (!mine.length) {
            expect(row).toBeUndefined();
            continue;
          }
          const npsVals = mine.map((r) => r.nps).filter((v): v is number => v !== null);
          const likert = mine.flatMap((r) => [r.q1, r.q2]).filter((v): v is number => v !== null);
          const scores: number[] = npsVals.map((v) => (v >= 9 ? 1 : v <= 6 ? -1 : 0));
          expect(row!.responses).toBe(mine.length);
          expect(row!.npsN).toBe(npsVals.length);
          expect(row!.detractors).toBe(npsVals.filter((v) => v <= 6).length);
          if (npsVals.length)
            expect(row!.nps).toBeCloseTo((100 * scores.reduce((x, y) => x + y, 0)) / scores.length, 9);
          else expect(row!.nps).toBeNull();
          if (likert.length) {
            expect(row!.csat).toBeCloseTo((100 * likert.filter((v) => v >= 4).length) / likert.length, 9);
            expect(row!.mean).toBeCloseTo(likert.reduce((x, y) => x + y, 0) / likert.length, 9);
          } else expect(row!.csat).toBeNull();
        }
        ws.close();
      }),
      { numRuns: 25 },
    );
  });
});
