import type { Migration } from '../migrate';

/**
 * Surveys (P4.7, P6.1): a cache of what the survey overviews aggregate, so that the analysis, the
 * breakdowns and the appraisal's per-person results read 100,000 small rows instead of two million
 * answers. Both tables are derived from survey_answers and rebuilt from it whenever they disagree with
 * survey_responses (services/survey/score-cache.ts), so they start empty here and fill on first use.
 *
 * survey_response_scores: one row per response: its salesperson and day, its answer to the survey's
 * first NPS question, and the count, sum and 4–5 count of its 5-point satisfaction answers.
 * survey_value_counts: per question and numeric value, how many answers gave it.
 * survey_response_scores has no foreign keys on purpose: a response deleted behind the services' back
 * leaves its row behind, which is how the cache notices it is stale.
 */
export const migration006: Migration = {
  version: 6,
  name: 'survey score cache',
  sql: `
CREATE TABLE survey_response_scores (
  response_id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL,
  salesperson_id INTEGER,
  day TEXT,
  nps INTEGER,
  sat_n INTEGER NOT NULL,
  sat_sum REAL NOT NULL,
  sat_top INTEGER NOT NULL
) STRICT;
CREATE INDEX survey_response_scores_survey ON survey_response_scores(survey_id, salesperson_id, day, nps, sat_n, sat_sum, sat_top);
CREATE TABLE survey_value_counts (
  question_id INTEGER NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
  value_num REAL NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (question_id, value_num)
) STRICT, WITHOUT ROWID;
`,
};
