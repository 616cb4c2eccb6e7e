import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import { customerRef } from '../../db/access/customers';
import type { EnteredResponse, SurveyQuestion } from '../../contract/survey';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { getPlan, listQuestions } from './plans';
import { MULTI_SEPARATOR, multiMask, SCALE } from './question-options';
import { cacheAddResponses, cacheRemoveResponse, ensureSurveyCache } from './score-cache';
import { requireStaff, staffByEmployeeNo, staffByName } from '../../db/access/staff';
import { today } from '../context';

export type AnswerValue = number | string | string[] | null;
export interface StoredAnswer {
  num: number | null;
  text: string | null;
}

const bad = (q: SurveyQuestion, value: unknown, expected: string) =>
  new WorkbenchError('survey/bad-answer', {
    question: q.text,
    value: Array.isArray(value) ? value.join(', ') : String(value),
    expected,
  });

const NUMBER = /^-?\d+(\.\d+)?$/;
/**
 * The index of the option a value names: its own text, or the same number written another way (3 and "3.0").
 * Never a position in the list: a cell 3 is the option "3", not the third option (issue #10 item 1, P4.7).
 */
export function choiceIndex(choices: string[], value: string | number): number {
  const text = String(value).trim();
  const i = choices.indexOf(text);
  if (i >= 0 || !NUMBER.test(text)) return i;
  return choices.findIndex((c) => NUMBER.test(c.trim()) && Number(c) === Number(text));
}

/**
 * Turns one typed or imported value into what is stored (value_num / value_text), or refuses it. A
 * 5-point answer may be given as its label in either language; a choice as its own text (value_num keeps
 * the option's index in the question's list, for the analysis).
 */
export function toStored(q: SurveyQuestion, value: AnswerValue): StoredAnswer | null {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const scale = SCALE[q.type];
  if (scale) {
    let n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\s*-?\d+(\.0+)?\s*$/.test(value)
          ? Number(value)
          : NaN;
    if (Number.isNaN(n) && q.type === 'likert5' && typeof value === 'string') {
      const v = value.trim().toLowerCase();
      for (const lang of ['zh-CN', 'en'] as const) {
        const i = q.options.labels?.[lang].findIndex((l) => l.toLowerCase() === v) ?? -1;
        if (i >= 0) n = i + 1;
      }
    }
    if (!Number.isInteger(n) || n < scale.min || n > scale.max) throw bad(q, value, `${scale.min}–${scale.max}`);
    return { num: n, text: null };
  }
  const choices = q.options.choices ?? [];
  if (q.type === 'choice') {
    const i = Array.isArray(value) ? -1 : choiceIndex(choices, value);
    if (i < 0) throw bad(q, value, choices.join(' / '));
    return { num: i + 1, text: choices[i] };
  }
  if (q.type === 'multi') {
    const list = Array.isArray(value) ? value : String(value).split(/[┋;\n]/);
    const idx = [
      ...new Set(
        list
          .map((v) => String(v).trim())
          .filter(Boolean)
          .map((v) => choiceIndex(choices, v)),
      ),
    ];
    if (idx.some((i) => i < 0)) throw bad(q, value, choices.join(' / '));
    idx.sort((a, b) => a - b);
    return { num: multiMask(idx), text: idx.map((i) => choices[i]).join(MULTI_SEPARATOR) };
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw bad(q, value, 'text');
  const text = String(value).trim();
  return text ? { num: null, text } : null;
}

/** The salesperson named in an answer (employee number first, then the exact name when unique). */
export function findSalesperson(db: Database, nameOrNo: string): number | null {
  const v = nameOrNo.trim();
  const byNo = staffByEmployeeNo(db, v);
  if (byNo) return byNo.id;
  const byName = staffByName(db, v);
  return byName.length === 1 ? byName[0].id : null;
}

type ResponseInput = ParsedInput<'survey/enter-response'>;

/**
 * Saves one interview (P4.7 "电话访谈"): every answer is checked against its question, the salesperson
 * comes from the "which salesperson served you" answer or else the customer's owner, and a customer
 * answers a survey once.
 */
export function enterResponse(ctx: ServiceContext, input: ResponseInput): EnteredResponse {
  const { db } = ctx;
  return db.transaction(() => {
    const plan = getPlan(db, input.surveyId);
    if (plan.status === 'closed') throw new WorkbenchError('survey/closed', { name: plan.name });
    const questions = new Map(listQuestions(db, input.surveyId, false).map((q) => [q.id, q]));
    let salespersonId = input.salespersonId ?? null;
    if (salespersonId !== null) requireStaff(db, salespersonId);
    let owner: number | null = null;
    if (input.customerId != null) {
      const c = customerRef(db, input.customerId);
      if (!c) throw new WorkbenchError('survey/customer-not-found', { id: input.customerId });
      owner = c.ownerId;
      const again = db
        .prepare('SELECT 1 FROM survey_responses WHERE survey_id = ? AND customer_id = ?')
        .get(input.surveyId, input.customerId);
      if (again) throw new WorkbenchError('survey/duplicate-response', { row: 1 });
    }
    const stored: [number, StoredAnswer][] = [];
    const seen = new Set<number>();
    for (const a of input.answers) {
      const q = questions.get(a.questionId);
      if (!q) throw new WorkbenchError('survey/question-not-found', { id: a.questionId });
      if (seen.has(q.id)) throw new WorkbenchError('survey/duplicate-answer', { question: q.text });
      seen.add(q.id);
      const s = toStored(q, a.value);
      if (!s) continue;
      if (q.type === 'salesperson' && salespersonId === null) {
        salespersonId = findSalesperson(db, s.text ?? '');
        if (salespersonId === null) throw new WorkbenchError('survey/unknown-salesperson', { value: s.text });
      }
      stored.push([q.id, s]);
    }
    if (stored.length === 0) throw new WorkbenchError('survey/empty-response');
    salespersonId ??= owner;
    const submitted = input.submittedAt ?? today();
    const responseId = Number(
      db
        .prepare(
          'INSERT INTO survey_responses (survey_id, customer_id, salesperson_id, submitted_at, channel) VALUES (?, ?, ?, ?, ?)',
        )
        .run(
          input.surveyId,
          input.customerId ?? null,
          salespersonId,
          submitted,
          input.channel ?? (plan.method === 'phone' ? 'phone' : null),
        ).lastInsertRowid,
    );
    const ins = db.prepare(
      'INSERT INTO survey_answers (response_id, question_id, value_num, value_text) VALUES (?, ?, ?, ?)',
    );
    for (const [qid, s] of stored) ins.run(responseId, qid, s.num, s.text);
    cacheAddResponses(db, input.surveyId, responseId);
    audit(db, {
      actor: ctx.actor,
      entity: 'survey_response',
      entityId: responseId,
      newValue: { surveyId: input.surveyId, customerId: input.customerId ?? null, answers: stored.length },
      reason: 'entered',
    });
    return { responseId, answers: stored.length };
  })();
}

/** Removes one response (a mistyped interview) with its answers and call-back task. */
export function deleteResponse(ctx: ServiceContext, responseId: number): { deleted: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const r = db
      .prepare('SELECT id, survey_id AS surveyId, customer_id AS customerId FROM survey_responses WHERE id = ?')
      .get(responseId) as { surveyId: number } | undefined;
    if (!r) throw new WorkbenchError('survey/response-not-found', { id: responseId });
    ensureSurveyCache(db, r.surveyId);
    cacheRemoveResponse(db, responseId);
    db.prepare("DELETE FROM improvement_actions WHERE response_id = ? AND kind = 'callback'").run(responseId);
    db.prepare('UPDATE improvement_actions SET response_id = NULL WHERE response_id = ?').run(responseId);
    db.prepare('DELETE FROM survey_responses WHERE id = ?').run(responseId);
    audit(db, { actor: ctx.actor, entity: 'survey_response', entityId: responseId, oldValue: r, reason: 'deleted' });
    return { deleted: responseId };
  })();
}

/** The customers a plan is aimed at (by team, salesperson, segment; all customers when none is set), for phone interviews one after another. */
export function audienceCustomers(db: Database, surveyId: number) {
  const plan = getPlan(db, surveyId);
  const a = plan.audience;
  const where: string[] = ["c.stage = 'customer'"];
  const params: unknown[] = [];
  const any: string[] = [];
  if (a.teamIds.length) {
    any.push(`o.team_id IN (${a.teamIds.map(() => '?').join(',')})`);
    params.push(...a.teamIds);
  }
  if (a.staffIds.length) {
    any.push(`c.owner_id IN (${a.staffIds.map(() => '?').join(',')})`);
    params.push(...a.staffIds);
  }
  if (any.length) where.push(`(${any.join(' OR ')})`);
  if (a.segments.length) {
    where.push(`c.segment IN (${a.segments.map(() => '?').join(',')})`);
    params.push(...a.segments);
  }
  const rows = db
    .prepare(
      `SELECT c.id AS customerId, c.code, c.name, c.contact_name AS contact, c.phone, c.owner_id AS ownerId, o.name AS ownerName,
              EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = ? AND r.customer_id = c.id) AS answered
       FROM customers c LEFT JOIN staff o ON o.id = c.owner_id
       WHERE ${where.join(' AND ')} ORDER BY answered, o.name, c.name`,
    )
    .all(surveyId, ...params) as {
    customerId: number;
    code: string | null;
    name: string;
    contact: string | null;
    phone: string | null;
    ownerId: number | null;
    ownerName: string | null;
    answered: number;
  }[];
  return rows.map((r) => ({ ...r, answered: Boolean(r.answered) }));
}
