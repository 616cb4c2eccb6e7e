import type { Migration } from '../migrate';

/**
 * Surveys (P4.5, P4.7): call-back tasks for detractors live beside improvement actions (same owner, due
 * date and status workflow), each action can name the question whose finding prompted it, and a
 * respondent answers a survey once (re-importing the same export inserts nothing).
 */
export const migration004: Migration = {
  version: 4,
  name: 'survey actions and call-backs',
  sql: `
ALTER TABLE improvement_actions ADD COLUMN kind TEXT NOT NULL DEFAULT 'improvement' CHECK (kind IN ('improvement', 'callback'));
ALTER TABLE improvement_actions ADD COLUMN question_id INTEGER REFERENCES survey_questions(id) ON DELETE SET NULL;
ALTER TABLE improvement_actions ADD COLUMN note TEXT;
ALTER TABLE improvement_actions ADD COLUMN created_at TEXT;
ALTER TABLE improvement_actions ADD COLUMN updated_at TEXT;
CREATE INDEX improvement_actions_survey ON improvement_actions(survey_id, kind);
-- one call-back task per detractor response
CREATE UNIQUE INDEX improvement_actions_callback ON improvement_actions(response_id) WHERE kind = 'callback';
CREATE UNIQUE INDEX survey_responses_key ON survey_responses(survey_id, respondent_key);
`,
};
