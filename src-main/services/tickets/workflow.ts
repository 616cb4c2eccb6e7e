import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { TicketDetail, TicketStatus } from '../../contract/tickets';
import { customerRef } from '../../db/access/customers';
import { firstOrderLineId, orderLine } from '../../db/access/orders';
import { staffExists } from '../../db/access/staff';
import { audit } from '../audit';
import { isWorkingDay } from '../calendar';
import type { ServiceContext } from '../context';
import { ticketSettings } from './settings';
import { localNow } from './sla-clock';
import { getTicket } from './store';

/** P4.6: the status flow; resolved and closed go back to in progress only by a reopen with a reason. */
const NEXT: Record<TicketStatus, TicketStatus[]> = {
  new: ['in_progress', 'waiting', 'resolved'],
  in_progress: ['waiting', 'resolved'],
  waiting: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

interface Current {
  id: number;
  ticket_no: string;
  status: TicketStatus;
  opened_date: string;
  opened_at: string | null;
  first_response_at: string | null;
  department: string;
  assignee_id: number | null;
}

function current(ctx: ServiceContext, id: number): Current {
  const t = ctx.db
    .prepare(
      'SELECT id, ticket_no, status, opened_date, opened_at, first_response_at, department, assignee_id FROM tickets WHERE id = ?',
    )
    .get(id) as Current | undefined;
  if (!t) throw new WorkbenchError('tickets/not-found', { id });
  return t;
}

/** A change dated before the ticket was opened would run its clock backwards. */
function checkAfterOpened(t: Current, at: string): void {
  const opened = t.opened_at ?? `${t.opened_date}T00:00`;
  if (at < opened)
    throw new WorkbenchError('tickets/before-opened', {
      ticket: t.ticket_no,
      at: at.replace('T', ' '),
      opened: opened.replace('T', ' '),
    });
}

function event(
  ctx: ServiceContext,
  id: number,
  at: string,
  kind: string,
  from: string | null,
  to: string | null,
  note: string | null = null,
): void {
  ctx.db
    .prepare(
      'INSERT INTO ticket_events (ticket_id, at, actor, kind, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, at, ctx.actor, kind, from, to, note);
}

/** The working day `n` working days after `date` (P4.5: when the salesperson calls back after a resolution). */
export function workingDaysAfter(date: string, n: number): string {
  let d = dayjs(date);
  for (let left = n; left > 0;) {
    d = d.add(1, 'day');
    if (isWorkingDay(d.format('YYYY-MM-DD'))) left--;
  }
  return d.format('YYYY-MM-DD');
}

function checkDepartment(ctx: ServiceContext, department: string): void {
  const list = ticketSettings(ctx.db).departments;
  if (!list.includes(department))
    throw new WorkbenchError('tickets/unknown-department', { department, departments: list.join(', ') });
}

function checkStaff(ctx: ServiceContext, id: number | null | undefined): void {
  if (id && !staffExists(ctx.db, id)) throw new WorkbenchError('tickets/unknown-staff', { id });
}

/** P4.4: opens a ticket; its targets come from its severity (P4.6), its salesperson from the order or the customer. */
export function createTicket(ctx: ServiceContext, input: ParsedInput<'tickets/create'>): TicketDetail {
  const db = ctx.db;
  const id = db.transaction(() => {
    const customer = customerRef(db, input.customerId);
    if (!customer) throw new WorkbenchError('tickets/unknown-customer', { id: input.customerId });
    checkDepartment(ctx, input.department);
    checkStaff(ctx, input.staffId);
    checkStaff(ctx, input.assigneeId);
    const lineId = input.orderId ?? (input.orderNo ? firstOrderLineId(db, input.orderNo) : undefined);
    const order = lineId !== undefined ? orderLine(db, lineId) : undefined;
    if (input.orderId && !order) throw new WorkbenchError('tickets/unknown-order', { id: input.orderId });
    if (input.orderNo && !order) throw new WorkbenchError('tickets/unknown-order-no', { orderNo: input.orderNo });
    // P4.4: the order or contract a ticket names is the customer's own, or the ticket would count against another
    if (order && order.customerId !== null && order.customerId !== customer.id)
      throw new WorkbenchError('tickets/order-other-customer', { orderNo: input.orderNo ?? String(order.id) });
    if (input.contractId) {
      const k = db.prepare('SELECT contract_no, customer_id FROM contracts WHERE id = ?').get(input.contractId) as
        { contract_no: string; customer_id: number } | undefined;
      if (!k) throw new WorkbenchError('tickets/unknown-contract', { id: input.contractId });
      if (k.customer_id !== customer.id)
        throw new WorkbenchError('tickets/contract-other-customer', { contractNo: k.contract_no });
    }
    if (input.productId && !db.prepare('SELECT 1 FROM products WHERE id = ?').get(input.productId))
      throw new WorkbenchError('tickets/unknown-product', { id: input.productId });
    const s = ticketSettings(db);
    const openedAt = input.openedAt ?? localNow();
    const date = openedAt.slice(0, 10);
    let ticketNo = input.ticketNo;
    if (!ticketNo) {
      const n = (db.prepare('SELECT count(*) FROM tickets WHERE opened_date = ?').pluck().get(date) as number) + 1;
      ticketNo = `SR${date.replaceAll('-', '')}-${String(n).padStart(3, '0')}`;
      while (db.prepare('SELECT 1 FROM tickets WHERE ticket_no = ?').get(ticketNo)) ticketNo = `${ticketNo}x`;
    } else if (db.prepare('SELECT 1 FROM tickets WHERE ticket_no = ?').get(ticketNo))
      throw new WorkbenchError('tickets/duplicate-no', { ticketNo });
    const target = s.sla[input.severity];
    const r = db
      .prepare(
        `INSERT INTO tickets (ticket_no, customer_id, order_id, contract_id, staff_id, assignee_id, contact, product_id, department, category, description, complaint,
           severity, channel, opened_date, opened_at, response_target_hours, target_hours, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')`,
      )
      .run(
        ticketNo,
        input.customerId,
        order?.id ?? null,
        input.contractId ?? null,
        input.staffId ?? order?.salespersonId ?? customer.ownerId,
        input.assigneeId ?? null,
        input.contact ?? null,
        input.productId ?? order?.productId ?? null,
        input.department,
        input.category,
        input.description ?? null,
        input.complaint ? 1 : 0,
        input.severity,
        input.channel ?? null,
        date,
        openedAt,
        target.response,
        target.resolution,
      );
    const tid = Number(r.lastInsertRowid);
    event(ctx, tid, openedAt, 'status', null, 'new');
    audit(db, { actor: ctx.actor, entity: 'ticket', entityId: tid, field: 'created', newValue: ticketNo });
    return tid;
  })();
  return getTicket(db, id, localNow());
}

/** P4.6: moves a ticket along its flow; waiting stops its clock, resolving schedules the follow-up (P4.5). */
export function transitionTicket(ctx: ServiceContext, input: ParsedInput<'tickets/transition'>): TicketDetail {
  const db = ctx.db;
  const at = input.at ?? localNow();
  db.transaction(() => {
    const t = current(ctx, input.id);
    if (!NEXT[t.status].includes(input.to))
      throw new WorkbenchError('tickets/bad-transition', { ticket: t.ticket_no, from: t.status, to: input.to });
    checkAfterOpened(t, at);
    const reopen = (t.status === 'resolved' || t.status === 'closed') && input.to === 'in_progress';
    if (reopen && !input.reason) throw new WorkbenchError('tickets/reopen-reason', { ticket: t.ticket_no });
    if (t.status === 'waiting')
      db.prepare('UPDATE ticket_pauses SET end_at = ? WHERE ticket_id = ? AND end_at IS NULL').run(at, t.id);
    if (input.to === 'waiting')
      db.prepare('INSERT INTO ticket_pauses (ticket_id, start_at) VALUES (?, ?)').run(t.id, at);
    if (!t.first_response_at && t.status === 'new') {
      db.prepare('UPDATE tickets SET first_response_at = ? WHERE id = ?').run(at, t.id);
      event(ctx, t.id, at, 'response', null, null);
    }
    if (input.to === 'resolved') {
      db.prepare('UPDATE tickets SET resolved_at = ?, resolved_date = ?, followup_due = ? WHERE id = ?').run(
        at,
        at.slice(0, 10),
        workingDaysAfter(at.slice(0, 10), 3),
        t.id,
      );
    } else if (input.to === 'closed') {
      db.prepare('UPDATE tickets SET closed_at = ? WHERE id = ?').run(at, t.id);
    } else if (reopen) {
      db.prepare(
        'UPDATE tickets SET reopened = reopened + 1, resolved_at = NULL, resolved_date = NULL, closed_at = NULL WHERE id = ?',
      ).run(t.id);
    }
    db.prepare('UPDATE tickets SET status = ? WHERE id = ?').run(input.to, t.id);
    event(ctx, t.id, at, reopen ? 'reopen' : 'status', t.status, input.to, input.reason ?? null);
    audit(db, {
      actor: ctx.actor,
      entity: 'ticket',
      entityId: t.id,
      field: 'status',
      oldValue: t.status,
      newValue: input.to,
      reason: input.reason ?? null,
    });
  })();
  return getTicket(db, input.id, at > localNow() ? at : localNow());
}

/** P4.4: hands a ticket to another department (and person); the hand-over is kept with its time. */
export function handOverTicket(ctx: ServiceContext, input: ParsedInput<'tickets/handover'>): TicketDetail {
  const db = ctx.db;
  const at = input.at ?? localNow();
  db.transaction(() => {
    const t = current(ctx, input.id);
    checkAfterOpened(t, at);
    checkDepartment(ctx, input.department);
    checkStaff(ctx, input.assigneeId);
    db.prepare('UPDATE tickets SET department = ?, assignee_id = ? WHERE id = ?').run(
      input.department,
      input.assigneeId ?? null,
      t.id,
    );
    event(ctx, t.id, at, 'handover', t.department, input.department, input.note ?? null);
    audit(db, {
      actor: ctx.actor,
      entity: 'ticket',
      entityId: t.id,
      field: 'department',
      oldValue: t.department,
      newValue: input.department,
      reason: input.note ?? null,
    });
  })();
  return getTicket(db, input.id, localNow());
}

/** P4.5: the result of the salesperson's follow-up call after a resolution. */
export function recordFollowUp(ctx: ServiceContext, input: ParsedInput<'tickets/followup'>): TicketDetail {
  const db = ctx.db;
  const at = input.at ?? localNow();
  db.transaction(() => {
    const t = current(ctx, input.id);
    if (t.status !== 'resolved' && t.status !== 'closed')
      throw new WorkbenchError('tickets/followup-before-resolved', { ticket: t.ticket_no });
    checkAfterOpened(t, at);
    db.prepare('UPDATE tickets SET followup_result = ? WHERE id = ?').run(input.result, t.id);
    event(ctx, t.id, at, 'followup', null, null, input.result);
    audit(db, { actor: ctx.actor, entity: 'ticket', entityId: t.id, field: 'followup', newValue: input.result });
  })();
  return getTicket(db, input.id, localNow());
}
