import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { ContractDetail, ContractRow, Receivable } from '../../contract/sales-contracts';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
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

/** P3.3: unpaid instalments of signed contracts, overdue or due within `withinDays`. */
export function receivables(db: Database, input: { asOf?: string; withinDays: number }): Receivable[] {
  const asOf = input.asOf ?? dayjs().format('YYYY-MM-DD');
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
  const asOf = input.asOf ?? dayjs().format('YYYY-MM-DD');
  const until = dayjs(asOf).add(input.withinDays, 'day').format('YYYY-MM-DD');
  const rows = db
    .prepare(`${SELECT} WHERE k.status IN ('signed', 'in_force') AND k.end_date BETWEEN ? AND ? ORDER BY k.end_date`)
    .all(asOf, until) as Row[];
  return rows.map((r) => toContractRow(db, r));
}
