import type { Migration } from '../migrate';

/**
 * P3.1–P3.3, P4.4–P4.6: the sales process and after-sales service on the tables of version 1.
 * Their CHECK lists of stages and statuses follow the policy now (needs → proposal → demo → negotiation →
 * contract → won/lost; a contract's draft → in review → approved → signed → in force → completed/terminated;
 * a ticket's new → in progress → waiting on the customer → resolved → closed), and SQLite cannot change a
 * CHECK, so the three tables are rebuilt with their ids kept; contracts and survey responses refer to them,
 * hence foreign keys off meanwhile. Old codes map to the nearest new one (lead → needs, qualified →
 * proposal, presentation → demo; review → in_review, rejected → draft; open → new).
 * A ticket's times are local `YYYY-MM-DDTHH:MM`; a ticket with a date only counts from the start of that
 * working day (services/tickets/sla-clock.ts).
 */
export const migration011: Migration = {
  version: 11,
  name: 'sales process',
  foreignKeysOff: true,
  sql: `
CREATE TABLE opportunities_new (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  staff_id INTEGER REFERENCES staff(id),
  title TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('needs', 'proposal', 'demo', 'negotiation', 'contract', 'won', 'lost')),
  amount INTEGER,
  expected_date TEXT,
  demo_date TEXT,
  materials TEXT,
  contact TEXT,
  source TEXT,
  product_id INTEGER REFERENCES products(id),
  lost_reason TEXT,
  competitor TEXT,
  order_id INTEGER REFERENCES orders(id),
  stage_since TEXT,
  created_at TEXT
) STRICT;
INSERT INTO opportunities_new (id, customer_id, staff_id, title, stage, amount, expected_date, demo_date, materials)
  SELECT id, customer_id, staff_id, title,
    CASE stage WHEN 'lead' THEN 'needs' WHEN 'qualified' THEN 'proposal' WHEN 'presentation' THEN 'demo' ELSE stage END,
    amount, expected_date, demo_date, materials FROM opportunities;
DROP TABLE opportunities;
ALTER TABLE opportunities_new RENAME TO opportunities;
CREATE INDEX opportunities_staff ON opportunities(staff_id, stage, expected_date);
CREATE INDEX opportunities_customer ON opportunities(customer_id);

-- P3.1: who moved an opportunity from which stage to which, and when
CREATE TABLE opportunity_stage_history (
  id INTEGER PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX opportunity_stage_history_opp ON opportunity_stage_history(opportunity_id, at);

-- P3.2: demo preparation, one per opportunity; checklist and attendees as JSON lists
CREATE TABLE opportunity_demos (
  opportunity_id INTEGER PRIMARY KEY REFERENCES opportunities(id) ON DELETE CASCADE,
  demo_date TEXT NOT NULL,
  product_line TEXT,
  checklist TEXT NOT NULL DEFAULT '[]',
  attendees TEXT NOT NULL DEFAULT '[]',
  outcome TEXT
) STRICT;

CREATE TABLE contracts_new (
  id INTEGER PRIMARY KEY,
  contract_no TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  staff_id INTEGER REFERENCES staff(id),
  opportunity_id INTEGER REFERENCES opportunities(id),
  amount INTEGER NOT NULL,
  list_amount INTEGER,
  products TEXT,
  standard_payment INTEGER NOT NULL DEFAULT 1 CHECK (standard_payment IN (0, 1)),
  payment_terms TEXT,
  delivery_terms TEXT,
  start_date TEXT,
  end_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'signed', 'in_force', 'completed', 'terminated')),
  checklist TEXT,
  checklist_by TEXT,
  checklist_at TEXT,
  approval_rule TEXT,
  approved_by TEXT,
  signed_date TEXT,
  created_at TEXT
) STRICT;
INSERT INTO contracts_new (id, contract_no, customer_id, staff_id, opportunity_id, amount, status, checklist, approved_by, signed_date)
  SELECT id, contract_no, customer_id, staff_id, opportunity_id, amount,
    CASE status WHEN 'review' THEN 'in_review' WHEN 'rejected' THEN 'draft' ELSE status END,
    checklist, approved_by, signed_date FROM contracts;
DROP TABLE contracts;
ALTER TABLE contracts_new RENAME TO contracts;
CREATE INDEX contracts_staff ON contracts(staff_id, status);
CREATE INDEX contracts_end ON contracts(end_date);

-- P3.3: payment terms as instalments; their sum equals the contract amount (checked by the service)
CREATE TABLE contract_instalments (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  paid_date TEXT,
  UNIQUE (contract_id, seq)
) STRICT;
CREATE INDEX contract_instalments_due ON contract_instalments(due_date);

-- P3.3: each approval given, by whom and in which role of the rule that applied
CREATE TABLE contract_approvals (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('manager', 'second')),
  approver_id INTEGER REFERENCES staff(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  UNIQUE (contract_id, role)
) STRICT;

-- P3.3: signed scans, kept in the data folder under their hash
CREATE TABLE contract_files (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;

CREATE TABLE tickets_new (
  id INTEGER PRIMARY KEY,
  ticket_no TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  order_id INTEGER REFERENCES orders(id),
  contract_id INTEGER REFERENCES contracts(id),
  staff_id INTEGER REFERENCES staff(id),
  assignee_id INTEGER REFERENCES staff(id),
  contact TEXT,
  product_id INTEGER REFERENCES products(id),
  department TEXT NOT NULL,
  category TEXT,
  description TEXT,
  complaint INTEGER NOT NULL DEFAULT 0 CHECK (complaint IN (0, 1)),
  severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  channel TEXT,
  opened_date TEXT NOT NULL,
  opened_at TEXT,
  response_target_hours REAL,
  target_hours INTEGER,
  first_response_at TEXT,
  resolved_date TEXT,
  resolved_at TEXT,
  closed_at TEXT,
  waiting_since TEXT,
  reopened INTEGER NOT NULL DEFAULT 0,
  followup_due TEXT,
  followup_result TEXT,
  status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'waiting', 'resolved', 'closed'))
) STRICT;
INSERT INTO tickets_new (id, ticket_no, customer_id, order_id, staff_id, department, category, description, complaint, opened_date, target_hours, resolved_date, status)
  SELECT id, ticket_no, customer_id, order_id, staff_id, department, category, description, complaint, opened_date, target_hours, resolved_date,
    CASE status WHEN 'open' THEN 'new' ELSE status END FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_new RENAME TO tickets;
CREATE INDEX tickets_staff ON tickets(staff_id, opened_date);
CREATE INDEX tickets_opened ON tickets(opened_date);

-- P4.6: complaints per 100 orders by salesperson, product and month count each order once (its first line);
-- partial covering indexes let a year of orders be counted by person, product and month without reading the table
CREATE INDEX orders_first_person ON orders(salesperson_id, date) WHERE line = 1;
CREATE INDEX orders_first_product ON orders(product_id, date) WHERE line = 1;

-- P4.6: the periods a ticket waited on the customer (its clock stops); end_at NULL while waiting
CREATE TABLE ticket_pauses (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  start_at TEXT NOT NULL,
  end_at TEXT
) STRICT;
CREATE INDEX ticket_pauses_ticket ON ticket_pauses(ticket_id);

-- P4.4: status changes, hand-overs between departments, reopen reasons and follow-ups, with time
CREATE TABLE ticket_events (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('status', 'handover', 'reopen', 'response', 'followup')),
  from_value TEXT,
  to_value TEXT,
  note TEXT
) STRICT;
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at);
`,
};
