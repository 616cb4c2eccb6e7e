import type { Migration } from '../migrate';

/**
 * P5.5: the participants' feedback on a training session is a survey of the survey engine (P4.7), so its
 * questions, answers, import and analysis are the survey's own; the session names its survey. Deleting
 * the survey (possible only while it has no answers) leaves the session without one.
 */
export const migration016: Migration = {
  version: 16,
  name: 'training feedback survey',
  sql: `
ALTER TABLE training_sessions ADD COLUMN feedback_survey_id INTEGER REFERENCES surveys(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX training_sessions_feedback ON training_sessions(feedback_survey_id) WHERE feedback_survey_id IS NOT NULL;
`,
};
