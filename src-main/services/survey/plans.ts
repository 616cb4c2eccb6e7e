import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { WorkbenchError } from '../../contract/errors';
import type { planInput, SurveyAudience, SurveyDetail, SurveyPlan, SurveyQuestion } from '../../contract/survey';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { parseOptions } from './question-options';
import { ensureSurveyCache } from './score-cache';
import { requireStaff } from '../../db/access/staff';

type PlanInput = z.output<typeof planInput>;

/** The audience is stored as JSON; a plain text (older data, the demo) is kept as the note. */
function parseAudience(raw: string | null): SurveyAudience {
  const empty: SurveyAudience = { teamIds: [], staffIds: [], segments: [], note: null };
  if (!raw) return empty;
  try {
    const v = JSON.parse(raw) as Partial<SurveyAudience>;
    if (v && typeof v === 'object' && !Array.isArray(v)) return { ...empty, ...v };
  } catch {
    /* plain text */
  }
  return { ...empty, note: raw };
}

const SELECT_PLAN = `
SELECT s.id, s.name, s.purpose, s.method, s.start_date AS startDate, s.end_date AS endDate, s.status, s.audience,
       s.previous_wave_id AS previousWaveId,
       (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses,
       (SELECT count(*) FROM survey_questions q WHERE q.survey_id = s.id) AS questions,
       (SELECT 100.0 * (total((v.value_num >= 9) * v.n) - total((v.value_num <= 6) * v.n)) / nullif(total(v.n), 0)
          FROM survey_value_counts v WHERE v.question_id =
            (SELECT q.id FROM survey_questions q WHERE q.survey_id = s.id AND q.type = 'nps' ORDER BY q.position LIMIT 1)) AS nps
FROM surveys s`;

type PlanRow = Omit<SurveyPlan, 'audience'> & { audience: string | null };
const toPlan = (r: PlanRow): SurveyPlan => ({ ...r, audience: parseAudience(r.audience) });

/** Every survey plan (P4.7), newest first, with its response count and NPS. */
export function listSurveys(db: Database): SurveyPlan[] {
  ensureSurveyCache(db);
  return (
    db.prepare(`${SELECT_PLAN} ORDER BY coalesce(s.start_date, s.created_at) DESC, s.id DESC`).all() as PlanRow[]
  ).map(toPlan);
}

/** One plan; also brings the survey's score cache up to date, since nearly every survey reader starts here. */
export function getPlan(db: Database, id: number): SurveyPlan {
  ensureSurveyCache(db, id);
  const row = db.prepare(`${SELECT_PLAN} WHERE s.id = ?`).get(id) as PlanRow | undefined;
  if (!row) throw new WorkbenchError('survey/not-found', { id });
  return toPlan(row);
}

/** The questionnaire in order; `withCounts` false skips counting each question's answers (answers = 0). */
export function listQuestions(db: Database, surveyId: number, withCounts = true): SurveyQuestion[] {
  const rows = db
    .prepare(
      `SELECT q.id, q.position, q.code, q.text, q.type, q.options,
              ${withCounts ? '(SELECT count(*) FROM survey_answers a WHERE a.question_id = q.id)' : '0'} AS answers
       FROM survey_questions q WHERE q.survey_id = ? ORDER BY q.position`,
    )
    .all(surveyId) as (Omit<SurveyQuestion, 'options'> & { options: string | null })[];
  return rows.map((r) => ({ ...r, options: parseOptions(r.type, r.options) }));
}

/** A plan with its questionnaire. */
export function getSurvey(db: Database, id: number): SurveyDetail {
  return { ...getPlan(db, id), questionList: listQuestions(db, id) };
}

function checkPlan(db: Database, p: PlanInput): void {
  if (p.startDate && p.endDate && p.endDate < p.startDate)
    throw new WorkbenchError('survey/end-before-start', { start: p.startDate, end: p.endDate });
  if (p.previousWaveId != null) {
    if (p.previousWaveId === p.id) throw new WorkbenchError('survey/wave-cycle');
    if (!db.prepare('SELECT 1 FROM surveys WHERE id = ?').get(p.previousWaveId))
      throw new WorkbenchError('survey/not-found', { id: p.previousWaveId });
    // following the chain back from the previous wave must never reach this survey
    for (let cur: number | null = p.previousWaveId, hops = 0; cur !== null && hops < 1000; hops++) {
      if (cur === p.id) throw new WorkbenchError('survey/wave-cycle');
      cur =
        (
          db.prepare('SELECT previous_wave_id AS prev FROM surveys WHERE id = ?').get(cur) as
            { prev: number | null } | undefined
        )?.prev ?? null;
    }
  }
  for (const t of p.audience.teamIds)
    if (!db.prepare('SELECT 1 FROM teams WHERE id = ?').get(t)) throw new WorkbenchError('team/not-found', { id: t });
  for (const s of p.audience.staffIds) requireStaff(db, s);
}

/** Creates or updates a survey plan: purpose, period, method, audience, status (P4.7 "制定调查计划"). */
export function savePlan(ctx: ServiceContext, p: PlanInput): SurveyPlan {
  const { db } = ctx;
  return db.transaction(() => {
    checkPlan(db, p);
    const audience = JSON.stringify(p.audience);
    const values = [
      p.name,
      p.purpose ?? null,
      p.method,
      p.startDate ?? null,
      p.endDate ?? null,
      p.status,
      audience,
      p.previousWaveId ?? null,
    ];
    if (p.id === undefined) {
      const id = Number(
        db
          .prepare(
            'INSERT INTO surveys (name, purpose, method, start_date, end_date, status, audience, previous_wave_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(...values, nowIso()).lastInsertRowid,
      );
      audit(db, { actor: ctx.actor, entity: 'survey', entityId: id, newValue: p, reason: 'created' });
      return getPlan(db, id);
    }
    const before = getPlan(db, p.id);
    db.prepare(
      'UPDATE surveys SET name = ?, purpose = ?, method = ?, start_date = ?, end_date = ?, status = ?, audience = ?, previous_wave_id = ? WHERE id = ?',
    ).run(...values, p.id);
    audit(db, { actor: ctx.actor, entity: 'survey', entityId: p.id, oldValue: before, newValue: p, reason: 'updated' });
    return getPlan(db, p.id);
  })();
}

/** Deletes a plan that has no responses yet (answers are evidence for the appraisal; they are not thrown away). */
export function deleteSurvey(ctx: ServiceContext, id: number): { deleted: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const plan = getPlan(db, id);
    if (plan.responses > 0)
      throw new WorkbenchError('survey/has-responses', { name: plan.name, count: plan.responses });
    db.prepare('UPDATE surveys SET previous_wave_id = NULL WHERE previous_wave_id = ?').run(id);
    db.prepare('DELETE FROM improvement_actions WHERE survey_id = ?').run(id);
    db.prepare('DELETE FROM surveys WHERE id = ?').run(id);
    audit(db, { actor: ctx.actor, entity: 'survey', entityId: id, oldValue: plan, reason: 'deleted' });
    return { deleted: id };
  })();
}
