import type { Database } from 'better-sqlite3';
import type { CommentRow } from '../../contract/survey';
import { npsQuestion } from './analysis';
import { getPlan, listQuestions } from './plans';

interface CommentQuery {
  surveyId: number;
  search: string;
  questionId?: number;
  salespersonId?: number;
  npsClass?: 'promoter' | 'passive' | 'detractor';
  scoreMin?: number;
  scoreMax?: number;
  limit: number;
}

const CLASS_RANGE = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] } as const;

/**
 * The customers' free-text comments (issue #5 item 9), searchable and filtered by the NPS score the same
 * customer gave, by salesperson and by question; newest first.
 */
export function listComments(db: Database, q: CommentQuery): { rows: CommentRow[]; total: number } {
  getPlan(db, q.surveyId);
  const questions = listQuestions(db, q.surveyId, false);
  const npsQ = npsQuestion(questions);
  const textIds = questions
    .filter((x) => x.type === 'text' && (q.questionId === undefined || x.id === q.questionId))
    .map((x) => x.id);
  if (!textIds.length) return { rows: [], total: 0 };
  const where = [`a.question_id IN (${textIds.join(',')})`, 'a.value_text IS NOT NULL'];
  const params: unknown[] = [npsQ?.id ?? -1];
  if (q.search) {
    where.push("a.value_text LIKE ? ESCAPE '\\'");
    params.push(`%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  }
  if (q.salespersonId !== undefined) {
    where.push('r.salesperson_id = ?');
    params.push(q.salespersonId);
  }
  let [lo, hi] = q.npsClass ? CLASS_RANGE[q.npsClass] : [q.scoreMin, q.scoreMax];
  if (q.scoreMin !== undefined) lo = Math.max(lo ?? 0, q.scoreMin);
  if (q.scoreMax !== undefined) hi = Math.min(hi ?? 10, q.scoreMax);
  if (lo !== undefined) {
    where.push('n.value_num >= ?');
    params.push(lo);
  }
  if (hi !== undefined) {
    where.push('n.value_num <= ?');
    params.push(hi);
  }
  const from = `FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
    LEFT JOIN survey_answers n ON n.response_id = r.id AND n.question_id = ?
    WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT r.id AS responseId, a.question_id AS questionId, sq.text AS question, a.value_text AS text, n.value_num AS npsScore,
              sp.name AS salesperson, c.name AS customer, r.submitted_at AS submittedAt
       ${from.replace(
         'WHERE',
         `JOIN survey_questions sq ON sq.id = a.question_id
         LEFT JOIN staff sp ON sp.id = r.salesperson_id LEFT JOIN customers c ON c.id = r.customer_id WHERE`,
       )}
       ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?`,
    )
    .all(...params, q.limit) as CommentRow[];
  return { rows, total };
}
