import type { WhatIfResult, WhatIfSide } from '../../contract/appraisal';
import type { SchemeDefinition } from '../../contract/appraisal-scheme';
import type { ServiceContext } from '../context';
import { buildBasis } from './basis';
import { evaluatePerson, type Evaluation } from './evaluate';
import { requireAppraisal } from './appraisal-store';
import { schemeById } from './scheme';
import { validateScheme } from './scheme-rules';

interface PersonRow {
  id: number;
  employeeNo: string;
  name: string;
  team: string | null;
}

function side(def: SchemeDefinition, evals: Evaluation[]): WhatIfSide {
  const grades: Record<string, number> = Object.fromEntries(def.grades.map((g) => [g.grade, 0]));
  const outcomes: Record<string, number> = {};
  let bonusCost = 0;
  let deductions = 0;
  for (const e of evals) {
    if (e.grade) grades[e.grade] = (grades[e.grade] ?? 0) + 1;
    for (const o of e.outcomes) {
      outcomes[o.type] = (outcomes[o.type] ?? 0) + 1;
      if (o.type === 'bonus') bonusCost += o.amount ?? 0;
      if (o.type === 'deduction') deductions += o.amount ?? 0;
    }
  }
  return { bonusCost, deductions, grades, outcomes };
}

const bonusOf = (e: Evaluation) =>
  e.outcomes.filter((o) => o.type === 'bonus').reduce((s, o) => s + (o.amount ?? 0), 0);

/**
 * What-if (P6.2): evaluates the appraisal's people under a changed copy of the scheme (weights,
 * thresholds, bonus curve…) beside the current one, without saving anything: total bonus cost, grade
 * distribution and who changes grade or bonus.
 */
export function whatIf(ctx: ServiceContext, quarter: string, proposed: SchemeDefinition): WhatIfResult {
  const { db } = ctx;
  validateScheme(proposed);
  const appraisal = requireAppraisal(db, quarter);
  const current = schemeById(db, appraisal.schemeId).definition;
  const people = db
    .prepare(
      `SELECT s.id, s.employee_no AS employeeNo, s.name, t.name AS team FROM review_entries e JOIN staff s ON s.id = e.staff_id
       LEFT JOIN teams t ON t.id = s.team_id WHERE e.review_id = ? ORDER BY t.name, s.employee_no`,
    )
    .all(appraisal.id) as PersonRow[];
  const basis = buildBasis(
    db,
    quarter,
    appraisal.id,
    [current, proposed],
    people.map((p) => p.id),
  );
  const before: Evaluation[] = [];
  const after: Evaluation[] = [];
  const changes: WhatIfResult['changes'] = [];
  for (const p of people) {
    const b = basis.people.get(p.id)!;
    const x = evaluatePerson(current, b);
    const y = evaluatePerson(proposed, b);
    before.push(x);
    after.push(y);
    if (x.grade !== y.grade || bonusOf(x) !== bonusOf(y)) {
      changes.push({
        employeeNo: p.employeeNo,
        name: p.name,
        team: p.team,
        fromGrade: x.grade,
        toGrade: y.grade,
        fromTotal: x.total,
        toTotal: y.total,
        fromBonus: bonusOf(x),
        toBonus: bonusOf(y),
      });
    }
  }
  return { current: side(current, before), proposed: side(proposed, after), changes };
}
