import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { InterviewCard, InterviewPanel, ScorecardItem } from '../../contract/recruit';
import type { Lang } from '../../i18n/messages';
import { audit } from '../audit';
import { nowIso, type ServiceContext, today } from '../context';
import { abilityRubric, quarterOf } from './appraisal-link';
import { getCandidate } from './candidates';
import { getPlan, staffIdOf } from './plans';

/**
 * P5.3, P1.6: the scorecard's items are the appraisal's own rated ability items with their rubric,
 * then the items the plan adds, scored on the same levels (their names, without the item descriptions).
 */
export function scorecardItems(db: Database, lang: Lang, candidateId: number): ScorecardItem[] {
  const c = getCandidate(db, candidateId);
  const rubric = abilityRubric(db, quarterOf(today()), lang);
  const items: ScorecardItem[] = rubric.map((r) => ({ ...r, fromAppraisal: true }));
  const plain =
    rubric[0]?.levels.map((l) => ({ level: l.level, label: l.label, description: '' })) ??
    [1, 2, 3, 4, 5].map((level) => ({ level, label: String(level), description: '' }));
  const plan = c.planId ? getPlan(db, c.planId) : null;
  for (const extra of plan?.interviewItems ?? [])
    if (!items.some((i) => i.key === extra.key))
      items.push({ key: extra.key, label: extra.label, fromAppraisal: false, levels: plain });
  return items;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/** The candidate's scorecards and the panel's summary: mean level per item and the spread between interviewers. */
export function interviewPanel(db: Database, lang: Lang, candidateId: number): InterviewPanel {
  const items = scorecardItems(db, lang, candidateId);
  const rows = db
    .prepare(
      `SELECT i.id, i.round, i.date, s.employee_no AS interviewer, s.name AS interviewerName, i.recommendation, i.notes
       FROM interviews i LEFT JOIN staff s ON s.id = i.interviewer_id WHERE i.candidate_id = ? ORDER BY i.date, i.id`,
    )
    .all(candidateId) as Omit<InterviewCard, 'scores' | 'mean'>[];
  const scoreStmt = db.prepare('SELECT item_key AS k, level FROM interview_scores WHERE interview_id = ?');
  const cards: InterviewCard[] = rows.map((r) => {
    const scores = Object.fromEntries(
      (scoreStmt.all(r.id) as { k: string; level: number }[]).map((s) => [s.k, s.level]),
    );
    return { ...r, scores, mean: mean(Object.values(scores)) };
  });
  const summary = items.map((it) => {
    const levels = cards.map((c) => c.scores[it.key]).filter((v): v is number => v !== undefined);
    return {
      key: it.key,
      mean: mean(levels),
      spread: levels.length ? Math.max(...levels) - Math.min(...levels) : null,
      n: levels.length,
    };
  });
  const recommendations: Record<string, number> = {};
  for (const c of cards)
    if (c.recommendation) recommendations[c.recommendation] = (recommendations[c.recommendation] ?? 0) + 1;
  const all = cards.flatMap((c) => Object.values(c.scores));
  return { candidateId, items, cards, summary, overall: mean(all), recommendations };
}

/**
 * P5.3: one interviewer's scorecard for one round (entered again, it replaces theirs). Every item must
 * be scored at a level of its rubric; the interview cannot precede the application.
 */
export function scoreInterview(ctx: ServiceContext, input: ParsedInput<'recruit/interview-score'>): InterviewPanel {
  const { db } = ctx;
  return db.transaction(() => {
    const c = getCandidate(db, input.candidateId);
    if (c.status === 'rejected') throw new WorkbenchError('recruit/candidate-rejected', { name: c.name });
    if (c.appliedDate && input.date < c.appliedDate)
      throw new WorkbenchError('recruit/interview-before-applied', { date: input.date, applied: c.appliedDate });
    if (input.date > today()) throw new WorkbenchError('recruit/interview-in-future', { date: input.date });
    const items = scorecardItems(db, ctx.lang, c.id);
    for (const key of Object.keys(input.scores))
      if (!items.some((i) => i.key === key)) throw new WorkbenchError('recruit/unknown-item', { item: key });
    for (const item of items) {
      const level = input.scores[item.key];
      if (level === undefined) throw new WorkbenchError('recruit/item-not-scored', { item: item.label });
      if (!item.levels.some((l) => l.level === level))
        throw new WorkbenchError('recruit/level-outside-rubric', {
          item: item.label,
          level,
          levels: item.levels.map((l) => l.level).join(', '),
        });
    }
    const interviewerId = staffIdOf(db, input.interviewer);
    const existing = db
      .prepare('SELECT id FROM interviews WHERE candidate_id = ? AND round = ? AND interviewer_id = ?')
      .pluck()
      .get(c.id, input.round, interviewerId) as number | undefined;
    if (existing !== undefined) db.prepare('DELETE FROM interviews WHERE id = ?').run(existing);
    const id = Number(
      db
        .prepare(
          'INSERT INTO interviews (candidate_id, date, interviewer_id, recommendation, notes, round, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(c.id, input.date, interviewerId, input.recommendation ?? null, input.notes ?? null, input.round, nowIso())
        .lastInsertRowid,
    );
    const put = db.prepare('INSERT INTO interview_scores (interview_id, item_key, level) VALUES (?, ?, ?)');
    for (const [k, level] of Object.entries(input.scores)) put.run(id, k, level);
    if (c.status === 'new' || c.status === 'screened')
      db.prepare("UPDATE candidates SET status = 'interview' WHERE id = ?").run(c.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'interview',
      entityId: id,
      newValue: input,
      reason: existing !== undefined ? 'replaced' : 'scored',
    });
    return interviewPanel(db, ctx.lang, c.id);
  })();
}
