import type { Migration } from '../migrate';

/**
 * Issue 15: sales plans with budgets and activities (P2.5, P2.6, P1.3), competitors and market news
 * (P1.5, P2.3), strategy with discount bands per year and product line (P2.4), and sales reports kept
 * with their figures frozen and the manager's comments per section (P2.6, P5.6). Money in fen.
 */
export const migration012: Migration = {
  version: 12,
  name: 'plans, market, strategy and sales reports',
  sql: `
ALTER TABLE sales_plans ADD COLUMN title TEXT;
ALTER TABLE sales_plans ADD COLUMN timing TEXT;
ALTER TABLE sales_plans ADD COLUMN budget INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0);
ALTER TABLE sales_plans ADD COLUMN expected_sales INTEGER NOT NULL DEFAULT 0 CHECK (expected_sales >= 0);
ALTER TABLE sales_plans ADD COLUMN created_at TEXT;
CREATE INDEX sales_plans_period ON sales_plans(period);

ALTER TABLE plan_activities ADD COLUMN budget INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0);
ALTER TABLE plan_activities ADD COLUMN spent INTEGER NOT NULL DEFAULT 0 CHECK (spent >= 0);
ALTER TABLE plan_activities ADD COLUMN outcome TEXT;
ALTER TABLE plan_activities ADD COLUMN credited_sales INTEGER NOT NULL DEFAULT 0 CHECK (credited_sales >= 0);
-- the suggestion an activity came from (P2.6 gap-driven suggestions), e.g. 'fell:123'
ALTER TABLE plan_activities ADD COLUMN source TEXT;
CREATE INDEX plan_activities_plan ON plan_activities(plan_id, date);
CREATE INDEX plan_activities_owner ON plan_activities(owner_id, date);

CREATE TABLE competitors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  products TEXT,
  price_points TEXT,
  -- JSON object: region → estimated share in percent
  shares TEXT,
  strengths TEXT,
  weaknesses TEXT,
  recent_moves TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE market_news (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  source TEXT,
  region TEXT,
  product_line TEXT,
  note TEXT NOT NULL,
  link TEXT,
  competitor_id INTEGER REFERENCES competitors(id),
  -- tie to a target year, team or cell, like the target notes (market_notes)
  year INTEGER,
  team_id INTEGER REFERENCES teams(id),
  staff_id INTEGER REFERENCES staff(id),
  period TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX market_news_date ON market_news(date);

-- P2.4: one strategy per year and product line; the discount bands are the one definition contract approval checks
CREATE TABLE sales_strategies (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  product_line TEXT NOT NULL,
  positioning TEXT,
  list_price INTEGER,
  -- JSON array of {maxDiscountPct, approver}, ascending
  discount_bands TEXT NOT NULL DEFAULT '[]',
  promotion_methods TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (year, product_line)
) STRICT;

-- the survey results of a period (report, home page) read the score cache by day
CREATE INDEX survey_response_scores_day ON survey_response_scores(day, salesperson_id, survey_id, nps, sat_n, sat_sum);

CREATE TABLE sales_reports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('monthly', 'weekly')),
  period TEXT NOT NULL,
  team_id INTEGER REFERENCES teams(id),
  lang TEXT NOT NULL,
  -- the report's figures as they were on the day it was made (JSON), never recomputed
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX sales_reports_period ON sales_reports(period);
CREATE TABLE sales_report_comments (
  report_id INTEGER NOT NULL REFERENCES sales_reports(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (report_id, section)
) STRICT;
`,
};
