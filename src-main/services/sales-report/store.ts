import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type {
  SalesReport,
  SalesReportData,
  SalesReportListItem,
  SalesReportSection,
} from '../../contract/sales-report';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { computeReport } from './compute';
import { reportPeriod } from './periods';

/**
 * Reports are kept (P2.6 item 8): the figures are computed once and stored as they were on the day the
 * report was made, so reopening, printing or exporting it later shows exactly the same numbers even
 * after orders are imported or targets change. The manager's comments per section are kept beside them.
 */

interface Row {
  id: number;
  kind: 'monthly' | 'weekly';
  period: string;
  team: string | null;
  lang: 'zh-CN' | 'en';
  createdAt: string;
  createdBy: string;
  comments: number;
}

const LIST_SQL = `SELECT r.id, r.kind, r.period, t.name AS team, r.lang, r.created_at AS createdAt, r.created_by AS createdBy,
  (SELECT count(*) FROM sales_report_comments c WHERE c.report_id = r.id) AS comments
  FROM sales_reports r LEFT JOIN teams t ON t.id = r.team_id`;

export function teamByName(db: Database, name: string): { id: number; name: string } {
  const t = db.prepare('SELECT id, name FROM teams WHERE name = ?').get(name) as
    { id: number; name: string } | undefined;
  if (!t) throw new WorkbenchError('sales-report/unknown-team', { team: name });
  return t;
}

export function listReports(db: Database, period?: string): SalesReportListItem[] {
  return db
    .prepare(`${LIST_SQL}${period ? ' WHERE r.period = ?' : ''} ORDER BY r.id DESC`)
    .all(...(period ? [period] : [])) as Row[];
}

export function showReport(db: Database, id: number): SalesReport {
  const row = db.prepare(`${LIST_SQL} WHERE r.id = ?`).get(id) as Row | undefined;
  if (!row) throw new WorkbenchError('sales-report/not-found', { id });
  const data = JSON.parse(
    (db.prepare('SELECT data FROM sales_reports WHERE id = ?').get(id) as { data: string }).data,
  ) as SalesReportData;
  const comments = db
    .prepare(
      'SELECT section, body, updated_at AS updatedAt, updated_by AS updatedBy FROM sales_report_comments WHERE report_id = ?',
    )
    .all(id) as {
    section: SalesReportSection;
    body: string;
    updatedAt: string;
    updatedBy: string;
  }[];
  return { ...row, data, sectionComments: Object.fromEntries(comments.map(({ section, ...c }) => [section, c])) };
}

/** Computes the report from today's data and keeps it (P2.6, P5.6). */
export function generateReport(ctx: ServiceContext, input: ParsedInput<'sales-report/generate'>): SalesReport {
  const { db } = ctx;
  const p = reportPeriod(input.period);
  const team = input.team ? teamByName(db, input.team) : null;
  const data = computeReport(db, p, team);
  const id = db.transaction(() => {
    const r = db
      .prepare(
        'INSERT INTO sales_reports (kind, period, team_id, lang, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(p.kind, p.period, team?.id ?? null, input.lang ?? ctx.lang, JSON.stringify(data), nowIso(), ctx.actor);
    return Number(r.lastInsertRowid);
  })();
  return showReport(db, id);
}

/** The manager's comment on one section; an empty text removes it. */
export function commentReport(ctx: ServiceContext, input: ParsedInput<'sales-report/comment'>): SalesReport {
  const { db } = ctx;
  const before = showReport(db, input.id).sectionComments[input.section]?.body ?? null;
  db.transaction(() => {
    if (input.body === '')
      db.prepare('DELETE FROM sales_report_comments WHERE report_id = ? AND section = ?').run(input.id, input.section);
    else
      db.prepare(
        `INSERT INTO sales_report_comments (report_id, section, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (report_id, section) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).run(input.id, input.section, input.body, nowIso(), ctx.actor);
    audit(db, {
      actor: ctx.actor,
      entity: 'sales_report',
      entityId: input.id,
      field: `comment.${input.section}`,
      oldValue: before,
      newValue: input.body || null,
    });
  })();
  return showReport(db, input.id);
}

export function deleteReport(ctx: ServiceContext, id: number): { deleted: number } {
  const { db } = ctx;
  const r = showReport(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM sales_report_comments WHERE report_id = ?').run(id);
    db.prepare('DELETE FROM sales_reports WHERE id = ?').run(id);
    audit(db, {
      actor: ctx.actor,
      entity: 'sales_report',
      entityId: id,
      field: 'deleted',
      oldValue: `${r.period} ${r.team ?? ''}`.trim(),
    });
  })();
  return { deleted: 1 };
}
