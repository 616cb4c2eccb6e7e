import {
  CRITERIA,
  EDUCATION,
  type Criteria,
  type CriterionKey,
  type Profile,
  type ScreeningResult,
  type Verdict,
} from '../../contract/recruit';

const norm = (s: string) => s.trim().toLowerCase();
const list = (xs: string[] | undefined) => (xs ?? []).map(norm);

const rangeText = (min: number | null, max: number | null) =>
  min === null ? `≤ ${max}` : max === null ? `≥ ${min}` : `${min}–${max}`;

/** One of the plan's words matches the candidate's (either contains the other: "B2B销售" meets "B2B"). */
const matches = (given: string, wanted: string[]) =>
  wanted.some((w) => norm(given).includes(w) || w.includes(norm(given)));

function judge(
  key: CriterionKey,
  c: Criteria,
  p: Profile,
): { required: string; given: string | null; verdict: Verdict } | null {
  switch (key) {
    case 'education': {
      if (!c.education) return null;
      const given = p.education ?? null;
      return {
        required: c.education,
        given,
        verdict:
          given === null ? 'unknown' : EDUCATION.indexOf(given) >= EDUCATION.indexOf(c.education) ? 'met' : 'not-met',
      };
    }
    case 'minYears': {
      if (c.minYears === undefined) return null;
      const given = p.years ?? null;
      if (given === null && p.yearsRange) {
        // a range settles the criterion only when all of it is on one side: "3-5年" meets 3 and fails 6,
        // but against 4 it is unknown (the manager asks); "10年以上" meets any minimum up to 10
        const { min, max } = p.yearsRange;
        const verdict =
          min !== null && min >= c.minYears ? 'met' : max !== null && max < c.minYears ? 'not-met' : 'unknown';
        return { required: String(c.minYears), given: p.yearsText ?? rangeText(min, max), verdict };
      }
      return {
        required: String(c.minYears),
        given: given === null ? (p.yearsText ?? null) : String(given),
        verdict: given === null ? 'unknown' : given >= c.minYears ? 'met' : 'not-met',
      };
    }
    case 'experienceKinds':
    case 'industries':
    case 'locations': {
      const wanted = list(c[key]);
      if (wanted.length === 0) return null;
      const field = key === 'experienceKinds' ? 'experienceKind' : key === 'industries' ? 'industry' : 'location';
      const given = p[field] ?? null;
      return {
        required: (c[key] ?? []).join(', '),
        given,
        verdict: given === null ? 'unknown' : matches(given, wanted) ? 'met' : 'not-met',
      };
    }
    case 'skills':
    case 'languages': {
      const wanted = list(c[key]);
      if (wanted.length === 0) return null;
      const given = p[key] ?? [];
      if (given.length === 0) return { required: (c[key] ?? []).join(', '), given: null, verdict: 'unknown' };
      // every skill the plan asks for must appear among the candidate's
      const ok = wanted.every((w) => given.some((g) => matches(g, [w])));
      return { required: (c[key] ?? []).join(', '), given: given.join(', '), verdict: ok ? 'met' : 'not-met' };
    }
  }
}

/**
 * P5.2: the candidate against each of the plan's criteria — met, not met, or unknown when the résumé
 * does not say. The score is the share of criteria met; the suggestion is pass when all are met,
 * reject when any is not met, hold when something is unknown. The manager decides.
 */
export function screen(criteria: Criteria, profile: Profile): ScreeningResult {
  const items = CRITERIA.flatMap((key) => {
    const j = judge(key, criteria, profile);
    return j ? [{ criterion: key, ...j }] : [];
  });
  const met = items.filter((i) => i.verdict === 'met').length;
  const score = items.length === 0 ? null : Math.round((met / items.length) * 1000) / 10;
  const suggested = items.some((i) => i.verdict === 'not-met')
    ? 'reject'
    : items.some((i) => i.verdict === 'unknown')
      ? 'hold'
      : 'pass';
  return { items, score, suggested };
}
