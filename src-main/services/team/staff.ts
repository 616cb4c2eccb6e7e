import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { WorkbenchError } from '../../contract/errors';
import type { AuditEntry, StaffMember, staffFields } from '../../contract/team';
import { audit } from '../audit';
import { nowIso, type ServiceContext, today } from '../context';

type StaffFields = z.output<typeof staffFields>;

const HAS_HISTORY = `(
  EXISTS (SELECT 1 FROM orders o WHERE o.salesperson_id = s.id) OR
  EXISTS (SELECT 1 FROM customers c WHERE c.owner_id = s.id) OR
  EXISTS (SELECT 1 FROM target_cells t WHERE t.scope = 'person' AND t.scope_id = s.id) OR
  EXISTS (SELECT 1 FROM review_entries r WHERE r.staff_id = s.id) OR
  EXISTS (SELECT 1 FROM review_peer_ratings pr WHERE pr.rater_id = s.id) OR
  EXISTS (SELECT 1 FROM survey_responses sr WHERE sr.salesperson_id = s.id) OR
  EXISTS (SELECT 1 FROM tickets tk WHERE tk.staff_id = s.id)
)`;

const SELECT_STAFF = `
SELECT s.id, s.employee_no AS employeeNo, s.name, s.team_id AS teamId, t.name AS teamName, s.title,
       s.manager_id AS managerId, m.name AS managerName, s.hire_date AS hireDate, s.phone, s.email,
       s.status, s.left_date AS leftDate, ${HAS_HISTORY} AS hasHistory
FROM staff s LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN staff m ON m.id = s.manager_id`;

const toMember = (r: StaffMember & { hasHistory: number | boolean }): StaffMember => ({
  ...r,
  hasHistory: Boolean(r.hasHistory),
});

/** The roster (P1.1, P5.6): every salesperson with team and manager names, active first. */
export function listStaff(db: Database, includeInactive = true): StaffMember[] {
  const where = includeInactive ? '' : "WHERE s.status = 'active'";
  return (db.prepare(`${SELECT_STAFF} ${where} ORDER BY s.status, s.employee_no`).all() as StaffMember[]).map(toMember);
}

export function getStaff(db: Database, id: number): StaffMember {
  const row = db.prepare(`${SELECT_STAFF} WHERE s.id = ?`).get(id) as StaffMember | undefined;
  if (!row) throw new WorkbenchError('staff/not-found', { id });
  return toMember(row);
}

function checkEmployeeNo(db: Database, employeeNo: string, selfId: number | null): void {
  const other = db
    .prepare('SELECT id, name FROM staff WHERE lower(employee_no) = lower(?) AND id IS NOT ?')
    .get(employeeNo, selfId) as { id: number; name: string } | undefined;
  if (other) throw new WorkbenchError('staff/duplicate-employee-no', { employeeNo, name: other.name });
}

function checkTeam(db: Database, teamId: number | null | undefined): void {
  if (teamId == null) return;
  if (!db.prepare('SELECT 1 FROM teams WHERE id = ?').get(teamId))
    throw new WorkbenchError('team/not-found', { id: teamId });
}

/** A manager must exist, be active, and not be the person or anyone the person manages (directly or not). */
function checkManager(
  db: Database,
  selfId: number | null,
  selfName: string,
  managerId: number | null | undefined,
): void {
  if (managerId == null) return;
  if (selfId !== null && managerId === selfId) throw new WorkbenchError('staff/self-manager');
  const manager = db.prepare('SELECT id, name, status FROM staff WHERE id = ?').get(managerId) as
    { id: number; name: string; status: string } | undefined;
  if (!manager) throw new WorkbenchError('staff/not-found', { id: managerId });
  if (manager.status !== 'active') throw new WorkbenchError('staff/manager-inactive', { manager: manager.name });
  if (selfId === null) return;
  const chain = db.prepare('SELECT manager_id AS managerId FROM staff WHERE id = ?');
  const seen = new Set<number>();
  for (let cur: number | null = managerId; cur !== null && !seen.has(cur);) {
    if (cur === selfId) throw new WorkbenchError('staff/manager-cycle', { manager: manager.name, name: selfName });
    seen.add(cur);
    cur = (chain.get(cur) as { managerId: number | null } | undefined)?.managerId ?? null;
  }
}

const COLUMNS: Record<keyof StaffFields, string> = {
  employeeNo: 'employee_no',
  name: 'name',
  teamId: 'team_id',
  title: 'title',
  managerId: 'manager_id',
  hireDate: 'hire_date',
  phone: 'phone',
  email: 'email',
};

/** Adds a salesperson after checking the employee number, team and manager. */
export function createStaff(ctx: ServiceContext, input: StaffFields): StaffMember {
  const { db } = ctx;
  return db.transaction(() => {
    checkEmployeeNo(db, input.employeeNo, null);
    checkTeam(db, input.teamId);
    checkManager(db, null, input.name, input.managerId);
    const at = nowIso();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO staff (employee_no, name, team_id, title, manager_id, hire_date, phone, email, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      )
      .run(
        input.employeeNo,
        input.name,
        input.teamId ?? null,
        input.title ?? null,
        input.managerId ?? null,
        input.hireDate ?? null,
        input.phone ?? null,
        input.email ?? null,
        at,
        at,
      );
    const id = Number(lastInsertRowid);
    audit(db, { actor: ctx.actor, entity: 'staff', entityId: id, field: null, newValue: input, reason: 'created' });
    return getStaff(db, id);
  })();
}

/** Changes some fields of a salesperson; each changed field is audited. Nothing is saved when a check fails. */
export function updateStaff(
  ctx: ServiceContext,
  id: number,
  patch: Partial<StaffFields>,
  reason?: string | null,
): StaffMember {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getStaff(db, id);
    const name = patch.name ?? before.name;
    if (patch.employeeNo !== undefined) checkEmployeeNo(db, patch.employeeNo, id);
    if (patch.teamId !== undefined) checkTeam(db, patch.teamId);
    if (patch.managerId !== undefined) checkManager(db, id, name, patch.managerId);
    const hire = patch.hireDate !== undefined ? patch.hireDate : before.hireDate;
    if (hire && before.leftDate && before.leftDate < hire)
      throw new WorkbenchError('staff/left-before-hire', { leftDate: before.leftDate, hireDate: hire });
    for (const [field, value] of Object.entries(patch) as [keyof StaffFields, unknown][]) {
      if (value === undefined) continue;
      const old = before[field as keyof StaffMember] ?? null;
      const next = value ?? null;
      if (old === next) continue;
      db.prepare(`UPDATE staff SET ${COLUMNS[field]} = ?, updated_at = ? WHERE id = ?`).run(next, nowIso(), id);
      audit(db, { actor: ctx.actor, entity: 'staff', entityId: id, field, oldValue: old, newValue: next, reason });
    }
    return getStaff(db, id);
  })();
}

/** Deactivates (someone who left) or reactivates a salesperson. People are never hard-deleted once they have history. */
export function setStaffStatus(
  ctx: ServiceContext,
  id: number,
  status: 'active' | 'inactive',
  leftDate?: string | null,
  reason?: string | null,
): StaffMember {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getStaff(db, id);
    if (before.status === status) return before;
    let left: string | null = null;
    if (status === 'inactive') {
      left = leftDate ?? today();
      if (before.hireDate && left < before.hireDate)
        throw new WorkbenchError('staff/left-before-hire', { leftDate: left, hireDate: before.hireDate });
      const reports = (
        db.prepare("SELECT count(*) AS n FROM staff WHERE manager_id = ? AND status = 'active'").get(id) as {
          n: number;
        }
      ).n;
      if (reports > 0) throw new WorkbenchError('staff/has-reports', { name: before.name, count: reports });
    }
    db.prepare('UPDATE staff SET status = ?, left_date = ?, updated_at = ? WHERE id = ?').run(
      status,
      left,
      nowIso(),
      id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'staff',
      entityId: id,
      field: 'status',
      oldValue: before.status,
      newValue: status,
      reason,
    });
    return getStaff(db, id);
  })();
}

/** Deletes someone entered by mistake; refuses anyone with history (deactivate them instead). */
export function deleteStaff(ctx: ServiceContext, id: number): { deleted: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getStaff(db, id);
    if (before.hasHistory) throw new WorkbenchError('staff/has-history', { name: before.name });
    const reports = (db.prepare('SELECT count(*) AS n FROM staff WHERE manager_id = ?').get(id) as { n: number }).n;
    if (reports > 0) throw new WorkbenchError('staff/has-reports', { name: before.name, count: reports });
    db.prepare('UPDATE teams SET manager_id = NULL WHERE manager_id = ?').run(id);
    db.prepare('DELETE FROM staff WHERE id = ?').run(id);
    audit(db, {
      actor: ctx.actor,
      entity: 'staff',
      entityId: id,
      field: null,
      oldValue: before,
      newValue: null,
      reason: 'deleted',
    });
    return { deleted: id };
  })();
}

/** The audit trail of one person, newest first. */
export function staffHistory(db: Database, id: number): AuditEntry[] {
  getStaff(db, id);
  return db
    .prepare(
      `SELECT id, at, actor, entity, entity_id AS entityId, field, old_value AS oldValue, new_value AS newValue, reason
       FROM audit_log WHERE entity = 'staff' AND entity_id = ? ORDER BY id DESC`,
    )
    .all(String(id)) as AuditEntry[];
}
