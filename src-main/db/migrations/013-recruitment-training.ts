import type { Migration } from '../migrate';

/**
 * P5.1–P5.5, P1.6: recruitment plans with criteria, budget, dates and approval; candidates with their
 * screening, offer and hire; interview scorecards on the appraisal's rubric; training requirements by
 * stage, sessions with place and cost, mastery, and the editable KPI → topic mapping (closing the loop).
 * Columns are added, never rebuilt, so the rows of migration 1's tables stay as they were.
 */
export const migration013: Migration = {
  version: 13,
  name: 'recruitment and training',
  sql: `
ALTER TABLE recruitment_plans ADD COLUMN job_title TEXT;
ALTER TABLE recruitment_plans ADD COLUMN budget INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recruitment_plans ADD COLUMN start_date TEXT;
ALTER TABLE recruitment_plans ADD COLUMN end_date TEXT;
ALTER TABLE recruitment_plans ADD COLUMN requested_by INTEGER REFERENCES staff(id);
ALTER TABLE recruitment_plans ADD COLUMN approval TEXT NOT NULL DEFAULT 'draft' CHECK (approval IN ('draft', 'submitted', 'approved', 'rejected'));
ALTER TABLE recruitment_plans ADD COLUMN approved_by INTEGER REFERENCES staff(id);
ALTER TABLE recruitment_plans ADD COLUMN approved_at TEXT;
ALTER TABLE recruitment_plans ADD COLUMN interview_items TEXT;
ALTER TABLE recruitment_plans ADD COLUMN created_at TEXT;

-- P5.1: what each channel cost (job-site fees, agency fees), for cost per hire
CREATE TABLE recruitment_costs (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES recruitment_plans(id),
  channel TEXT NOT NULL,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  note TEXT
) STRICT;
CREATE INDEX recruitment_costs_plan ON recruitment_costs(plan_id);

ALTER TABLE candidates ADD COLUMN applied_date TEXT;
ALTER TABLE candidates ADD COLUMN profile TEXT;
ALTER TABLE candidates ADD COLUMN screening TEXT;
ALTER TABLE candidates ADD COLUMN screen_score REAL;
ALTER TABLE candidates ADD COLUMN screen_decision TEXT CHECK (screen_decision IN ('pass', 'hold', 'reject'));
ALTER TABLE candidates ADD COLUMN screen_reason TEXT;
ALTER TABLE candidates ADD COLUMN screened_date TEXT;
ALTER TABLE candidates ADD COLUMN offer_date TEXT;
ALTER TABLE candidates ADD COLUMN offer_response TEXT CHECK (offer_response IN ('accepted', 'declined'));
ALTER TABLE candidates ADD COLUMN offer_reason TEXT;
ALTER TABLE candidates ADD COLUMN staff_id INTEGER REFERENCES staff(id);
ALTER TABLE candidates ADD COLUMN hired_date TEXT;
CREATE UNIQUE INDEX candidates_staff ON candidates(staff_id) WHERE staff_id IS NOT NULL;
CREATE INDEX candidates_plan ON candidates(plan_id);
CREATE INDEX candidates_phone ON candidates(phone);
CREATE INDEX candidates_email ON candidates(email);

-- P5.2: the résumé as the user gave it
CREATE TABLE candidate_files (
  candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  bytes BLOB NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

-- P5.3: one scorecard per interviewer and round; its levels are the appraisal rubric's
ALTER TABLE interviews ADD COLUMN round TEXT CHECK (round IN ('phone', 'first', 'second', 'final'));
ALTER TABLE interviews ADD COLUMN entered_at TEXT;
CREATE INDEX interviews_candidate ON interviews(candidate_id);
CREATE TABLE interview_scores (
  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (interview_id, item_key)
) STRICT, WITHOUT ROWID;

-- Hire: the end of probation of the staff record a hire created
ALTER TABLE staff ADD COLUMN probation_end TEXT;
-- The probation review at its end: levels on the appraisal's rubric, the data of the months worked, the decision
CREATE TABLE probation_reviews (
  staff_id INTEGER PRIMARY KEY REFERENCES staff(id),
  review_date TEXT NOT NULL,
  ratings TEXT NOT NULL,
  data TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('confirm', 'extend', 'end')),
  extended_to TEXT,
  note TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
) STRICT;

-- P5.4: topics beyond migration 1's list (the policy itself), the pass mark, and hours per stage and year
ALTER TABLE training_plans ADD COLUMN topic_key TEXT CHECK (topic_key IN ('product', 'sales-skill', 'crm', 'policy', 'other'));
ALTER TABLE training_plans ADD COLUMN pass_mark REAL;
ALTER TABLE training_plans ADD COLUMN description TEXT;
CREATE TABLE training_requirements (
  year INTEGER NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('onboarding', 'junior', 'senior', 'manager')),
  hours REAL NOT NULL CHECK (hours >= 0),
  topics TEXT,
  PRIMARY KEY (year, stage)
) STRICT;
ALTER TABLE training_sessions ADD COLUMN trainer_kind TEXT CHECK (trainer_kind IN ('internal', 'external'));
ALTER TABLE training_sessions ADD COLUMN place TEXT;
ALTER TABLE training_sessions ADD COLUMN online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1));
ALTER TABLE training_sessions ADD COLUMN cost INTEGER NOT NULL DEFAULT 0;
CREATE INDEX training_sessions_plan ON training_sessions(plan_id, date);
-- P5.5: the trainer's assessment of mastery (1–5) and why someone was enrolled (an appraisal gap)
ALTER TABLE training_attendance ADD COLUMN mastery INTEGER CHECK (mastery BETWEEN 1 AND 5);
ALTER TABLE training_attendance ADD COLUMN enrolled_reason TEXT;
CREATE INDEX training_attendance_staff ON training_attendance(staff_id);

-- Closing the loop: which topics address which appraisal KPI; editable, seeded for the default scheme
CREATE TABLE training_kpi_topics (
  kpi_key TEXT NOT NULL,
  topic TEXT NOT NULL CHECK (topic IN ('product', 'sales-skill', 'crm', 'policy', 'other')),
  PRIMARY KEY (kpi_key, topic)
) STRICT, WITHOUT ROWID;
INSERT INTO training_kpi_topics (kpi_key, topic) VALUES
  ('completion', 'sales-skill'), ('salesGrowth', 'sales-skill'), ('profitMargin', 'product'), ('profit', 'product'),
  ('csat', 'crm'), ('nps', 'crm'), ('complaintHandling', 'crm'), ('complaints', 'crm'),
  ('initiative', 'policy'), ('communication', 'sales-skill'), ('sellingSkill', 'sales-skill'), ('sellingSkill', 'product'),
  ('teamwork', 'other');
`,
};
