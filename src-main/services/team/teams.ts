import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { Team } from '../../contract/team';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { requireStaff } from '../../db/access/staff';

const SELECT_TEAM = `
SELECT t.id, t.name, t.region, t.manager_id AS managerId, m.name AS managerName, t.active,
       (SELECT count(*) FROM staff s WHERE s.team_id = t.id AND s.status = 'active') AS members
FROM teams t LEFT JOIN staff m ON m.id = t.manager_id`;

const toTeam = (r: Team & { active: number | boolean }): Team => ({ ...r, active: Boolean(r.active) });

export function listTeams(db: Database): Team[] {
  return (db.prepare(`${SELECT_TEAM} ORDER BY t.name`).all() as Team[]).map(toTeam);
}

function getTeam(db: Database, id: number): Team {
  const row = db.prepare(`${SELECT_TEAM} WHERE t.id = ?`).get(id) as Team | undefined;
  if (!row) throw new WorkbenchError('team/not-found', { id });
  return toTeam(row);
}

function checkName(db: Database, name: string, selfId: number | null): void {
  if (db.prepare('SELECT 1 FROM teams WHERE lower(name) = lower(?) AND id IS NOT ?').get(name, selfId)) {
    throw new WorkbenchError('team/duplicate-name', { name });
  }
}

function checkManagerExists(db: Database, managerId: number | null | undefined): void {
  if (managerId != null) requireStaff(db, managerId);
}

/** Adds a team (region, optional manager). */
export function createTeam(
  ctx: ServiceContext,
  input: { name: string; region?: string | null; managerId?: number | null },
): Team {
  const { db } = ctx;
  return db.transaction(() => {
    checkName(db, input.name, null);
    checkManagerExists(db, input.managerId);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO teams (name, region, manager_id, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, input.region ?? null, input.managerId ?? null, nowIso());
    audit(db, {
      actor: ctx.actor,
      entity: 'team',
      entityId: Number(lastInsertRowid),
      newValue: input,
      reason: 'created',
    });
    return getTeam(db, Number(lastInsertRowid));
  })();
}

/** Renames a team or changes its region or manager. */
export function updateTeam(
  ctx: ServiceContext,
  input: { id: number; name?: string; region?: string | null; managerId?: number | null },
): Team {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getTeam(db, input.id);
    if (input.name !== undefined) checkName(db, input.name, input.id);
    checkManagerExists(db, input.managerId);
    const fields: [keyof Team, string, unknown][] = [
      ['name', 'name', input.name],
      ['region', 'region', input.region],
      ['managerId', 'manager_id', input.managerId],
    ];
    for (const [field, column, value] of fields) {
      if (value === undefined || value === before[field]) continue;
      db.prepare(`UPDATE teams SET ${column} = ? WHERE id = ?`).run(value, input.id);
      audit(db, {
        actor: ctx.actor,
        entity: 'team',
        entityId: input.id,
        field,
        oldValue: before[field],
        newValue: value,
      });
    }
    return getTeam(db, input.id);
  })();
}
