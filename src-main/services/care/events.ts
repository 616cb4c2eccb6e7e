import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import type { CompanyEvent } from '../../contract/care';
import { WorkbenchError } from '../../contract/errors';
import { audit } from '../audit';
import type { ServiceContext } from '../context';

/**
 * The company's own dates on the care calendar (P4.3, issue 13 item 10): a founding day, an annual customer
 * event. A yearly one comes back every year from its first; the same name on the same day is one event.
 */
const row = (db: Database, id: number) =>
  db.prepare('SELECT id, date, name, yearly FROM company_events WHERE id = ?').get(id) as
    { id: number; date: string; name: string; yearly: number } | undefined;

const out = (r: { id: number; date: string; name: string; yearly: number }): CompanyEvent => ({
  ...r,
  yearly: r.yearly === 1,
});

export function companyEvents(db: Database): CompanyEvent[] {
  return (
    db.prepare('SELECT id, date, name, yearly FROM company_events ORDER BY substr(date, 6), date, id').all() as {
      id: number;
      date: string;
      name: string;
      yearly: number;
    }[]
  ).map(out);
}

/** Adds or changes a company event; audited. */
export function saveCompanyEvent(ctx: ServiceContext, input: ParsedInput<'care/save-event'>): CompanyEvent {
  const db = ctx.db;
  return db.transaction(() => {
    const old = input.id !== undefined ? row(db, input.id) : undefined;
    if (input.id !== undefined && !old) throw new WorkbenchError('care/event-not-found', { id: input.id });
    const clash = db
      .prepare('SELECT id FROM company_events WHERE date = ? AND name = ? AND id IS NOT ?')
      .pluck()
      .get(input.date, input.name, input.id ?? null);
    if (clash !== undefined) throw new WorkbenchError('care/duplicate-event', { name: input.name, date: input.date });
    const yearly = input.yearly ? 1 : 0;
    let id = input.id;
    if (old)
      db.prepare('UPDATE company_events SET date = ?, name = ?, yearly = ? WHERE id = ?').run(
        input.date,
        input.name,
        yearly,
        old.id,
      );
    else
      id = Number(
        db
          .prepare('INSERT INTO company_events (date, name, yearly) VALUES (?, ?, ?)')
          .run(input.date, input.name, yearly).lastInsertRowid,
      );
    audit(db, {
      actor: ctx.actor,
      entity: 'company-event',
      entityId: id!,
      oldValue: old ? out(old) : undefined,
      newValue: { date: input.date, name: input.name, yearly: input.yearly },
    });
    return out(row(db, id!)!);
  })();
}

export function deleteCompanyEvent(ctx: ServiceContext, id: number): { deleted: number } {
  return ctx.db.transaction(() => {
    const old = row(ctx.db, id);
    if (!old) throw new WorkbenchError('care/event-not-found', { id });
    ctx.db.prepare('DELETE FROM company_events WHERE id = ?').run(id);
    audit(ctx.db, { actor: ctx.actor, entity: 'company-event', entityId: id, oldValue: out(old), reason: 'delete' });
    return { deleted: 1 };
  })();
}
