import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import type { ContactRecord, CustomerDetail } from '../../contract/customers';
import { WorkbenchError } from '../../contract/errors';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { lunarMonthLength } from '../calendar';
import { contactById, getCustomer } from './detail';

export function staffIdByNo(db: Database, employeeNo: string): number {
  const id = db.prepare('SELECT id FROM staff WHERE employee_no = ?').pluck().get(employeeNo) as number | undefined;
  if (id === undefined) throw new WorkbenchError('customers/unknown-salesperson', { employeeNo });
  return id;
}

function customerRow(db: Database, id: number): Record<string, unknown> {
  const row = db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!row) throw new WorkbenchError('customers/not-found', { customer: id });
  return row;
}

const COLUMNS = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  industry: 'industry',
  province: 'province',
  city: 'city',
  address: 'address',
  source: 'source',
  phone: 'phone',
  email: 'email',
  cadenceDays: 'cadence_days',
} as const;

/** Creates or edits a customer's master data (P4.1); every changed field is audited. */
export function saveCustomer(ctx: ServiceContext, input: ParsedInput<'customers/save'>): CustomerDetail {
  const db = ctx.db;
  const id = db.transaction(() => {
    const f = input.fields;
    const values: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(COLUMNS)) {
      const v = f[key as keyof typeof f];
      if (v !== undefined) values[column] = v;
    }
    if (f.ownerNo !== undefined) values.owner_id = f.ownerNo === null ? null : staffIdByNo(db, f.ownerNo);
    if (f.code) {
      const clash = db
        .prepare('SELECT id FROM customers WHERE code = ? AND id IS NOT ?')
        .pluck()
        .get(f.code, input.id ?? null);
      if (clash !== undefined) throw new WorkbenchError('customers/duplicate-code', { code: f.code });
    }
    if (input.id === undefined) {
      const cols = Object.keys(values);
      const info = db
        .prepare(
          `INSERT INTO customers (${[...cols, 'stage', 'created_at'].join(', ')}) VALUES (${cols.map(() => '?').join(', ')}${cols.length ? ', ' : ''}'lead', ?)`,
        )
        .run(...cols.map((c) => values[c]), nowIso());
      const newId = Number(info.lastInsertRowid);
      audit(db, { actor: ctx.actor, entity: 'customer', entityId: newId, newValue: values, reason: input.reason });
      return newId;
    }
    const old = customerRow(db, input.id);
    for (const [column, v] of Object.entries(values)) {
      if (old[column] === v) continue;
      db.prepare(`UPDATE customers SET ${column} = ? WHERE id = ?`).run(v, input.id);
      audit(db, {
        actor: ctx.actor,
        entity: 'customer',
        entityId: input.id,
        field: column,
        oldValue: old[column],
        newValue: v,
        reason: input.reason,
      });
    }
    return input.id;
  })();
  return getCustomer(db, id);
}

/** P4.1: a manual grade with its reason, or back to the rule's grade (null); audited. */
export function setGrade(ctx: ServiceContext, input: ParsedInput<'customers/set-grade'>): CustomerDetail {
  ctx.db.transaction(() => {
    const old = customerRow(ctx.db, input.id);
    ctx.db
      .prepare('UPDATE customers SET grade_override = ?, grade_override_reason = ? WHERE id = ?')
      .run(input.grade, input.grade ? input.reason : null, input.id);
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'customer',
      entityId: input.id,
      field: 'grade_override',
      oldValue: old.grade_override,
      newValue: input.grade,
      reason: input.reason,
    });
  })();
  return getCustomer(ctx.db, input.id);
}

/** P3.1: a dated lifecycle change, kept in the customer's stage history. */
export function setStage(ctx: ServiceContext, input: ParsedInput<'customers/set-stage'>): CustomerDetail {
  ctx.db.transaction(() => {
    const old = customerRow(ctx.db, input.id);
    if (old.stage === input.stage) return;
    ctx.db.prepare('UPDATE customers SET stage = ? WHERE id = ?').run(input.stage, input.id);
    ctx.db
      .prepare(
        'INSERT INTO customer_stage_log (customer_id, date, from_stage, to_stage, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(input.id, input.date, old.stage, input.stage, input.reason ?? null, ctx.actor, nowIso());
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'customer',
      entityId: input.id,
      field: 'stage',
      oldValue: old.stage,
      newValue: input.stage,
      reason: input.reason,
    });
  })();
  return getCustomer(ctx.db, input.id);
}

const SOLAR_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * A birthday must be a day that exists: a solar 30 February never, a lunar 30th only in a month of 30 days
 * in the birth year (when the year is given; without it the care calendar keeps it on the 29th in a
 * short month and says so).
 */
export function checkBirthday(c: {
  birthCalendar?: string | null;
  birthYear?: number | null;
  birthMonth?: number | null;
  birthDay?: number | null;
}): void {
  const given = [c.birthMonth, c.birthDay].filter((v) => v !== null && v !== undefined).length;
  if (given === 0 && !c.birthCalendar) return;
  if (given !== 2 || !c.birthCalendar) throw new WorkbenchError('contacts/incomplete-birthday');
  const month = c.birthMonth!;
  const day = c.birthDay!;
  if (c.birthCalendar === 'solar') {
    const max = month === 2 && c.birthYear && !isLeap(c.birthYear) ? 28 : SOLAR_DAYS[month - 1];
    if (day > max) throw new WorkbenchError('contacts/no-such-day', { month, day });
    return;
  }
  if (day > 30) throw new WorkbenchError('contacts/no-such-lunar-day', { month, day, year: c.birthYear ?? '' });
  if (c.birthYear && day > lunarMonthLength(c.birthYear, month))
    throw new WorkbenchError('contacts/no-such-lunar-day', { month, day, year: c.birthYear });
}

const CONTACT_COLUMNS = {
  name: 'name',
  title: 'title',
  department: 'department',
  phone: 'phone',
  mobile: 'mobile',
  email: 'email',
  wechat: 'wechat',
  birthCalendar: 'birth_calendar',
  birthYear: 'birth_year',
  birthMonth: 'birth_month',
  birthDay: 'birth_day',
  preferences: 'preferences',
  role: 'role',
} as const;

/** P4.1: adds or edits a contact; a contact belongs to a customer, always. */
export function saveContact(ctx: ServiceContext, input: ParsedInput<'contacts/save'>): ContactRecord {
  const db = ctx.db;
  const id = db.transaction(() => {
    const old = input.id !== undefined ? contactById(db, input.id) : undefined;
    if (input.id !== undefined && !old) throw new WorkbenchError('contacts/not-found', { contact: input.id });
    const customerId = input.customerId ?? old?.customerId;
    if (customerId === undefined) throw new WorkbenchError('contacts/no-customer', { name: input.name });
    customerRow(db, customerId);
    checkBirthday({ ...old, ...input });
    const values: Record<string, unknown> = { customer_id: customerId };
    for (const [key, column] of Object.entries(CONTACT_COLUMNS)) {
      const v = input[key as keyof typeof input];
      if (v !== undefined) values[column] = v;
    }
    const cols = Object.keys(values);
    if (!old) {
      const info = db
        .prepare(`INSERT INTO contacts (${cols.join(', ')}, created_at) VALUES (${cols.map(() => '?').join(', ')}, ?)`)
        .run(...cols.map((c) => values[c]), nowIso());
      audit(db, { actor: ctx.actor, entity: 'contact', entityId: Number(info.lastInsertRowid), newValue: values });
      return Number(info.lastInsertRowid);
    }
    db.prepare(`UPDATE contacts SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      ...cols.map((c) => values[c]),
      old.id,
    );
    audit(db, { actor: ctx.actor, entity: 'contact', entityId: old.id, oldValue: old, newValue: values });
    return old.id;
  })();
  return contactById(db, id)!;
}

export function deleteContact(ctx: ServiceContext, id: number): { deleted: number } {
  return ctx.db.transaction(() => {
    const old = contactById(ctx.db, id);
    if (!old) throw new WorkbenchError('contacts/not-found', { contact: id });
    // Visits and greetings that named this contact keep the customer; only the link goes.
    ctx.db.prepare('UPDATE interactions SET contact_id = NULL WHERE contact_id = ?').run(id);
    ctx.db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    audit(ctx.db, { actor: ctx.actor, entity: 'contact', entityId: id, oldValue: old, reason: 'delete' });
    return { deleted: 1 };
  })();
}
