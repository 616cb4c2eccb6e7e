import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type {
  ApprovalRule,
  ChecklistItem,
  ContractDetail,
  ContractRow,
  ContractStatus,
} from '../../contract/sales-contracts';
import { approvalRule, contractSettings, discountPct, strategyBand } from './rules';

export const SELECT = `SELECT k.*, c.name AS customer_name, s.name AS owner_name, s.employee_no AS owner_no,
    (SELECT p.category FROM opportunities o JOIN products p ON p.id = o.product_id WHERE o.id = k.opportunity_id) AS opportunity_line
  FROM contracts k JOIN customers c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = k.staff_id`;

export type Row = Record<string, unknown> & {
  id: number;
  amount: number;
  list_amount: number | null;
  status: ContractStatus;
  standard_payment: number;
};

/** The contract's row as its screens and the CLI show it, with the rule that applies and the approvals given. */
export function toContractRow(db: Database, r: Row): ContractRow {
  const approvals = db
    .prepare(
      "SELECT a.role, COALESCE(s.employee_no || ' ' || s.name, a.actor) AS approver, a.at FROM contract_approvals a LEFT JOIN staff s ON s.id = a.approver_id WHERE a.contract_id = ? ORDER BY a.at, a.id",
    )
    .all(r.id) as ContractRow['approvals'];
  return {
    id: r.id,
    contractNo: r.contract_no as string,
    customerId: r.customer_id as number,
    customerName: r.customer_name as string,
    ownerId: r.staff_id as number | null,
    ownerName: r.owner_name as string | null,
    ownerNo: r.owner_no as string | null,
    opportunityId: r.opportunity_id as number | null,
    productLine: r.product_line as string | null,
    amount: r.amount / 100,
    listAmount: r.list_amount === null ? null : r.list_amount / 100,
    discountPct: discountPct(r.amount, r.list_amount),
    products: r.products as string | null,
    standardPayment: r.standard_payment === 1,
    paymentTerms: r.payment_terms as string | null,
    deliveryTerms: r.delivery_terms as string | null,
    startDate: r.start_date as string | null,
    endDate: r.end_date as string | null,
    status: r.status,
    signedDate: r.signed_date as string | null,
    rule: ruleOf(
      db,
      r,
      approvals.map((a) => a.role),
    ),
    checklist: r.checklist ? (JSON.parse(r.checklist as string) as Record<ChecklistItem, boolean>) : null,
    checklistBy: r.checklist_by as string | null,
    approvals,
  };
}

/** The rule that applies to a contract row now, with the strategy's band for its line and year (P3.3, P2.4). */
export function ruleOf(db: Database, r: Row, approved: ('manager' | 'second')[] = []): ApprovalRule {
  const own = r.product_line as string | null;
  const line = own ?? (r.opportunity_line as string | null);
  const date = (r.start_date as string | null) ?? (r.created_at as string | null) ?? new Date().toISOString();
  const band = strategyBand(db, {
    amountFen: r.amount,
    listFen: r.list_amount,
    productLine: line,
    lineFrom: own ? 'contract' : 'opportunity',
    year: Number(date.slice(0, 4)),
  });
  return approvalRule(
    { amountFen: r.amount, listFen: r.list_amount, standardPayment: r.standard_payment === 1 },
    contractSettings(db),
    approved,
    band,
  );
}

export function findContract(db: Database, ref: number | string): Row {
  const r = (
    typeof ref === 'number'
      ? db.prepare(`${SELECT} WHERE k.id = ?`).get(ref)
      : db.prepare(`${SELECT} WHERE k.contract_no = ?`).get(ref)
  ) as Row | undefined;
  if (!r) throw new WorkbenchError('contracts/not-found', { contract: ref });
  return r;
}

export function getContract(db: Database, ref: number | string): ContractDetail {
  const r = findContract(db, ref);
  const instalments = db
    .prepare(
      'SELECT id, seq, due_date AS dueDate, amount / 100.0 AS amount, paid_date AS paidDate FROM contract_instalments WHERE contract_id = ? ORDER BY seq',
    )
    .all(r.id) as ContractDetail['instalments'];
  const files = db
    .prepare(
      'SELECT id, name, sha256, bytes, added_at AS addedAt, path FROM contract_files WHERE contract_id = ? ORDER BY id',
    )
    .all(r.id) as ContractDetail['files'];
  return { ...toContractRow(db, r), instalments, files };
}

export function listContracts(db: Database, f: { status?: ContractStatus; ownerId?: number }): ContractRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) {
    where.push('k.status = ?');
    params.push(f.status);
  }
  if (f.ownerId) {
    where.push('k.staff_id = ?');
    params.push(f.ownerId);
  }
  const rows = db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY k.id DESC`)
    .all(...params) as Row[];
  return rows.map((r) => toContractRow(db, r));
}
