import type { Database } from 'better-sqlite3';

/**
 * The survey score cache (migration 006): per response its first-NPS answer and its 5-point satisfaction
 * count/sum/top-2, and per question the count of each numeric value. The overviews (analysis, breakdowns,
 * waves, the appraisal's per-person results, P4.7/P6.1) aggregate these instead of two million answers.
 *
 * Kept right by every write path: phone entry and import add their new responses (cacheAddResponses),
 * deleting a response takes its answers out (cacheRemoveResponse), a reordered questionnaire re-derives
 * the scores (rebuildSurveyCache). Anything that writes answers behind the services' back (the demo
 * generator, tests seeding SQL, older databases) is caught by ensureSurveyCache: a survey whose responses
 * (count and id sum) differ from its cached rows is rebuilt from survey_answers before it is read.
 */

/** Ids are integers read from the database, so they may be written into the SQL text. */
const idList = (ids: readonly number[]) => (ids.length ? ids.map((i) => String(Math.trunc(i))).join(',') : 'NULL');

/**
 * Inserts the score rows of a survey's responses with ids ≥ fromId. The answers are read in primary-key
 * order (response, question) over the id range and grouped per response without sorting; the one
 * membership test sits in WHERE (`+` keeps SQLite off the question index, which would need a sort).
 * A response without NPS or 5-point answers still gets its row (LEFT JOIN), so the counts always match.
 */
function insertScores(db: Database, surveyId: number, fromId: number): void {
  const range = db
    .prepare('SELECT min(id), max(id) FROM survey_responses WHERE survey_id = ? AND id >= ?')
    .raw()
    .get(surveyId, fromId) as [number | null, number | null];
  if (range[0] === null) return;
  const questions = db
    .prepare(
      "SELECT id, type FROM survey_questions WHERE survey_id = ? AND type IN ('nps', 'likert5') ORDER BY position",
    )
    .raw()
    .all(surveyId) as [number, string][];
  // the survey's NPS question is its first question of type 'nps' (analysis.ts npsQuestion)
  const nps = questions.find(([, type]) => type === 'nps')?.[0] ?? -1;
  const likert = questions.filter(([, type]) => type === 'likert5').map(([id]) => id);
  const sat = `a.question_id <> ${nps} AND a.value_num BETWEEN`;
  db.prepare(
    `INSERT INTO survey_response_scores (response_id, survey_id, salesperson_id, day, nps, sat_n, sat_sum, sat_top)
     SELECT r.id, r.survey_id, r.salesperson_id, substr(r.submitted_at, 1, 10), g.nps, coalesce(g.n, 0), coalesce(g.total, 0), coalesce(g.top, 0)
     FROM survey_responses r LEFT JOIN (
       SELECT a.response_id AS rid, CAST(max(CASE WHEN a.question_id = ${nps} THEN a.value_num END) AS INTEGER) AS nps,
              count(CASE WHEN ${sat} 1 AND 5 THEN 1 END) AS n,
              total(CASE WHEN ${sat} 1 AND 5 THEN a.value_num END) AS total,
              count(CASE WHEN ${sat} 4 AND 5 THEN 1 END) AS top
       FROM survey_answers a
       WHERE a.response_id BETWEEN @lo AND @hi AND +a.question_id IN (${idList([...likert, nps])})
       GROUP BY a.response_id
     ) g ON g.rid = r.id
     WHERE r.id BETWEEN @lo AND @hi AND +r.survey_id = @survey`,
  ).run({ lo: range[0], hi: range[1], survey: surveyId });
}

/** Re-derives the whole cache of the given surveys (every survey when none are named). */
export function rebuildSurveyCache(db: Database, surveyIds?: readonly number[]): void {
  db.transaction(() => {
    const ids = surveyIds ?? (db.prepare('SELECT id FROM surveys').pluck().all() as number[]);
    if (!ids.length) return;
    const list = idList(ids);
    db.prepare(`DELETE FROM survey_response_scores WHERE survey_id IN (${list})`).run();
    db.prepare(
      `DELETE FROM survey_value_counts WHERE question_id IN (SELECT id FROM survey_questions WHERE survey_id IN (${list}))`,
    ).run();
    for (const id of ids) insertScores(db, id, 0);
    db.prepare(
      `INSERT INTO survey_value_counts (question_id, value_num, n)
       SELECT a.question_id, a.value_num, count(*) FROM survey_answers a
       WHERE a.question_id IN (SELECT id FROM survey_questions WHERE survey_id IN (${list})) AND a.value_num IS NOT NULL
       GROUP BY a.question_id, a.value_num`,
    ).run();
  })();
}

/** Adds responses just written to a survey (ids ≥ fromResponseId) to a cache that was right before. */
export function cacheAddResponses(db: Database, surveyId: number, fromResponseId: number): void {
  insertScores(db, surveyId, fromResponseId);
  db.prepare(
    `INSERT INTO survey_value_counts (question_id, value_num, n)
     SELECT a.question_id, a.value_num, count(*) FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
     WHERE r.survey_id = ? AND r.id >= ? AND a.value_num IS NOT NULL
     GROUP BY a.question_id, a.value_num
     ON CONFLICT (question_id, value_num) DO UPDATE SET n = n + excluded.n`,
  ).run(surveyId, fromResponseId);
}

/** Takes one response out of the cache; call before deleting the response. */
export function cacheRemoveResponse(db: Database, responseId: number): void {
  db.prepare('DELETE FROM survey_response_scores WHERE response_id = ?').run(responseId);
  db.prepare(
    `UPDATE survey_value_counts SET n = n - 1
     WHERE (question_id, value_num) IN (SELECT question_id, value_num FROM survey_answers WHERE response_id = ? AND value_num IS NOT NULL)`,
  ).run(responseId);
  db.prepare('DELETE FROM survey_value_counts WHERE n <= 0').run();
}

type Stamp = [surveyId: number, n: number, idSum: number];

/** Makes the cache of one survey (or of all) agree with its responses, rebuilding what is stale. */
export function ensureSurveyCache(db: Database, surveyId?: number): void {
  const filter = surveyId === undefined ? '' : 'WHERE survey_id = ?';
  const args = surveyId === undefined ? [] : [surveyId];
  // both read only their survey_id index (the response id is the rowid, carried by the index)
  const responses = db
    .prepare(`SELECT survey_id, count(*), total(id) FROM survey_responses ${filter} GROUP BY survey_id`)
    .raw()
    .all(...args) as Stamp[];
  const cached = new Map(
    (
      db
        .prepare(
          `SELECT survey_id, count(*), total(response_id) FROM survey_response_scores ${filter} GROUP BY survey_id`,
        )
        .raw()
        .all(...args) as Stamp[]
    ).map((s) => [s[0], s]),
  );
  const stale: number[] = [];
  for (const [sid, n, sum] of responses) {
    const c = cached.get(sid);
    if (!c || c[1] !== n || c[2] !== sum) stale.push(sid);
    cached.delete(sid);
  }
  // cached rows of surveys that no longer have any response
  stale.push(...cached.keys());
  if (stale.length) rebuildSurveyCache(db, stale);
}
