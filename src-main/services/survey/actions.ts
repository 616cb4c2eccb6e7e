import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { ImprovementAction } from '../../contract/survey';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { npsQuestion } from './analysis';
import { getPlan, listQuestions } from './plans';
import { requireStaff } from '../../db/access/staff';

/** Improvement actions and detractor call-backs (P4.7 "提出改进措施"; issue #5 item 12). */
const SELECT = `
SELECT a.id, a.survey_id AS surveyId, a.kind, a.response_id AS responseId, a.question_id AS questionId, a.owner_id AS ownerId,
       o.name AS ownerName, c.name AS customerName, a.finding, a.action, a.due_date AS dueDate, a.status, a.note
FROM improvement_actions a LEFT JOIN staff o ON o.id = a.owner_id
LEFT JOIN survey_responses r ON r.id = a.response_id LEFT JOIN customers c ON c.id = r.customer_id`;

export function listActions(db: Database, surveyId?: number): ImprovementAction[] {
  const where = surveyId === undefined ? '' : 'WHERE a.survey_id = ?';
  return db
    .prepare(
      `${SELECT} ${where} ORDER BY a.status = 'done' OR a.status = 'cancelled', a.due_date IS NULL, a.due_date, a.id`,
    )
    .all(...(surveyId === undefined ? [] : [surveyId])) as ImprovementAction[];
}

function getAction(db: Database, id: number): ImprovementAction {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ImprovementAction | undefined;
  if (!row) throw new WorkbenchError('survey/action-not-found', { id });
  return row;
}

type ActionInput = ParsedInput<'survey/save-action'>;

/** Creates or updates an action: owner, due date, status, and the finding (question) that prompted it; audited. */
export function saveAction(ctx: ServiceContext, input: ActionInput): ImprovementAction {
  const { db } = ctx;
  return db.transaction(() => {
    if (input.surveyId != null) getPlan(db, input.surveyId);
    if (input.ownerId != null) requireStaff(db, input.ownerId);
    if (input.questionId != null) {
      const q = db.prepare('SELECT survey_id AS surveyId FROM survey_questions WHERE id = ?').get(input.questionId) as
        { surveyId: number } | undefined;
      if (!q || (input.surveyId != null && q.surveyId !== input.surveyId))
        throw new WorkbenchError('survey/question-not-found', { id: input.questionId });
    }
    const at = nowIso();
    const v = [
      input.surveyId ?? null,
      input.questionId ?? null,
      input.ownerId ?? null,
      input.finding,
      input.action,
      input.dueDate ?? null,
      input.status,
      input.note ?? null,
    ];
    if (input.id === undefined) {
      const id = Number(
        db
          .prepare(
            "INSERT INTO improvement_actions (survey_id, question_id, owner_id, finding, action, due_date, status, note, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'improvement', ?, ?)",
          )
          .run(...v, at, at).lastInsertRowid,
      );
      audit(db, { actor: ctx.actor, entity: 'improvement_action', entityId: id, newValue: input, reason: 'created' });
      return getAction(db, id);
    }
    const before = getAction(db, input.id);
    db.prepare(
      'UPDATE improvement_actions SET survey_id = ?, question_id = ?, owner_id = ?, finding = ?, action = ?, due_date = ?, status = ?, note = ?, updated_at = ? WHERE id = ?',
    ).run(...v, at, input.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'improvement_action',
      entityId: input.id,
      oldValue: before,
      newValue: input,
      reason: before.status !== input.status ? `status ${before.status} → ${input.status}` : 'updated',
    });
    return getAction(db, input.id);
  })();
}

/**
 * One call-back task per detractor (NPS 0–6) for the salesperson who served them, in one click. Detractors
 * who already have a task are left alone; those without a known salesperson are counted, not assigned.
 */
export function createCallbacks(
  ctx: ServiceContext,
  surveyId: number,
  responseIds?: number[],
  dueDate?: string | null,
): { created: number; existing: number; withoutSalesperson: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const plan = getPlan(db, surveyId);
    const q = npsQuestion(listQuestions(db, surveyId, false));
    if (!q) throw new WorkbenchError('survey/no-nps-question', { name: plan.name });
    const only = responseIds?.length ? `AND r.id IN (${responseIds.map(() => '?').join(',')})` : '';
    const rows = db
      .prepare(
        `SELECT r.id, r.salesperson_id AS sid, a.value_num AS score, c.name AS customer,
                EXISTS (SELECT 1 FROM improvement_actions x WHERE x.response_id = r.id AND x.kind = 'callback') AS has
         FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id AND a.question_id = ?
         LEFT JOIN customers c ON c.id = r.customer_id
         WHERE r.survey_id = ? AND a.value_num <= 6 ${only}`,
      )
      .all(q.id, surveyId, ...(responseIds ?? [])) as {
      id: number;
      sid: number | null;
      score: number;
      customer: string | null;
      has: number;
    }[];
    const due = dueDate ?? dayjs().add(7, 'day').format('YYYY-MM-DD');
    const at = nowIso();
    const ins = db.prepare(
      "INSERT INTO improvement_actions (survey_id, response_id, owner_id, finding, action, due_date, status, kind, question_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', 'callback', ?, ?, ?)",
    );
    let created = 0;
    let existing = 0;
    let without = 0;
    const lang = ctx.lang;
    for (const r of rows) {
      if (r.has) {
        existing++;
        continue;
      }
      if (r.sid === null) {
        without++;
        continue;
      }
      const who = r.customer ?? `#${r.id}`;
      const finding =
        lang === 'zh-CN'
          ? `贬损者：${who} 的推荐意愿打分为 ${r.score}`
          : `Detractor: ${who} scored ${r.score} for recommending us`;
      const action =
        lang === 'zh-CN'
          ? '电话回访客户，了解不满意的原因并跟进解决'
          : 'Call the customer back, learn what went wrong and follow it up';
      const id = Number(ins.run(surveyId, r.id, r.sid, finding, action, due, q.id, at, at).lastInsertRowid);
      audit(db, {
        actor: ctx.actor,
        entity: 'improvement_action',
        entityId: id,
        newValue: { responseId: r.id, ownerId: r.sid },
        reason: 'detractor call-back',
      });
      created++;
    }
    return { created, existing, withoutSalesperson: without };
  })();
}
