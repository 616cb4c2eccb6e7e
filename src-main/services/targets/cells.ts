import { WorkbenchError } from '../../contract/errors';
import type { CellRef } from '../../contract/targets';
import { t, type Lang } from '../../i18n/messages';
import { PERIOD_INDEX, PERIODS } from './periods';
import type { Plan, PlanNode } from './plan';

/** Finding cells of a plan from what a person typed, naming them in messages, and reading typed amounts. */

/** A cell's name in the user's language, e.g. "华东一部 2026 Q3" or "王伟 (S0004) 2026 M7". */
export function cellLabel(lang: Lang, year: number) {
  return (n: PlanNode, i: number): string => {
    const who =
      n.scope === 'company'
        ? t(lang, 'targets.scope.company')
        : n.scope === 'team'
          ? n.name
          : `${n.name} (${n.employeeNo})`;
    const when = i === 0 ? String(year) : `${year} ${PERIODS[i]}`;
    return `${who} ${when}`;
  };
}

/** The period index a reference names: `period`, `quarter` or `month` (at most one), else the year. */
export function periodIndex(ref: CellRef): number {
  const given = [ref.period, ref.quarter, ref.month].filter((v) => v !== undefined);
  if (given.length > 1) throw new WorkbenchError('targets/ambiguous-period');
  if (ref.month !== undefined) return 4 + ref.month;
  if (ref.quarter !== undefined) return ref.quarter;
  if (ref.period !== undefined) return PERIOD_INDEX[ref.period];
  return 0;
}

/** The node a reference names; refuses an unknown or ambiguous one, or someone outside the plan. */
export function findNode(plan: Plan, ref: CellRef): PlanNode {
  const byTeam = ref.team !== undefined || ref.teamId !== undefined;
  const byPerson = ref.person !== undefined || ref.staffId !== undefined;
  if (byTeam && byPerson) throw new WorkbenchError('targets/team-and-person');
  if (byPerson) {
    const p = plan.people.find((n) =>
      ref.staffId !== undefined ? n.id === ref.staffId : n.employeeNo?.toLowerCase() === ref.person!.toLowerCase(),
    );
    if (!p)
      throw new WorkbenchError('targets/unknown-person', { person: ref.person ?? `#${ref.staffId}`, year: plan.year });
    return p;
  }
  if (byTeam) {
    const tm = plan.teams.find((n) => (ref.teamId !== undefined ? n.id === ref.teamId : n.name === ref.team!.trim()));
    if (!tm) throw new WorkbenchError('targets/unknown-team', { team: ref.team ?? `#${ref.teamId}` });
    return tm;
  }
  if (plan.people.length === 0) throw new WorkbenchError('targets/no-people', { year: plan.year });
  return plan.company;
}

/** The node with this scope and id (as the grid sends them). */
export function nodeById(plan: Plan, scope: string, id: number): PlanNode {
  if (scope === 'company') return plan.company;
  const n = (scope === 'team' ? plan.teams : plan.people).find((x) => x.id === id);
  if (!n)
    throw new WorkbenchError(scope === 'team' ? 'targets/unknown-team' : 'targets/unknown-person', {
      team: `#${id}`,
      person: `#${id}`,
      year: plan.year,
    });
  return n;
}

/**
 * A typed target in whole yuan (P2.2): digits with optional thousands separators, a "¥" or "元", or a
 * number. Refuses negative, fractional and non-numeric values, naming what was typed.
 */
export function parseAmount(raw: number | string): number {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  const cleaned = text
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/[,，\s]/g, '');
  const n = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isFinite(n)) throw new WorkbenchError('targets/not-a-number', { value: text });
  if (n < 0) throw new WorkbenchError('targets/negative', { value: text });
  if (!Number.isInteger(n)) throw new WorkbenchError('targets/not-whole-yuan', { value: text });
  if (n > 1e13) throw new WorkbenchError('targets/too-large', { value: text });
  return n;
}
