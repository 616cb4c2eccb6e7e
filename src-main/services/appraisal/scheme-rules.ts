import { WorkbenchError } from '../../contract/errors';
import type { SchemeDefinition } from '../../contract/appraisal-scheme';

/**
 * Checks that need the whole scheme (P6.1 weights, P6.2/P6.3 rules). Each failure has a stable code
 * and names the offending KPI or rule, so the manager can fix it; nothing is saved until all pass.
 */
export function validateScheme(def: SchemeDefinition): void {
  const keys = new Set<string>();
  for (const k of def.kpis) {
    if (keys.has(k.key)) throw new WorkbenchError('review/duplicate-kpi', { kpi: k.key });
    keys.add(k.key);
    if (k.source === 'rated') {
      if (!k.rubric) throw new WorkbenchError('review/rubric-missing', { kpi: k.key });
      const levels = k.rubric.map((r) => r.level);
      if (new Set(levels).size !== levels.length) throw new WorkbenchError('review/rubric-invalid', { kpi: k.key });
    } else {
      // P6.1: only a rated KPI can take peer ratings
      if ((k.peerWeight ?? 0) > 0) throw new WorkbenchError('review/peer-weight-not-rated', { kpi: k.key });
      if (!k.curve) throw new WorkbenchError('review/curve-missing', { kpi: k.key });
      for (let i = 1; i < k.curve.length; i++) {
        if (!(k.curve[i][0] > k.curve[i - 1][0])) throw new WorkbenchError('review/curve-invalid', { kpi: k.key });
      }
    }
  }
  const total = def.kpis.reduce((s, k) => s + k.weight, 0);
  // weights are percentages typed by people: allow for binary rounding only
  if (Math.abs(total - 100) > 1e-6)
    throw new WorkbenchError('review/weights-total', { total: Math.round(total * 100) / 100 });

  const grades = def.grades.map((g) => g.grade);
  if (new Set(grades).size !== grades.length)
    throw new WorkbenchError('review/grades-invalid', { grade: grades.join(', ') });
  for (let i = 1; i < def.grades.length; i++) {
    if (!(def.grades[i].min < def.grades[i - 1].min))
      throw new WorkbenchError('review/grades-invalid', { grade: def.grades[i].grade });
  }
  if (def.distribution) {
    const sum = def.distribution.groups.reduce((s, g) => s + g.pct, 0);
    if (Math.abs(sum - 100) > 1e-6)
      throw new WorkbenchError('review/distribution-total', { total: Math.round(sum * 100) / 100 });
    for (const g of def.distribution.groups) {
      for (const grade of g.grades)
        if (!grades.includes(grade)) throw new WorkbenchError('review/unknown-grade', { grade });
    }
  }

  const ruleKeys = new Set<string>();
  for (const r of def.rules) {
    if (ruleKeys.has(r.key)) throw new WorkbenchError('review/duplicate-rule', { rule: r.key });
    ruleKeys.add(r.key);
    for (const c of r.when) {
      if (c.kind === 'kpi' && !keys.has(c.kpi))
        throw new WorkbenchError('review/rule-missing-kpi', { rule: r.key, kpi: c.kpi });
      if (c.kind === 'grade')
        for (const g of c.grades)
          if (!grades.includes(g)) throw new WorkbenchError('review/unknown-grade', { grade: g, rule: r.key });
    }
    if (r.amount?.kind === 'curve') {
      if (!keys.has(r.amount.kpi))
        throw new WorkbenchError('review/rule-missing-kpi', { rule: r.key, kpi: r.amount.kpi });
      if (r.amount.acceleratorFrom < r.amount.threshold)
        throw new WorkbenchError('review/bonus-curve-invalid', { rule: r.key });
    }
    if ((r.outcome === 'bonus' || r.outcome === 'deduction') && !r.amount)
      throw new WorkbenchError('review/rule-amount-missing', { rule: r.key });
  }
  for (const r of def.rules) {
    for (const s of r.supersedes)
      if (!ruleKeys.has(s)) throw new WorkbenchError('review/rule-missing-rule', { rule: r.key, other: s });
  }
}
