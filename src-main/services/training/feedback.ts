import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { ImportSurveyResult } from '../../contract/survey';
import type { SessionFeedback } from '../../contract/training';
import { t, type Lang } from '../../i18n/messages';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { analyzeSurvey } from '../survey/analysis';
import { listComments } from '../survey/comments';
import { importSurvey } from '../survey/import/import-survey';
import { getPlan, listQuestions, savePlan } from '../survey/plans';
import { saveQuestions } from '../survey/questions';
import { enterResponse } from '../survey/responses';
import { getSession } from './courses';

/**
 * P5.5 "收集培训反馈": a session's feedback questionnaire is a survey of the survey engine (P4.7), linked
 * from the session (migration 16). The questions, the answers, the import of a platform's export and the
 * analysis are the survey's own; this file only ties them to the session and its attendees. Feedback is
 * taken once the session has taken place, from people who attended it, once each when they give their
 * name. Feedback surveys never count towards a salesperson's customer satisfaction (by-person.ts).
 */

/** A named participant's respondent key in the session's survey. */
const staffKey = (employeeNo: string) => `staff:${employeeNo.toLowerCase()}`;

const surveyOf = (db: Database, sessionId: number): number | null =>
  (db.prepare('SELECT feedback_survey_id FROM training_sessions WHERE id = ?').pluck().get(sessionId) as
    number | null | undefined) ?? null;

function requireSurvey(db: Database, sessionId: number): number {
  const s = getSession(db, sessionId);
  const id = surveyOf(db, sessionId);
  if (id === null) throw new WorkbenchError('training/no-feedback-survey', { course: s.course, date: s.date });
  return id;
}

function requireHeld(db: Database, sessionId: number): void {
  const s = getSession(db, sessionId);
  if (!s.held) throw new WorkbenchError('training/session-not-held', { date: s.date, course: s.course });
}

/** The session's questionnaire and what its attendees answered. */
export function sessionFeedback(db: Database, sessionId: number): SessionFeedback {
  const s = getSession(db, sessionId);
  const surveyId = surveyOf(db, sessionId);
  const base = { sessionId, attended: s.attended };
  if (surveyId === null)
    return { ...base, survey: null, questions: [], responses: 0, answeredBy: [], analysis: null, comments: [] };
  const survey = getPlan(db, surveyId);
  const answeredBy = (
    db
      .prepare(
        "SELECT substr(respondent_key, 7) FROM survey_responses WHERE survey_id = ? AND respondent_key LIKE 'staff:%' ORDER BY 1",
      )
      .pluck()
      .all(surveyId) as string[]
  ).map((k) => k.toUpperCase());
  return {
    ...base,
    survey,
    questions: listQuestions(db, surveyId),
    responses: survey.responses,
    answeredBy,
    analysis: survey.responses > 0 ? analyzeSurvey(db, surveyId) : null,
    comments: survey.responses > 0 ? listComments(db, { surveyId, search: '', limit: 500 }).rows : [],
  };
}

/** The standard short questionnaire, in the manager's language: three 5-point items, recommend (0–10), comments. */
function standardQuestions(lang: Lang) {
  const q = (k: string) => t(lang, `training.feedback.question.${k}`);
  return [
    { code: 'overall', text: q('overall'), type: 'likert5' as const, options: {} },
    { code: 'useful', text: q('useful'), type: 'likert5' as const, options: {} },
    { code: 'trainer', text: q('trainer'), type: 'likert5' as const, options: {} },
    { code: 'recommend', text: q('recommend'), type: 'nps' as const, options: {} },
    { code: 'comments', text: q('comments'), type: 'text' as const, options: {} },
  ];
}

/**
 * Makes the session's feedback survey: the standard questionnaire, or the questions of another survey
 * (say, the last session's). The course's previous session with a feedback survey becomes its earlier
 * wave, so the survey engine compares the two.
 */
export function createFeedbackSurvey(
  ctx: ServiceContext,
  input: ParsedInput<'training/feedback-create'>,
): SessionFeedback {
  const { db } = ctx;
  db.transaction(() => {
    const s = getSession(db, input.sessionId);
    const existing = surveyOf(db, s.id);
    if (existing !== null)
      throw new WorkbenchError('training/feedback-exists', { course: s.course, date: s.date, survey: existing });
    const questions =
      input.fromSurvey === undefined
        ? standardQuestions(ctx.lang)
        : listQuestions(db, getPlan(db, input.fromSurvey).id, false).map((q) => ({
            code: q.code,
            text: q.text,
            type: q.type,
            options: q.options,
          }));
    if (questions.length === 0)
      throw new WorkbenchError('training/feedback-no-questions', { survey: input.fromSurvey });
    const previous = db
      .prepare(
        'SELECT feedback_survey_id FROM training_sessions WHERE plan_id = ? AND feedback_survey_id IS NOT NULL AND (date < ? OR (date = ? AND id < ?)) ORDER BY date DESC, id DESC LIMIT 1',
      )
      .pluck()
      .get(s.courseId, s.date, s.date, s.id) as number | undefined;
    const plan = savePlan(ctx, {
      name: t(ctx.lang, 'training.feedback.surveyName', { course: s.course, date: s.date }),
      purpose: t(ctx.lang, 'training.feedback.purpose'),
      method: 'questionnaire',
      startDate: s.date,
      endDate: null,
      status: 'running',
      audience: { teamIds: [], staffIds: [], segments: [], note: `${s.course} · ${s.date}` },
      previousWaveId: previous ?? null,
    });
    saveQuestions(ctx, plan.id, questions);
    db.prepare('UPDATE training_sessions SET feedback_survey_id = ? WHERE id = ?').run(plan.id, s.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'training_session',
      entityId: s.id,
      field: 'feedbackSurvey',
      newValue: plan.id,
      reason: input.fromSurvey === undefined ? 'standard questionnaire' : `questions of survey ${input.fromSurvey}`,
    });
  })();
  return sessionFeedback(db, input.sessionId);
}

/**
 * One filled-in form, typed in: the survey engine checks every answer against its question. A named
 * form must come from someone who attended, once; the session must have taken place.
 */
export function enterFeedback(ctx: ServiceContext, input: ParsedInput<'training/feedback-enter'>): SessionFeedback {
  const { db } = ctx;
  db.transaction(() => {
    const surveyId = requireSurvey(db, input.sessionId);
    requireHeld(db, input.sessionId);
    let key: string | null = null;
    if (input.person !== undefined) {
      const p = db
        .prepare(
          'SELECT s.employee_no AS no, a.attended FROM staff s LEFT JOIN training_attendance a ON a.staff_id = s.id AND a.session_id = ? WHERE lower(s.employee_no) = lower(?)',
        )
        .get(input.sessionId, input.person) as { no: string; attended: number | null } | undefined;
      if (!p) throw new WorkbenchError('training/person-not-found', { person: input.person });
      if (p.attended !== 1) throw new WorkbenchError('training/feedback-not-attended', { person: p.no });
      key = staffKey(p.no);
      if (db.prepare('SELECT 1 FROM survey_responses WHERE survey_id = ? AND respondent_key = ?').get(surveyId, key))
        throw new WorkbenchError('training/feedback-duplicate', { person: p.no });
    }
    const { responseId } = enterResponse(ctx, {
      surveyId,
      customerId: null,
      salespersonId: null,
      submittedAt: null,
      channel: 'paper',
      answers: input.answers,
    });
    // the participant is the respondent, never a salesperson being rated
    db.prepare('UPDATE survey_responses SET respondent_key = ?, salesperson_id = NULL WHERE id = ?').run(
      key,
      responseId,
    );
  })();
  return sessionFeedback(db, input.sessionId);
}

/** A questionnaire platform's export of the session's feedback, through the survey import (dry run first). */
export function importFeedback(
  ctx: ServiceContext,
  input: ParsedInput<'training/feedback-import'>,
): ImportSurveyResult {
  const { sessionId, ...rest } = input;
  const surveyId = requireSurvey(ctx.db, sessionId);
  requireHeld(ctx.db, sessionId);
  return importSurvey(ctx, { ...rest, surveyId });
}
