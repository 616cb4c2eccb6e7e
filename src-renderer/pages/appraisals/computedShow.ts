import type { AppraisalComputed, AppraisalShow } from '../../../src-main/contract/appraisal';

/**
 * The quarter's appraisal as the window holds it, brought up to date from what `appraisal/compute`
 * answered (issue 12 item 12): the changed people replace theirs, the removed ones go, the status,
 * scheme and summary are the answer's; unchanged people keep their objects, so the grid redraws only
 * the changed rows. Undefined when the answer cannot do it (someone new, or the window's copy is not the
 * one the computation started from): the appraisal is then fetched again.
 */
export function computedShow(old: AppraisalShow | undefined, c: AppraisalComputed): AppraisalShow | undefined {
  const head = {
    quarter: c.quarter,
    status: c.status,
    computedAt: c.computedAt,
    scheme: c.scheme,
    summary: c.summary,
  };
  // everyone changed (the first computation, a new scheme): the answer is the whole appraisal
  if (c.changed.length === c.summary.people) return { ...head, people: c.changed };
  if (!old || old.quarter !== c.quarter || old.computedAt !== c.previousComputedAt) return undefined;
  const changed = new Map(c.changed.map((p) => [p.employeeNo, p]));
  const removed = new Set(c.removed);
  let replaced = 0;
  const people =
    changed.size === 0 && removed.size === 0
      ? old.people
      : old.people
          .filter((p) => !removed.has(p.employeeNo))
          .map((p) => {
            const now = changed.get(p.employeeNo);
            if (!now) return p;
            replaced++;
            return now;
          });
  if (replaced !== changed.size || people.length !== c.summary.people) return undefined;
  return { ...old, ...head, people };
}
