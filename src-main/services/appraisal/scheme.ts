import type { Database } from 'better-sqlite3';
import type { AppraisalSchemeInfo } from '../../contract/appraisal';
import { schemeDefinition, type SchemeDefinition } from '../../contract/appraisal-scheme';
import { WorkbenchError } from '../../contract/errors';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { defaultScheme } from './default-scheme';
import { assertChangeable, findAppraisal, SCORING_OPEN } from './appraisal-store';
import { validateScheme } from './scheme-rules';

interface SchemeRow {
  id: number;
  quarter: string;
  version: number;
  definition: string;
  createdAt: string;
}

/** Reads a stored definition; a definition this version cannot read is reported, never guessed at. */
function parseDefinition(text: string, quarter: string): SchemeDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WorkbenchError('review/scheme-invalid', { quarter });
  }
  const parsed = schemeDefinition.safeParse(raw);
  if (!parsed.success) throw new WorkbenchError('review/scheme-invalid', { quarter });
  return parsed.data;
}

const latest = (db: Database, where: string, arg: string) =>
  db
    .prepare(
      `SELECT id, quarter, version, definition, created_at AS createdAt FROM review_schemes WHERE ${where} ORDER BY quarter DESC, version DESC LIMIT 1`,
    )
    .get(arg) as SchemeRow | undefined;

export function schemeById(db: Database, id: number): { version: number; definition: SchemeDefinition } {
  const row = db.prepare('SELECT quarter, version, definition FROM review_schemes WHERE id = ?').get(id) as {
    quarter: string;
    version: number;
    definition: string;
  };
  return { version: row.version, definition: parseDefinition(row.definition, row.quarter) };
}

/** The quarter's scheme: its latest saved version, else copied forward from the latest earlier quarter, else the default. */
export function schemeInfo(db: Database, quarter: string): AppraisalSchemeInfo {
  const versions = db
    .prepare('SELECT version, created_at AS createdAt FROM review_schemes WHERE quarter = ? ORDER BY version')
    .all(quarter) as AppraisalSchemeInfo['versions'];
  const appraisal = findAppraisal(db, quarter);
  const own = appraisal
    ? (db
        .prepare('SELECT id, quarter, version, definition, created_at AS createdAt FROM review_schemes WHERE id = ?')
        .get(appraisal.schemeId) as SchemeRow)
    : latest(db, 'quarter = ?', quarter);
  if (own)
    return {
      quarter,
      version: own.version,
      copiedFrom: null,
      definition: parseDefinition(own.definition, quarter),
      versions,
    };
  const earlier = latest(db, 'quarter < ?', quarter);
  if (earlier)
    return {
      quarter,
      version: 0,
      copiedFrom: earlier.quarter,
      definition: parseDefinition(earlier.definition, earlier.quarter),
      versions,
    };
  return { quarter, version: 0, copiedFrom: null, definition: defaultScheme(), versions };
}

function insertVersion(db: Database, quarter: string, def: SchemeDefinition): { id: number; version: number } {
  const version =
    ((db.prepare('SELECT MAX(version) AS v FROM review_schemes WHERE quarter = ?').get(quarter) as { v: number | null })
      .v ?? 0) + 1;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO review_schemes (quarter, version, definition, created_at) VALUES (?, ?, ?, ?)')
    .run(quarter, version, JSON.stringify(def), nowIso());
  return { id: Number(lastInsertRowid), version };
}

/** The scheme row a new appraisal starts from (saved as version 1 when copied forward). Call inside a transaction. */
export function ensureSchemeRow(db: Database, quarter: string): number {
  const own = latest(db, 'quarter = ?', quarter);
  if (own) return own.id;
  const info = schemeInfo(db, quarter);
  validateScheme(info.definition);
  return insertVersion(db, quarter, info.definition).id;
}

/**
 * Saves a new version of the quarter's scheme after every check (P6.1 weights total 100%, rules name
 * existing KPIs…). The appraisal, if any, switches to it; the caller recomputes. Old versions stay.
 */
export function saveScheme(
  ctx: ServiceContext,
  quarter: string,
  def: SchemeDefinition,
  reason?: string,
): { id: number; version: number } {
  const { db } = ctx;
  validateScheme(def);
  const appraisal = findAppraisal(db, quarter);
  assertChangeable(appraisal, SCORING_OPEN);
  const before = schemeInfo(db, quarter);
  const saved = insertVersion(db, quarter, def);
  if (appraisal) db.prepare('UPDATE reviews SET scheme_id = ? WHERE id = ?').run(saved.id, appraisal.id);
  audit(db, {
    actor: ctx.actor,
    entity: 'review_scheme',
    entityId: quarter,
    field: 'definition',
    oldValue: before.version ? `v${before.version}` : null,
    newValue: `v${saved.version}`,
    reason,
  });
  return saved;
}
