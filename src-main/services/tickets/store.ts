import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { SlaState, Ticket, TicketDetail, TicketEvent, TicketSettings, TicketStatus } from '../../contract/tickets';
import { type Pause, type WorkDay, workingHours } from './sla-clock';
import { ticketSettings, ticketWorkDay } from './settings';

/** The columns a ticket's clock needs (the appraisal's complaint KPI reads the same, see quality.ts). */
export interface ClockRow {
  id: number;
  opened_date: string;
  opened_at: string | null;
  first_response_at: string | null;
  resolved_date: string | null;
  resolved_at: string | null;
  target_hours: number | null;
  status: TicketStatus;
}

export interface Clock {
  opened: string;
  resolved: string | null;
  hours: number;
  responseHours: number | null;
  /** counts for "share within target": resolved, or still open past its target */
  due: boolean;
  onTime: boolean;
}

/** A ticket given a date only started at the start of that working day and was resolved by its end. */
export function ticketClock(
  r: ClockRow,
  pauses: readonly Pause[],
  asOf: string,
  s: TicketSettings,
  wd: WorkDay,
): Clock {
  const opened = r.opened_at ?? `${r.opened_date}T${s.workStart}`;
  const resolved = r.resolved_at ?? (r.resolved_date ? `${r.resolved_date}T${s.workEnd}` : null);
  const hours = workingHours(opened, resolved ?? asOf, pauses, wd);
  const responseHours = r.first_response_at ? workingHours(opened, r.first_response_at, pauses, wd) : null;
  // P4.6, P6.1: one definition of "within target" for the service figures and the complaint-handling KPI
  const due = resolved !== null || hours > (r.target_hours ?? 0);
  const onTime = resolved !== null && (r.target_hours === null || hours <= r.target_hours);
  return { opened, resolved, hours, responseHours, due, onTime };
}

export function slaState(c: Clock, r: ClockRow, s: TicketSettings): SlaState {
  if (c.resolved) return c.onTime ? 'met' : 'breached';
  if (r.target_hours !== null && c.hours > r.target_hours) return 'breached';
  if (r.status === 'waiting') return 'paused';
  if (r.target_hours !== null && r.target_hours - c.hours <= s.dueSoonHours) return 'due-soon';
  return 'running';
}

/** Every pause of the tickets selected by `where` (the same filter as their rows), by ticket. */
export function pausesOf(db: Database, ids: number[]): Map<number, Pause[]> {
  const out = new Map<number, Pause[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare(
      'SELECT ticket_id AS id, start_at AS start, end_at AS end FROM ticket_pauses WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY start_at',
    )
    .all(JSON.stringify(ids)) as { id: number; start: string; end: string | null }[];
  for (const p of rows) {
    let list = out.get(p.id);
    if (!list) out.set(p.id, (list = []));
    list.push({ start: p.start, end: p.end });
  }
  return out;
}

const SELECT = `SELECT t.*, c.name AS customer_name, o.order_no, k.contract_no, p.name AS product_name, s.name AS staff_name, a.name AS assignee_name
  FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN orders o ON o.id = t.order_id LEFT JOIN contracts k ON k.id = t.contract_id
  LEFT JOIN products p ON p.id = t.product_id LEFT JOIN staff s ON s.id = t.staff_id LEFT JOIN staff a ON a.id = t.assignee_id`;

type Row = ClockRow & Record<string, unknown>;

function toTicket(r: Row, pauses: Pause[], asOf: string, s: TicketSettings, wd: WorkDay): Ticket {
  const c = ticketClock(r, pauses, asOf, s, wd);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    id: r.id,
    ticketNo: r.ticket_no as string,
    customerId: r.customer_id as number,
    customerName: r.customer_name as string,
    contact: r.contact as string | null,
    orderNo: r.order_no as string | null,
    contractNo: r.contract_no as string | null,
    productName: r.product_name as string | null,
    staffId: r.staff_id as number | null,
    staffName: r.staff_name as string | null,
    assigneeId: r.assignee_id as number | null,
    assigneeName: r.assignee_name as string | null,
    department: r.department as string,
    category: r.category as string | null,
    complaint: r.complaint === 1,
    severity: r.severity as Ticket['severity'],
    channel: r.channel as string | null,
    description: r.description as string | null,
    status: r.status,
    openedAt: c.opened,
    firstResponseAt: r.first_response_at,
    resolvedAt: c.resolved,
    closedAt: r.closed_at as string | null,
    responseTargetHours: r.response_target_hours as number | null,
    targetHours: r.target_hours,
    workingHours: round(c.hours),
    responseHours: c.responseHours === null ? null : round(c.responseHours),
    sla: slaState(c, r, s),
    reopened: r.reopened as number,
    followupDue: r.followup_due as string | null,
    followupResult: r.followup_result as string | null,
  };
}

export function listTickets(
  db: Database,
  f: { from?: string; to?: string; status?: string; department?: string; staffId?: number; complaint?: boolean },
  asOf: string,
): Ticket[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) {
    where.push('t.opened_date >= :from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('t.opened_date <= :to');
    params.to = f.to;
  }
  if (f.status) {
    where.push('t.status = :status');
    params.status = f.status;
  }
  if (f.department) {
    where.push('t.department = :department');
    params.department = f.department;
  }
  if (f.staffId) {
    where.push('t.staff_id = :staffId');
    params.staffId = f.staffId;
  }
  if (f.complaint !== undefined) {
    where.push('t.complaint = :complaint');
    params.complaint = f.complaint ? 1 : 0;
  }
  const rows = db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.opened_date DESC, t.id DESC`)
    .all(params) as Row[];
  const s = ticketSettings(db);
  const wd = ticketWorkDay(s);
  const pauses = pausesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTicket(r, pauses.get(r.id) ?? [], asOf, s, wd));
}

export function getTicket(db: Database, id: number, asOf: string): TicketDetail {
  const r = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as Row | undefined;
  if (!r) throw new WorkbenchError('tickets/not-found', { id });
  const s = ticketSettings(db);
  const pauses = pausesOf(db, [id]).get(id) ?? [];
  const events = db
    .prepare(
      'SELECT at, actor, kind, from_value AS "from", to_value AS "to", note FROM ticket_events WHERE ticket_id = ? ORDER BY at, id',
    )
    .all(id) as TicketEvent[];
  return { ...toTicket(r, pauses, asOf, s, ticketWorkDay(s)), events, pauses };
}
