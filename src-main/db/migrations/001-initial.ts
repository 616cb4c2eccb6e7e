import type { Migration } from '../migrate';

/**
 * The schema for the whole policy (P1–P6). Money is integer fen; dates ISO text; quarters 'YYYYQn'.
 * Every table is STRICT. A shipped migration is never edited: later changes get a new number.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every change to a target, rating, score or outcome (and to staff records) is recorded here.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  reason TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- P1.1, P5.6: teams and salespeople
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  region TEXT,
  manager_id INTEGER REFERENCES staff(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  employee_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  team_id INTEGER REFERENCES teams(id),
  title TEXT,
  manager_id INTEGER REFERENCES staff(id),
  hire_date TEXT,
  phone TEXT,
  email TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  left_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX staff_team ON staff(team_id);
CREATE INDEX staff_manager ON staff(manager_id);

-- P1.2: product catalogue
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT NOT NULL UNIQUE,
  category TEXT,
  positioning TEXT,
  list_price INTEGER NOT NULL DEFAULT 0,
  cost INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- P1.4, P3.1, P4.1, P4.2: customers from lead to customer
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'customer' CHECK (stage IN ('lead', 'prospect', 'customer', 'lost')),
  segment TEXT,
  industry TEXT,
  province TEXT,
  city TEXT,
  owner_id INTEGER REFERENCES staff(id),
  contact_name TEXT,
  phone TEXT,
  email TEXT,
  address TEXT,
  birthday TEXT,
  visit_interval_days INTEGER,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX customers_owner ON customers(owner_id);
CREATE INDEX customers_name ON customers(name);

-- P2.6: orders, the actual sales
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  order_no TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers(id),
  salesperson_id INTEGER REFERENCES staff(id),
  product_id INTEGER REFERENCES products(id),
  quantity REAL NOT NULL DEFAULT 1,
  unit_price INTEGER NOT NULL DEFAULT 0,
  amount INTEGER NOT NULL,
  profit INTEGER,
  channel TEXT,
  import_id INTEGER REFERENCES imports(id)
) STRICT;
CREATE INDEX orders_date ON orders(date);
CREATE INDEX orders_salesperson_date ON orders(salesperson_id, date);
CREATE INDEX orders_customer ON orders(customer_id);

-- P1.1, P1.4, P4.2, P4.3: every interaction with a customer (visits, calls, care greetings, feedback)
CREATE TABLE interactions (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  staff_id INTEGER REFERENCES staff(id),
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'email', 'sms', 'demo', 'feedback', 'care', 'callback')),
  occasion TEXT,
  summary TEXT,
  next_date TEXT
) STRICT;
CREATE INDEX interactions_customer ON interactions(customer_id, date);

-- P3.2: opportunities with presentation/demo
CREATE TABLE opportunities (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  staff_id INTEGER REFERENCES staff(id),
  title TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('lead', 'qualified', 'presentation', 'negotiation', 'won', 'lost')),
  amount INTEGER,
  expected_date TEXT,
  demo_date TEXT,
  materials TEXT
) STRICT;

-- P3.3: contracts reviewed and approved before signing
CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  contract_no TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  staff_id INTEGER REFERENCES staff(id),
  opportunity_id INTEGER REFERENCES opportunities(id),
  amount INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'signed', 'rejected')),
  checklist TEXT,
  approved_by TEXT,
  signed_date TEXT
) STRICT;

-- P4.4, P4.6: after-sales tickets
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  ticket_no TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  order_id INTEGER REFERENCES orders(id),
  staff_id INTEGER REFERENCES staff(id),
  department TEXT NOT NULL,
  category TEXT,
  description TEXT,
  complaint INTEGER NOT NULL DEFAULT 0 CHECK (complaint IN (0, 1)),
  opened_date TEXT NOT NULL,
  target_hours INTEGER,
  resolved_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed'))
) STRICT;
CREATE INDEX tickets_staff ON tickets(staff_id, opened_date);

-- P1.5, P2.3, P2.4: market, competitor and strategy notes attached to a year, team, person or cell
CREATE TABLE market_notes (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  team_id INTEGER REFERENCES teams(id),
  staff_id INTEGER REFERENCES staff(id),
  period TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('market', 'competitor', 'strategy', 'assumption')),
  title TEXT NOT NULL,
  body TEXT,
  created_at TEXT NOT NULL
) STRICT;

-- P2.5, P2.6, P1.3: sales plans and their activities
CREATE TABLE sales_plans (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  period TEXT,
  team_id INTEGER REFERENCES teams(id),
  staff_id INTEGER REFERENCES staff(id),
  channels TEXT,
  methods TEXT,
  notes TEXT
) STRICT;
CREATE TABLE plan_activities (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES sales_plans(id),
  owner_id INTEGER REFERENCES staff(id),
  customer_id INTEGER REFERENCES customers(id),
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'promotion', 'trade-show', 'online', 'follow-up')),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled'))
) STRICT;

-- P2.1, P2.2: targets. scope 'company' uses scope_id 0; period 'Y', 'Q1'..'Q4' or 'M1'..'M12'.
CREATE TABLE target_plans (
  year INTEGER PRIMARY KEY,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved')),
  method TEXT,
  growth_pct REAL,
  weights TEXT,
  approved_by TEXT,
  approved_at TEXT
) STRICT;
CREATE TABLE target_cells (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('company', 'team', 'person')),
  scope_id INTEGER NOT NULL,
  period TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('sales', 'profit', 'stretch', 'challenge', 'proposal')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  updated_at TEXT NOT NULL,
  UNIQUE (year, scope, scope_id, period, metric)
) STRICT;

-- P4.5, P4.7: satisfaction surveys
CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  purpose TEXT,
  method TEXT NOT NULL CHECK (method IN ('questionnaire', 'phone', 'after-sales')),
  start_date TEXT,
  end_date TEXT,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'closed')),
  audience TEXT,
  previous_wave_id INTEGER REFERENCES surveys(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE survey_questions (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('likert5', 'nps', 'ces7', 'choice', 'multi', 'text', 'salesperson', 'meta')),
  options TEXT,
  UNIQUE (survey_id, code)
) STRICT;
CREATE TABLE survey_responses (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  respondent_key TEXT,
  customer_id INTEGER REFERENCES customers(id),
  salesperson_id INTEGER REFERENCES staff(id),
  order_id INTEGER REFERENCES orders(id),
  ticket_id INTEGER REFERENCES tickets(id),
  submitted_at TEXT,
  channel TEXT,
  import_id INTEGER REFERENCES imports(id)
) STRICT;
CREATE INDEX survey_responses_survey ON survey_responses(survey_id, salesperson_id);
CREATE TABLE survey_answers (
  response_id INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
  value_num REAL,
  value_text TEXT,
  PRIMARY KEY (response_id, question_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX survey_answers_question ON survey_answers(question_id, value_num);
CREATE TABLE improvement_actions (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER REFERENCES surveys(id),
  response_id INTEGER REFERENCES survey_responses(id),
  owner_id INTEGER REFERENCES staff(id),
  finding TEXT NOT NULL,
  action TEXT NOT NULL,
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled'))
) STRICT;

-- P5.1–P5.3: recruitment
CREATE TABLE recruitment_plans (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  team_id INTEGER REFERENCES teams(id),
  headcount INTEGER NOT NULL CHECK (headcount > 0),
  criteria TEXT,
  channels TEXT,
  period TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed'))
) STRICT;
CREATE TABLE candidates (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER REFERENCES recruitment_plans(id),
  name TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  source TEXT,
  status TEXT NOT NULL CHECK (status IN ('new', 'screened', 'interview', 'offer', 'hired', 'rejected')),
  notes TEXT
) STRICT;
CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id),
  date TEXT NOT NULL,
  interviewer_id INTEGER REFERENCES staff(id),
  skill_score INTEGER CHECK (skill_score BETWEEN 1 AND 5),
  communication_score INTEGER CHECK (communication_score BETWEEN 1 AND 5),
  attitude_score INTEGER CHECK (attitude_score BETWEEN 1 AND 5),
  recommendation TEXT CHECK (recommendation IN ('hire', 'hold', 'reject')),
  notes TEXT
) STRICT;

-- P5.4, P5.5: training
CREATE TABLE training_plans (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('onboarding', 'junior', 'senior', 'manager')),
  topic TEXT NOT NULL CHECK (topic IN ('product', 'sales-skill', 'crm', 'other')),
  period TEXT
) STRICT;
CREATE TABLE training_sessions (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES training_plans(id),
  date TEXT NOT NULL,
  trainer TEXT,
  hours REAL
) STRICT;
CREATE TABLE training_attendance (
  session_id INTEGER NOT NULL REFERENCES training_sessions(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  attended INTEGER NOT NULL CHECK (attended IN (0, 1)),
  test_score REAL,
  feedback TEXT,
  PRIMARY KEY (session_id, staff_id)
) STRICT;

-- P6: the quarterly appraisal
CREATE TABLE review_schemes (
  id INTEGER PRIMARY KEY,
  quarter TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (quarter, version)
) STRICT;
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  quarter TEXT NOT NULL UNIQUE,
  scheme_id INTEGER NOT NULL REFERENCES review_schemes(id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'rated', 'submitted', 'approved', 'locked')),
  computed_at TEXT,
  approved_by TEXT,
  approved_at TEXT,
  locked_at TEXT
) STRICT;
CREATE TABLE review_entries (
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  total REAL,
  grade TEXT,
  adjusted_total REAL,
  adjust_reason TEXT,
  adjusted_by TEXT,
  adjusted_at TEXT,
  feedback TEXT,
  self_assessment TEXT,
  PRIMARY KEY (review_id, staff_id)
) STRICT;
CREATE TABLE review_kpi_values (
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  kpi_key TEXT NOT NULL,
  value REAL,
  score REAL,
  PRIMARY KEY (review_id, staff_id, kpi_key)
) STRICT;
CREATE TABLE review_ratings (
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  kpi_key TEXT NOT NULL,
  score REAL NOT NULL,
  note TEXT,
  rated_by TEXT NOT NULL,
  rated_at TEXT NOT NULL,
  PRIMARY KEY (review_id, staff_id, kpi_key)
) STRICT;
CREATE TABLE review_outcomes (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  type TEXT NOT NULL CHECK (type IN ('bonus', 'promotion', 'honour', 'deduction', 'warning', 'demotion', 'dismissal-proposal')),
  amount INTEGER,
  reason TEXT NOT NULL,
  clause TEXT NOT NULL,
  rule_key TEXT,
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
  decided_by TEXT,
  decided_at TEXT
) STRICT;
-- P6.3: serious violations and major losses, recorded by the manager with evidence
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('violation', 'major-loss')),
  description TEXT NOT NULL,
  evidence TEXT,
  loss_amount INTEGER,
  recorded_by TEXT NOT NULL
) STRICT;

-- Imports: history, undo and remembered mappings
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  sheet TEXT,
  at TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  invalid INTEGER NOT NULL,
  mapping TEXT,
  status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone'))
) STRICT;
CREATE TABLE import_changes (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  seq INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update')),
  old_row TEXT,
  PRIMARY KEY (import_id, seq)
) STRICT;
CREATE TABLE import_mappings (
  signature TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
