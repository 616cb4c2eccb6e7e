import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { ProbationReview } from '../../contract/training';
import { orderActivity } from '../../db/access/orders';
import type { Lang } from '../../i18n/messages';
import { audit } from '../audit';
import { nowIso, type ServiceContext, today } from '../context';
import { abilityRubric, quarterOf } from '../recruit/appraisal-link';

interface Person {
  id: number;
  employeeNo: string;
  name: string;
  team: string | null;
  hireDate: string | null;
  probationEnd: string | null;
}
const PERSON = `SELECT s.id, s.employee_no AS employeeNo, s.name, t.name AS team, s.hire_date AS hireDate, s.probation_end AS probationEnd
  FROM staff s LEFT JOIN teams t ON t.id = s.team_id`;

function review(db: Database, lang: Lang, p: Person): ProbationReview {
  const to = p.probationEnd && p.probationEnd < today() ? p.probationEnd : today();
  const a = p.hireDate ? orderActivity(db, p.hireDate, to, { staffId: p.id }) : null;
  const data = a
    ? { orders: a.lines, sales: a.sales / 100, customers: a.customers }
    : { orders: 0, sales: 0, customers: 0 };
  const row = db
    .prepare(
      'SELECT review_date AS date, ratings, decision, extended_to AS extendedTo, note, decided_by AS decidedBy FROM probation_reviews WHERE staff_id = ?',
    )
    .get(p.id) as (Omit<NonNullable<ProbationReview['review']>, 'ratings'> & { ratings: string }) | undefined;
  return {
    employeeNo: p.employeeNo,
    name: p.name,
    team: p.team,
    hireDate: p.hireDate,
    probationEnd: p.probationEnd,
    data: { from: p.hireDate, to: p.hireDate ? to : null, ...data },
    items: abilityRubric(db, quarterOf(today()), lang),
    review: row ? { ...row, ratings: JSON.parse(row.ratings) as Record<string, number> } : null,
  };
}

function person(db: Database, employeeNo: string): Person {
  const p = db.prepare(`${PERSON} WHERE lower(s.employee_no) = lower(?)`).get(employeeNo) as Person | undefined;
  if (!p) throw new WorkbenchError('training/person-not-found', { person: employeeNo });
  return p;
}

export const probationOf = (db: Database, lang: Lang, employeeNo: string) => review(db, lang, person(db, employeeNo));

/** People whose probation ends within `days` days, or has ended, with no review yet. */
export function probationDue(db: Database, lang: Lang, days: number): ProbationReview[] {
  const until = dayjs().add(days, 'day').format('YYYY-MM-DD');
  const rows = db
    .prepare(
      `${PERSON} WHERE s.status = 'active' AND s.probation_end IS NOT NULL AND s.probation_end <= ? AND NOT EXISTS (SELECT 1 FROM probation_reviews r WHERE r.staff_id = s.id) ORDER BY s.probation_end`,
    )
    .all(until) as Person[];
  return rows.map((p) => review(db, lang, p));
}

/**
 * The probation review: every ability item rated on its rubric levels, then confirm, extend (to a later
 * end, which becomes the staff record's probation end) or end, with a note for the last two.
 */
export function saveProbationReview(
  ctx: ServiceContext,
  input: ParsedInput<'training/probation-review'>,
): ProbationReview {
  const { db } = ctx;
  return db.transaction(() => {
    const p = person(db, input.person);
    if (!p.probationEnd) throw new WorkbenchError('training/no-probation', { person: p.employeeNo });
    const current = review(db, ctx.lang, p);
    for (const key of Object.keys(input.ratings))
      if (!current.items.some((i) => i.key === key)) throw new WorkbenchError('recruit/unknown-item', { item: key });
    for (const item of current.items) {
      const level = input.ratings[item.key];
      if (level === undefined) throw new WorkbenchError('recruit/item-not-scored', { item: item.label });
      if (!item.levels.some((l) => l.level === level))
        throw new WorkbenchError('recruit/level-outside-rubric', {
          item: item.label,
          level,
          levels: item.levels.map((l) => l.level).join(', '),
        });
    }
    if (input.decision !== 'confirm' && !input.note) throw new WorkbenchError('recruit/reason-required');
    if (input.decision === 'extend' && !(input.extendTo && input.extendTo > p.probationEnd))
      throw new WorkbenchError('training/extend-date', { date: input.extendTo ?? '', end: p.probationEnd });
    const date = today();
    db.prepare(
      `INSERT INTO probation_reviews (staff_id, review_date, ratings, data, decision, extended_to, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (staff_id) DO UPDATE SET review_date = excluded.review_date, ratings = excluded.ratings, data = excluded.data, decision = excluded.decision, extended_to = excluded.extended_to, note = excluded.note, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(
      p.id,
      date,
      JSON.stringify(input.ratings),
      JSON.stringify(current.data),
      input.decision,
      input.extendTo ?? null,
      input.note ?? null,
      ctx.actor,
      nowIso(),
    );
    if (input.decision === 'extend') {
      db.prepare('UPDATE staff SET probation_end = ? WHERE id = ?').run(input.extendTo, p.id);
      audit(db, {
        actor: ctx.actor,
        entity: 'staff',
        entityId: p.id,
        field: 'probationEnd',
        oldValue: p.probationEnd,
        newValue: input.extendTo,
        reason: input.note ?? null,
      });
    }
    audit(db, {
      actor: ctx.actor,
      entity: 'probation_review',
      entityId: p.id,
      oldValue: current.review,
      newValue: input,
      reason: input.note ?? null,
    });
    return probationOf(db, ctx.lang, p.employeeNo);
  })();
}
