import type { z } from 'zod';
import { WorkbenchError } from '../../contract/errors';
import type { questionInput, SurveyQuestion } from '../../contract/survey';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { getPlan, listQuestions } from './plans';
import { storeOptions } from './question-options';
import { rebuildSurveyCache } from './score-cache';

type QuestionInput = z.output<typeof questionInput>;

/**
 * Replaces a survey's questionnaire (order, texts, types, labels). Questions that already have answers
 * keep their type and cannot be removed: changing them would reinterpret answers already given.
 */
export function saveQuestions(ctx: ServiceContext, surveyId: number, questions: QuestionInput[]): SurveyQuestion[] {
  const { db } = ctx;
  return db.transaction(() => {
    getPlan(db, surveyId);
    const before = listQuestions(db, surveyId);
    const byId = new Map(before.map((q) => [q.id, q]));
    const kept = new Set<number>();
    const codes = new Set<string>();
    questions.forEach((q, i) => {
      if ((q.type === 'choice' || q.type === 'multi') && (q.options.choices?.length ?? 0) < 2)
        throw new WorkbenchError('survey/choices-needed', { question: q.text });
      const code = q.code ?? `q${String(i + 1).padStart(2, '0')}`;
      if (codes.has(code.toLowerCase())) throw new WorkbenchError('survey/duplicate-code', { code });
      codes.add(code.toLowerCase());
      if (q.id !== undefined) {
        const old = byId.get(q.id);
        if (!old) throw new WorkbenchError('survey/question-not-found', { id: q.id });
        if (old.answers > 0 && old.type !== q.type)
          throw new WorkbenchError('survey/question-has-answers', { question: old.text, count: old.answers });
        if (
          old.answers > 0 &&
          old.type === 'multi' &&
          (q.options.choices ?? []).slice(0, old.options.choices?.length).join('\u0001') !==
            (old.options.choices ?? []).join('\u0001')
        )
          throw new WorkbenchError('survey/question-has-answers', { question: old.text, count: old.answers });
        kept.add(q.id);
      }
    });
    for (const old of before) {
      if (kept.has(old.id)) continue;
      if (old.answers > 0)
        throw new WorkbenchError('survey/question-has-answers', { question: old.text, count: old.answers });
      db.prepare('DELETE FROM survey_questions WHERE id = ?').run(old.id);
    }
    // move kept codes out of the way first so that swapping two codes does not hit UNIQUE (survey_id, code)
    db.prepare("UPDATE survey_questions SET code = '~' || id WHERE survey_id = ?").run(surveyId);
    questions.forEach((q, i) => {
      const code = q.code ?? `q${String(i + 1).padStart(2, '0')}`;
      const options = storeOptions(q.type, q.options);
      if (q.id !== undefined)
        db.prepare(
          'UPDATE survey_questions SET position = ?, code = ?, text = ?, type = ?, options = ? WHERE id = ?',
        ).run(i + 1, code, q.text, q.type, options, q.id);
      else
        db.prepare(
          'INSERT INTO survey_questions (survey_id, position, code, text, type, options) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(surveyId, i + 1, code, q.text, q.type, options);
    });
    const after = listQuestions(db, surveyId);
    // the cached per-response NPS is the answer to the first NPS question: reordering may change which
    if (after.find((q) => q.type === 'nps')?.id !== before.find((q) => q.type === 'nps')?.id)
      rebuildSurveyCache(db, [surveyId]);
    audit(db, {
      actor: ctx.actor,
      entity: 'survey',
      entityId: surveyId,
      field: 'questions',
      oldValue: before.map((q) => [q.code, q.type, q.text]),
      newValue: after.map((q) => [q.code, q.type, q.text]),
    });
    return after;
  })();
}
