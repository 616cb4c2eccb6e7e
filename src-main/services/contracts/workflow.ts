import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import {
  type ApprovalRule,
  CHECKLIST_ITEMS,
  type ContractDetail,
  type ContractStatus,
} from '../../contract/sales-contracts';
import { customerExists } from '../../db/access/customers';
import { staffExists } from '../../db/access/staff';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { contractSettings } from './rules';
import { findContract, getContract, ruleOf, toContractRow } from './store';

const fen = (yuan: number) => Math.round(yuan * 100);

/** The rule as the audit keeps it: level, reasons and the strategy's band that applied (P3.3, P2.4). */
function ruleText(rule: ApprovalRule): string {
  const b = rule.strategy;
  const band = b
    ? `; strategy ${b.year} ${b.productLine}: ${b.discountPct}% → ${b.allowed ? `${b.approver} (up to ${b.maxDiscountPct}%)` : 'beyond every band'}`
    : '';
  return `${rule.level} (${rule.reasons.join(', ') || '—'})${band}`;
}
const yuanText = (f: number) => (f / 100).toFixed(2);

/** P3.3: a draft contract with its instalments, which must add up to the amount to the fen. */
export function createContract(ctx: ServiceContext, input: ParsedInput<'contracts/create'>): ContractDetail {
  const db = ctx.db;
  const id = db.transaction(() => {
    if (db.prepare('SELECT 1 FROM contracts WHERE contract_no = ?').get(input.contractNo))
      throw new WorkbenchError('contracts/duplicate-no', { contractNo: input.contractNo });
    if (!customerExists(db, input.customerId))
      throw new WorkbenchError('contracts/unknown-customer', { id: input.customerId });
    if (input.ownerId && !staffExists(db, input.ownerId))
      throw new WorkbenchError('contracts/unknown-staff', { id: input.ownerId });
    if (input.opportunityId && !db.prepare('SELECT 1 FROM opportunities WHERE id = ?').get(input.opportunityId))
      throw new WorkbenchError('contracts/unknown-opportunity', { id: input.opportunityId });
    const amount = fen(input.amount);
    const sum = input.instalments.reduce((t, i) => t + fen(i.amount), 0);
    if (sum !== amount)
      throw new WorkbenchError('contracts/instalments-sum', {
        contractNo: input.contractNo,
        sum: yuanText(sum),
        amount: yuanText(amount),
      });
    if (input.startDate && input.endDate && input.endDate < input.startDate)
      throw new WorkbenchError('contracts/end-before-start', { start: input.startDate, end: input.endDate });
    const r = db
      .prepare(
        `INSERT INTO contracts (contract_no, customer_id, staff_id, opportunity_id, amount, list_amount, product_line, products, standard_payment, payment_terms,
           delivery_terms, start_date, end_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?)`,
      )
      .run(
        input.contractNo,
        input.customerId,
        input.ownerId ?? null,
        input.opportunityId ?? null,
        amount,
        input.listAmount ? fen(input.listAmount) : null,
        input.productLine ?? null,
        input.products ?? null,
        input.standardPayment ? 1 : 0,
        input.paymentTerms ?? null,
        input.deliveryTerms ?? null,
        input.startDate ?? null,
        input.endDate ?? null,
        nowIso(),
      );
    const cid = Number(r.lastInsertRowid);
    const ins = db.prepare('INSERT INTO contract_instalments (contract_id, seq, due_date, amount) VALUES (?, ?, ?, ?)');
    [...input.instalments]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .forEach((i, n) => ins.run(cid, n + 1, i.dueDate, fen(i.amount)));
    audit(db, { actor: ctx.actor, entity: 'contract', entityId: cid, field: 'created', newValue: input.contractNo });
    return cid;
  })();
  return getContract(db, id);
}

/** P3.3: the review checklist; signed off (by whom, when) once every item is checked. */
export function saveChecklist(ctx: ServiceContext, input: ParsedInput<'contracts/checklist'>): ContractDetail {
  const db = ctx.db;
  db.transaction(() => {
    const r = findContract(db, input.contract);
    if (r.status !== 'draft' && r.status !== 'in_review')
      throw new WorkbenchError('contracts/not-editable', { contractNo: r.contract_no, status: r.status });
    const before = r.checklist ? (JSON.parse(r.checklist as string) as Record<string, boolean>) : {};
    const items = Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, input.items[k] ?? before[k] ?? false]));
    const complete = CHECKLIST_ITEMS.every((k) => items[k]);
    db.prepare('UPDATE contracts SET checklist = ?, checklist_by = ?, checklist_at = ? WHERE id = ?').run(
      JSON.stringify(items),
      complete ? ctx.actor : null,
      complete ? nowIso() : null,
      r.id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'contract',
      entityId: r.id,
      field: 'checklist',
      oldValue: before,
      newValue: items,
      reason: input.note ?? null,
    });
  })();
  return getContract(db, input.contract);
}

/** P3.3: sends a draft to review; the rule that applies is recorded and audited. */
export function submitContract(ctx: ServiceContext, input: ParsedInput<'contracts/submit'>): ContractDetail {
  const db = ctx.db;
  db.transaction(() => {
    const r = findContract(db, input.contract);
    if (r.status !== 'draft')
      throw new WorkbenchError('contracts/bad-transition', {
        contractNo: r.contract_no,
        from: r.status,
        to: 'in_review',
      });
    const rule = ruleOf(db, r);
    db.prepare("UPDATE contracts SET status = 'in_review', approval_rule = ? WHERE id = ?").run(
      JSON.stringify(rule),
      r.id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'contract',
      entityId: r.id,
      field: 'status',
      oldValue: r.status,
      newValue: 'in_review',
      reason: `rule: ${ruleText(rule)}`,
    });
  })();
  return getContract(db, input.contract);
}

interface Person {
  id: number;
  employee_no: string;
  name: string;
}

/** The owner's manager: the one named on their record, otherwise their team's manager. */
function ownerManager(ctx: ServiceContext, ownerId: number | null): Person | undefined {
  if (!ownerId) return undefined;
  return ctx.db
    .prepare(
      `SELECT m.id, m.employee_no, m.name FROM staff o LEFT JOIN teams t ON t.id = o.team_id
       JOIN staff m ON m.id = COALESCE(o.manager_id, t.manager_id) WHERE o.id = ? AND m.id <> o.id`,
    )
    .get(ownerId) as Person | undefined;
}

/**
 * P3.3: one approval under the rule that applies: the owner's manager first, then (above the higher
 * thresholds) the second approver named in Settings. The owner never approves their own contract; with
 * every approval given the contract is approved. Each approval is audited with its rule.
 */
export function approveContract(ctx: ServiceContext, input: ParsedInput<'contracts/approve'>): ContractDetail {
  const db = ctx.db;
  db.transaction(() => {
    const r = findContract(db, input.contract);
    const row = toContractRow(db, r);
    if (r.status !== 'in_review')
      throw new WorkbenchError('contracts/not-in-review', { contractNo: row.contractNo, status: r.status });
    const missing = CHECKLIST_ITEMS.filter((k) => !row.checklist?.[k]);
    if (missing.length)
      throw new WorkbenchError('contracts/checklist-incomplete', {
        contractNo: row.contractNo,
        items: missing.join(', '),
      });
    // P2.4: a discount beyond the strategy's last band is approved by nobody (the one definition says so)
    const band = row.rule.strategy;
    if (band && !band.allowed)
      throw new WorkbenchError('contracts/discount-beyond-strategy', {
        contractNo: row.contractNo,
        discount: band.discountPct,
        productLine: band.productLine,
        year: band.year,
      });
    const role = row.rule.pending[0];
    const settings = contractSettings(db);
    const manager = ownerManager(ctx, row.ownerId);
    const second = settings.secondApprover
      ? (db.prepare('SELECT id, employee_no, name FROM staff WHERE employee_no = ?').get(settings.secondApprover) as
          Person | undefined)
      : undefined;
    if (role === 'second' && !second)
      throw new WorkbenchError('contracts/no-second-approver', { contractNo: row.contractNo });
    let approver: Person | undefined;
    if (input.as) {
      approver = db.prepare('SELECT id, employee_no, name FROM staff WHERE employee_no = ?').get(input.as) as
        Person | undefined;
      if (!approver) throw new WorkbenchError('contracts/unknown-approver', { employeeNo: input.as });
    } else approver = role === 'manager' ? manager : second;
    if (!approver) throw new WorkbenchError('contracts/approver-needed', { contractNo: row.contractNo });
    if (approver.id === row.ownerId)
      throw new WorkbenchError('contracts/own-approval', {
        contractNo: row.contractNo,
        employeeNo: approver.employee_no,
      });
    if (row.approvals.some((a) => a.approver.startsWith(`${approver.employee_no} `)))
      throw new WorkbenchError('contracts/same-approver', {
        contractNo: row.contractNo,
        employeeNo: approver.employee_no,
      });
    // a standard contract may be approved by any reviewer but its owner; the rule's roles name their person
    if (role === 'manager' && row.rule.level !== 'standard' && approver.id !== manager?.id) {
      throw new WorkbenchError('contracts/needs-manager', {
        contractNo: row.contractNo,
        employeeNo: approver.employee_no,
        manager: manager ? `${manager.employee_no} ${manager.name}` : '—',
        reasons: row.rule.reasons.join(', '),
      });
    }
    if (role === 'second' && approver.id !== second!.id) {
      throw new WorkbenchError('contracts/needs-second-approver', {
        contractNo: row.contractNo,
        employeeNo: approver.employee_no,
        second: `${second!.employee_no} ${second!.name}`,
        reasons: row.rule.reasons.join(', '),
      });
    }
    db.prepare('INSERT INTO contract_approvals (contract_id, role, approver_id, at, actor) VALUES (?, ?, ?, ?, ?)').run(
      r.id,
      role,
      approver.id,
      nowIso(),
      ctx.actor,
    );
    const done = row.rule.pending.length === 1;
    if (done)
      db.prepare("UPDATE contracts SET status = 'approved', approved_by = ? WHERE id = ?").run(
        [...row.approvals.map((a) => a.approver), `${approver.employee_no} ${approver.name}`].join('; '),
        r.id,
      );
    audit(db, {
      actor: ctx.actor,
      entity: 'contract',
      entityId: r.id,
      field: `approval:${role}`,
      oldValue: r.status,
      newValue: done ? 'approved' : 'in_review',
      reason: `rule: ${ruleText(row.rule)}; approver ${approver.employee_no}`,
    });
  })();
  return getContract(db, input.contract);
}

export function rejectContract(ctx: ServiceContext, input: ParsedInput<'contracts/reject'>): ContractDetail {
  const db = ctx.db;
  db.transaction(() => {
    const r = findContract(db, input.contract);
    if (r.status !== 'in_review')
      throw new WorkbenchError('contracts/not-in-review', { contractNo: r.contract_no, status: r.status });
    db.prepare('DELETE FROM contract_approvals WHERE contract_id = ?').run(r.id);
    db.prepare("UPDATE contracts SET status = 'draft' WHERE id = ?").run(r.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'contract',
      entityId: r.id,
      field: 'status',
      oldValue: r.status,
      newValue: 'draft',
      reason: input.reason,
    });
  })();
  return getContract(db, input.contract);
}

const NEXT: Partial<Record<ContractStatus, ContractStatus[]>> = {
  approved: ['signed'],
  signed: ['in_force', 'terminated'],
  in_force: ['completed', 'terminated'],
};

/** P3.3: signed (with its date), in force, completed or terminated (with a reason). */
export function setContractStatus(ctx: ServiceContext, input: ParsedInput<'contracts/set-status'>): ContractDetail {
  const db = ctx.db;
  db.transaction(() => {
    const r = findContract(db, input.contract);
    if (!NEXT[r.status]?.includes(input.status))
      throw new WorkbenchError('contracts/bad-transition', {
        contractNo: r.contract_no,
        from: r.status,
        to: input.status,
      });
    if (input.status === 'terminated' && !input.reason)
      throw new WorkbenchError('contracts/reason-needed', { contractNo: r.contract_no });
    if (input.status === 'signed')
      db.prepare('UPDATE contracts SET signed_date = ? WHERE id = ?').run(input.date ?? nowIso().slice(0, 10), r.id);
    db.prepare('UPDATE contracts SET status = ? WHERE id = ?').run(input.status, r.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'contract',
      entityId: r.id,
      field: 'status',
      oldValue: r.status,
      newValue: input.status,
      reason: input.reason ?? null,
    });
  })();
  return getContract(db, input.contract);
}

export function payInstalment(ctx: ServiceContext, input: ParsedInput<'contracts/pay'>): ContractDetail {
  const db = ctx.db;
  db.transaction(() => {
    const r = findContract(db, input.contract);
    const i = db
      .prepare('SELECT id, paid_date FROM contract_instalments WHERE contract_id = ? AND seq = ?')
      .get(r.id, input.seq) as { id: number; paid_date: string | null } | undefined;
    if (!i) throw new WorkbenchError('contracts/unknown-instalment', { contractNo: r.contract_no, seq: input.seq });
    db.prepare('UPDATE contract_instalments SET paid_date = ? WHERE id = ?').run(input.paidDate, i.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'contract',
      entityId: r.id,
      field: `instalment:${input.seq}`,
      oldValue: i.paid_date,
      newValue: input.paidDate,
    });
  })();
  return getContract(db, input.contract);
}
