import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { FileOut } from '../../contract/files';
import type { ContractDetail, ContractRow, Receivable } from '../../contract/sales-contracts';
import { audit } from '../audit';
import { nowIso, type ServiceContext, today } from '../context';
import { readFileIn } from '../files/read';
import { safeFileName, writeFileOut } from '../files/write';
import { findContract, getContract, SELECT, toContractRow, type Row } from './store';

const SCAN_TYPES = ['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff'];

/** P3.3: a signed scan, copied into the data folder's contracts/ under its hash, so that a later change to the original shows. */
export function attachScan(ctx: ServiceContext, input: ParsedInput<'contracts/attach'>): ContractDetail {
  const db = ctx.db;
  const r = findContract(db, input.contract);
  const { name: received, bytes } = readFileIn(ctx.ws.dataDir, input.file);
  const name = safeFileName(input.name ?? received, 'scan.pdf');
  const ext = path.extname(name).toLowerCase();
  if (!SCAN_TYPES.includes(ext))
    throw new WorkbenchError('contracts/scan-type', { file: name, types: SCAN_TYPES.join(', ') });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = path.join(ctx.ws.dataDir, 'contracts', String(r.id));
  fs.mkdirSync(dir, { recursive: true });
  const stored = path.join(dir, `${sha256.slice(0, 16)}${ext}`);
  if (!fs.existsSync(stored)) writeFileOut({ path: stored }, path.basename(stored), bytes, [ext]);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO contract_files (contract_id, name, path, sha256, bytes, added_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(r.id, name, path.relative(ctx.ws.dataDir, stored), sha256, bytes.length, nowIso(), ctx.actor);
    audit(db, { actor: ctx.actor, entity: 'contract', entityId: r.id, field: 'scan', newValue: { name, sha256 } });
  })();
  return getContract(db, r.id);
}

/**
 * P3.3: a kept scan, read back from the data folder and checked against the SHA-256 recorded when it was
 * attached: a file changed or removed since is refused (`contracts/scan-changed`, `contracts/scan-missing`)
 * rather than shown as the signed contract. Only a file of the contract's own list can be named (by id).
 */
export function readScan(
  ctx: ServiceContext,
  input: ParsedInput<'contracts/scan'>,
): FileOut & { sha256: string; stored: string } {
  const r = findContract(ctx.db, input.contract);
  const f = ctx.db
    .prepare('SELECT id, name, path, sha256 FROM contract_files WHERE id = ? AND contract_id = ?')
    .get(input.fileId, r.id) as { id: number; name: string; path: string; sha256: string } | undefined;
  if (!f) throw new WorkbenchError('contracts/unknown-scan', { contractNo: r.contract_no, id: input.fileId });
  const root = path.resolve(ctx.ws.dataDir, 'contracts');
  const abs = path.resolve(ctx.ws.dataDir, f.path);
  // the stored path came from attachScan; one that leaves contracts/ was not written by the workbench
  if (!abs.startsWith(root + path.sep))
    throw new WorkbenchError('contracts/scan-missing', { contractNo: r.contract_no, file: f.name });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch {
    throw new WorkbenchError('contracts/scan-missing', { contractNo: r.contract_no, file: f.name });
  }
  if (createHash('sha256').update(bytes).digest('hex') !== f.sha256)
    throw new WorkbenchError('contracts/scan-changed', { contractNo: r.contract_no, file: f.name });
  return {
    name: f.name,
    path: null,
    bytes: bytes.length,
    base64: bytes.toString('base64'),
    sha256: f.sha256,
    stored: f.path,
  };
}

/** P3.3: unpaid instalments of signed contracts, overdue or due within `withinDays`. */
export function receivables(db: Database, input: { asOf?: string; withinDays: number }): Receivable[] {
  const asOf = input.asOf ?? today();
  const until = dayjs(asOf).add(input.withinDays, 'day').format('YYYY-MM-DD');
  const rows = db
    .prepare(
      `SELECT k.contract_no AS contractNo, c.name AS customerName, s.name AS ownerName, i.seq, i.due_date AS dueDate, i.amount / 100.0 AS amount
       FROM contract_instalments i JOIN contracts k ON k.id = i.contract_id JOIN customers c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = k.staff_id
       WHERE i.paid_date IS NULL AND k.status IN ('signed', 'in_force', 'completed') AND i.due_date <= ? ORDER BY i.due_date, k.contract_no, i.seq`,
    )
    .all(until) as Omit<Receivable, 'overdueDays' | 'state'>[];
  return rows.map((r) => {
    const overdueDays = Math.max(0, dayjs(asOf).diff(r.dueDate, 'day'));
    return { ...r, overdueDays, state: r.dueDate < asOf ? 'overdue' : 'due' };
  });
}

/** P3.3: contracts in force (or signed) that end within `withinDays`: the renewal list. */
export function renewals(db: Database, input: { asOf?: string; withinDays: number }): ContractRow[] {
  const asOf = input.asOf ?? today();
  const until = dayjs(asOf).add(input.withinDays, 'day').format('YYYY-MM-DD');
  const rows = db
    .prepare(`${SELECT} WHERE k.status IN ('signed', 'in_force') AND k.end_date BETWEEN ? AND ? ORDER BY k.end_date`)
    .all(asOf, until) as Row[];
  return rows.map((r) => toContractRow(db, r));
}
