import type { Migration } from '../migrate';

/**
 * P3.1, P4.1–P4.3: customers with grade and lifecycle, contacts, visits with their type and outcome, and
 * care greetings with their channel. The `stage` column keeps lead/prospect/customer/lost; "dormant" is
 * derived from the last order (no order for N months), so it needs no stored value that could go stale.
 * Grades are computed by a rule and stored with the figures they came from (grade_sales, grade_profit,
 * grade_as_of), so a list of 20,000 customers never sums a million orders to show them.
 */
export const migration010: Migration = {
  version: 10,
  name: 'customers, contacts, visits and care',
  sql: `
ALTER TABLE customers ADD COLUMN kind TEXT CHECK (kind IN ('company', 'person'));
ALTER TABLE customers ADD COLUMN source TEXT;
ALTER TABLE customers ADD COLUMN grade TEXT CHECK (grade IN ('A', 'B', 'C'));
ALTER TABLE customers ADD COLUMN grade_sales INTEGER;
ALTER TABLE customers ADD COLUMN grade_profit INTEGER;
ALTER TABLE customers ADD COLUMN grade_as_of TEXT;
ALTER TABLE customers ADD COLUMN grade_override TEXT CHECK (grade_override IN ('A', 'B', 'C'));
ALTER TABLE customers ADD COLUMN grade_override_reason TEXT;
ALTER TABLE customers ADD COLUMN cadence_days INTEGER CHECK (cadence_days BETWEEN 1 AND 730);
ALTER TABLE customers ADD COLUMN first_order_date TEXT;
ALTER TABLE customers ADD COLUMN last_order_date TEXT;

-- P3.1: each lifecycle change, dated
CREATE TABLE customer_stage_log (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  date TEXT NOT NULL,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  reason TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX customer_stage_log_customer ON customer_stage_log(customer_id, date);

-- P4.1: several contacts per customer; a birthday in the solar or the lunar calendar
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  title TEXT,
  department TEXT,
  phone TEXT,
  mobile TEXT,
  email TEXT,
  wechat TEXT,
  birth_calendar TEXT CHECK (birth_calendar IN ('solar', 'lunar')),
  birth_year INTEGER,
  birth_month INTEGER CHECK (birth_month BETWEEN 1 AND 12),
  birth_day INTEGER CHECK (birth_day BETWEEN 1 AND 31),
  preferences TEXT,
  role TEXT CHECK (role IN ('decision-maker', 'influencer', 'user', 'buyer')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_customer ON contacts(customer_id);

-- P4.2, P4.3: a visit's type, contact, purpose and outcome; a greeting's channel; planned or done
ALTER TABLE interactions ADD COLUMN contact_id INTEGER REFERENCES contacts(id);
ALTER TABLE interactions ADD COLUMN visit_type TEXT CHECK (visit_type IN ('on-site', 'phone', 'video', 'exhibition'));
ALTER TABLE interactions ADD COLUMN status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('planned', 'done', 'cancelled'));
ALTER TABLE interactions ADD COLUMN purpose TEXT;
ALTER TABLE interactions ADD COLUMN outcome TEXT;
ALTER TABLE interactions ADD COLUMN next_step TEXT;
ALTER TABLE interactions ADD COLUMN channel TEXT CHECK (channel IN ('phone', 'sms', 'email', 'wechat'));
ALTER TABLE interactions ADD COLUMN import_id INTEGER REFERENCES imports(id);
-- Covers "last done visit per customer" (the overdue list) and "greetings in a window" (care coverage).
CREATE INDEX interactions_kind_customer ON interactions(kind, status, customer_id, date);

-- P4.3: greeting templates per occasion and language; the company's own dates
CREATE TABLE care_templates (
  occasion TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('zh-CN', 'en')),
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (occasion, lang)
) STRICT;
CREATE TABLE company_events (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  name TEXT NOT NULL,
  yearly INTEGER NOT NULL DEFAULT 1 CHECK (yearly IN (0, 1))
) STRICT;
`,
};
