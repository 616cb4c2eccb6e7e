import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { MarketNote } from '../../contract/targets';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { requireStaff } from '../../db/access/staff';

/**
 * Market, competitor and strategy notes (P1.5, P2.3, P2.4) attached to a target year, a team, a
 * salesperson or one cell, so the assumption stands beside the number it drives.
 */
const SELECT = `SELECT n.id, n.year, n.team_id AS teamId, t.name AS teamName, n.staff_id AS staffId, s.name AS staffName, n.period, n.kind, n.title, n.body, n.created_at AS createdAt
  FROM market_notes n LEFT JOIN teams t ON t.id = n.team_id LEFT JOIN staff s ON s.id = n.staff_id`;

export function listNotes(db: Database, year: number): MarketNote[] {
  return db.prepare(`${SELECT} WHERE n.year = ? ORDER BY n.id`).all(year) as MarketNote[];
}

type NoteInput = {
  id?: number;
  year: number;
  teamId?: number | null;
  staffId?: number | null;
  period?: string | null;
  kind: MarketNote['kind'];
  title: string;
  body?: string | null;
};

export function saveNote(ctx: ServiceContext, input: NoteInput): MarketNote {
  const { db } = ctx;
  return db.transaction(() => {
    if (input.teamId != null && input.staffId != null) throw new WorkbenchError('targets/team-and-person');
    if (input.teamId != null && !db.prepare('SELECT 1 FROM teams WHERE id = ?').get(input.teamId))
      throw new WorkbenchError('team/not-found', { id: input.teamId });
    if (input.staffId != null) requireStaff(db, input.staffId);
    const values = [
      input.year,
      input.teamId ?? null,
      input.staffId ?? null,
      input.period ?? null,
      input.kind,
      input.title,
      input.body ?? null,
    ];
    let id = input.id;
    if (id !== undefined) {
      const before = db.prepare(`${SELECT} WHERE n.id = ?`).get(id);
      if (!before) throw new WorkbenchError('targets/note-not-found', { id });
      db.prepare(
        'UPDATE market_notes SET year = ?, team_id = ?, staff_id = ?, period = ?, kind = ?, title = ?, body = ? WHERE id = ?',
      ).run(...values, id);
      audit(db, {
        actor: ctx.actor,
        entity: 'market_note',
        entityId: id,
        field: null,
        oldValue: before,
        newValue: input,
        reason: 'updated',
      });
    } else {
      id = Number(
        db
          .prepare(
            'INSERT INTO market_notes (year, team_id, staff_id, period, kind, title, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(...values, nowIso()).lastInsertRowid,
      );
      audit(db, {
        actor: ctx.actor,
        entity: 'market_note',
        entityId: id,
        field: null,
        newValue: input,
        reason: 'created',
      });
    }
    return db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as MarketNote;
  })();
}

export function deleteNote(ctx: ServiceContext, id: number): { deleted: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const before = db.prepare(`${SELECT} WHERE n.id = ?`).get(id);
    if (!before) throw new WorkbenchError('targets/note-not-found', { id });
    db.prepare('DELETE FROM market_notes WHERE id = ?').run(id);
    audit(db, {
      actor: ctx.actor,
      entity: 'market_note',
      entityId: id,
      field: null,
      oldValue: before,
      reason: 'deleted',
    });
    return { deleted: id };
  })();
}
