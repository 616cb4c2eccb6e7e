import { describe, expect, it } from 'vitest';
import type { AppraisalComputed, AppraisalPerson, AppraisalShow } from '../../src-main/contract/appraisal';
import { computedShow } from '../../src-renderer/pages/appraisals/computedShow';

// Issue 12 item 12: the window brings its copy of the appraisal up to date from what a recompute answers
// (the changed people only) instead of moving all of them again; when it cannot, it fetches it again.
const person = (no: string, total: number): AppraisalPerson => ({
  staffId: Number(no.slice(1)),
  employeeNo: no,
  name: no,
  team: null,
  title: null,
  kpis: { completion: { value: total, score: total } },
  total,
  originalTotal: total,
  adjustment: null,
  grade: total >= 90 ? 'S' : 'B',
  complete: true,
  outcomes: [],
  feedback: null,
  selfAssessment: null,
});
const summary = (people: AppraisalPerson[]): AppraisalShow['summary'] => ({
  people: people.length,
  missingRatings: 0,
  bonusCost: 0,
  deductions: 0,
  grades: { S: people.filter((p) => p.grade === 'S').length, B: people.filter((p) => p.grade === 'B').length },
  proposedOutcomes: 0,
});
const scheme: AppraisalShow['scheme'] = { version: 1, kpis: [], grades: [] };
const shown = (people: AppraisalPerson[], computedAt = 't1'): AppraisalShow => ({
  quarter: '2026Q3',
  status: 'draft',
  computedAt,
  scheme,
  people,
  summary: summary(people),
});
const answer = (all: AppraisalPerson[], changed: AppraisalPerson[], removed: string[] = []): AppraisalComputed => ({
  quarter: '2026Q3',
  status: 'rated',
  computedAt: 't2',
  previousComputedAt: 't1',
  scheme,
  summary: summary(all),
  changed,
  removed,
});

describe('the appraisal in the window after a recompute (renderer/pages/appraisals/computedShow.ts)', () => {
  const [a, b, c] = [person('S1', 95), person('S2', 70), person('S3', 80)];

  it('nothing changed: the same people, the new status, time and summary', () => {
    const old = shown([a, b, c]);
    const next = computedShow(old, answer([a, b, c], []))!;
    expect(next.people).toBe(old.people);
    expect(next).toMatchObject({ status: 'rated', computedAt: 't2' });
  });

  it('a changed person replaces theirs; the others keep their objects; one removed goes', () => {
    const c2 = person('S3', 92);
    const next = computedShow(shown([a, b, c]), answer([a, c2], [c2], ['S2']))!;
    expect(next.people).toEqual([a, c2]);
    expect(next.people[0]).toBe(a);
    expect(next.summary.grades).toEqual({ S: 2, B: 0 });
  });

  it('everyone changed: the answer is the whole appraisal, with or without a copy before', () => {
    const all = [person('S1', 50), person('S2', 60)];
    expect(computedShow(undefined, { ...answer(all, all), previousComputedAt: null })!.people).toEqual(all);
  });

  it('someone new, no copy, or a copy from another computation: fetched again', () => {
    const d = person('S4', 88);
    expect(computedShow(shown([a, b]), answer([a, b, d], [d]))).toBeUndefined();
    expect(computedShow(undefined, answer([a, b, c], [c]))).toBeUndefined();
    expect(computedShow(shown([a, b, c], 't0'), answer([a, b, c], []))).toBeUndefined();
  });
});
