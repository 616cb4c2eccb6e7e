import type { Database } from 'better-sqlite3';
import { nowIso } from '../../context';
import {
  isProblem,
  loadNamed,
  loadStaff,
  nameKey,
  resolveNamed,
  resolvePerson,
  type NamedLookup,
  type StaffLookup,
} from './lookups';
import type { CommitResult, ImportKind, ImportRecord, PrepareContext, RowProblem } from './types';
import { Upserter } from './upsert';

/**
 * Contracts with their payment terms (P3.3), one row an instalment: the contract's own columns (number,
 * customer, amount, list amount, owner, terms, dates) are given on its first row and may be repeated or
 * left blank below it (a merged cell reads as blanks), as the lines of an order are.
 *
 * - The instalments of a contract must add up to its amount to the fen (`instalments-sum`, on every row
 *   of the contract, with both sums): nothing of that contract is written, as `contracts/create`
 *   refuses it.
 * - Without an instalment number, a contract's instalments are numbered by due date.
 * - A contract is imported as a draft. One that exists already may be changed only while it is a draft
 *   (`contract-not-draft`): review, approval and signature go through their own steps, never a sheet.
 */
const L = (k: string) => `importExport.fields.contracts.${k}`;

const HEADER = [
  'customer',
  'amount',
  'listAmount',
  'owner',
  'productLine',
  'products',
  'standardPayment',
  'paymentTerms',
  'deliveryTerms',
  'startDate',
  'endDate',
] as const;

interface State {
  customers: NamedLookup;
  staff: StaffLookup;
}

const blank = (v: unknown) => v === null || v === undefined || v === '';
const yuanText = (fen: number) => (fen / 100).toFixed(2);

export const contractsKind: ImportKind<State> = {
  kind: 'contracts',
  label: 'importExport.kinds.contracts',
  fields: [
    {
      key: 'contractNo',
      label: L('contractNo'),
      type: 'text',
      maxLength: 50,
      example: 'HT2026-0001',
      synonyms: ['合同编号', '合同号', '合同', 'Contract', 'Contract No', 'Contract Number', 'Agreement No'],
    },
    {
      key: 'customer',
      label: L('customer'),
      type: 'text',
      maxLength: 100,
      example: 'C10001',
      synonyms: ['客户', '客户名称', '客户编号', '甲方', 'Customer', 'Customer Name', 'Account'],
    },
    {
      key: 'amount',
      label: L('amount'),
      type: 'money',
      min: 0.01,
      example: 600000,
      synonyms: ['合同金额', '合同总额', '总金额', 'Contract Amount', 'Contract Value', 'Total Amount'],
    },
    {
      key: 'listAmount',
      label: L('listAmount'),
      type: 'money',
      min: 0.01,
      example: 650000,
      synonyms: ['目录价金额', '标准价金额', '原价', 'List Amount', 'List Price Total'],
    },
    {
      key: 'owner',
      label: L('owner'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: ['负责人', '签约人', '销售员', '业务员', 'Owner', 'Salesperson', 'Sales Rep'],
    },
    {
      key: 'productLine',
      label: L('productLine'),
      type: 'text',
      maxLength: 100,
      shape: 'group',
      example: '智能仓储',
      synonyms: ['产品线', 'Product Line'],
    },
    {
      key: 'products',
      label: L('products'),
      type: 'text',
      maxLength: 500,
      example: '扫码终端 ×20',
      synonyms: ['产品', '合同产品', '标的', 'Products', 'Items'],
    },
    {
      key: 'standardPayment',
      label: L('standardPayment'),
      type: 'bool',
      example: '是',
      synonyms: ['标准付款条件', '标准付款', 'Standard Payment', 'Standard Terms'],
    },
    {
      key: 'paymentTerms',
      label: L('paymentTerms'),
      type: 'text',
      maxLength: 500,
      synonyms: ['付款条件', '付款方式', 'Payment Terms'],
    },
    {
      key: 'deliveryTerms',
      label: L('deliveryTerms'),
      type: 'text',
      maxLength: 500,
      synonyms: ['交付条件', '交货条款', 'Delivery Terms'],
    },
    {
      key: 'startDate',
      label: L('startDate'),
      type: 'date',
      example: '2026-04-01',
      synonyms: ['开始日期', '生效日期', '起始日期', 'Start Date', 'Start'],
    },
    {
      key: 'endDate',
      label: L('endDate'),
      type: 'date',
      example: '2027-03-31',
      synonyms: ['结束日期', '到期日期', '终止日期', 'End Date', 'End'],
    },
    {
      key: 'seq',
      label: L('seq'),
      type: 'int',
      min: 1,
      max: 60,
      exactHeader: true,
      synonyms: ['期次', '分期', '第几期', 'Instalment', 'Installment', 'Instalment No', 'Installment No'],
    },
    {
      key: 'dueDate',
      label: L('dueDate'),
      type: 'date',
      required: true,
      example: '2026-04-30',
      synonyms: ['应收日期', '付款日期', '到期日', '计划收款日期', 'Due Date', 'Due', 'Payment Date'],
    },
    {
      key: 'instalmentAmount',
      label: L('instalmentAmount'),
      type: 'money',
      required: true,
      min: 0.01,
      example: 600000,
      synonyms: [
        '分期金额',
        '本期金额',
        '应收金额',
        '收款金额',
        '计划收款金额',
        'Instalment Amount',
        'Installment Amount',
        'Amount Due',
      ],
    },
  ],
  // the contract number is checked in contractGroups: a merged cell leaves it blank below its first row
  requireOneOf: [['contractNo', 'customer', 'amount']],
  prepare: (ctx) => ({ customers: loadNamed(ctx.db, 'customers'), staff: loadStaff(ctx.db) }),
  check(r, s) {
    const problems: RowProblem[] = [];
    if (!blank(r.customer)) {
      const c = resolveNamed(s.customers, String(r.customer));
      if (c === 'ambiguous')
        problems.push({ field: 'customer', code: 'ambiguous-customer', params: { name: r.customer } });
      else if (c === undefined)
        problems.push({ field: 'customer', code: 'unknown-customer', params: { name: r.customer } });
    }
    if (!blank(r.owner)) {
      const p = resolvePerson(s.staff, String(r.owner), 'owner');
      if (isProblem(p)) problems.push(p);
      else r.owner = p.employeeNo;
    }
    if (r.startDate && r.endDate && String(r.endDate) < String(r.startDate))
      problems.push({ field: 'endDate', code: 'end-before-start', params: { start: r.startDate, end: r.endDate } });
    return problems;
  },
  checkAll: (records, _s, ctx, rows) => contractGroups(records, ctx, rows),
  key: (r) => `${String(r.contractNo).toLowerCase()}#${String(r.seq)}`,
  keyText: (r) => `${String(r.contractNo)} #${String(r.seq)}`,
  commit(records, s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const findContract = ctx.db.prepare('SELECT * FROM contracts WHERE contract_no = ?');
    const findInstalment = ctx.db.prepare('SELECT * FROM contract_instalments WHERE contract_id = ? AND seq = ?');
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    const ids = new Map<string, number>();
    const at = nowIso();
    records.forEach((r, i) => {
      const no = String(r.contractNo);
      let cid = ids.get(no);
      if (cid === undefined) {
        const existing = findContract.get(no) as (Record<string, unknown> & { id: number }) | undefined;
        const values = {
          contract_no: no,
          customer_id: resolveNamed(s.customers, String(r.customer)),
          staff_id: blank(r.owner) ? null : s.staff.byNo.get(String(r.owner).toLowerCase())?.id,
          amount: r.amount,
          list_amount: r.listAmount,
          product_line: r.productLine,
          products: r.products,
          standard_payment: blank(r.standardPayment) ? (existing ? null : 1) : r.standardPayment ? 1 : 0,
          payment_terms: r.paymentTerms,
          delivery_terms: r.deliveryTerms,
          start_date: r.startDate,
          end_date: r.endDate,
        };
        const done = up.upsert('contracts', existing, values, { status: 'draft', created_at: at });
        cid = done.id;
        ids.set(no, cid);
        // rows count instalments; the contracts the sheet added are said beside them
        if (done.action === 'inserted') result.created.contracts = (result.created.contracts ?? 0) + 1;
      }
      const inst = findInstalment.get(cid, r.seq) as (Record<string, unknown> & { id: number }) | undefined;
      const { action } = up.upsert('contract_instalments', inst, {
        contract_id: cid,
        seq: r.seq,
        due_date: r.dueDate,
        amount: r.instalmentAmount,
      });
      result[action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT k.contract_no AS contractNo, COALESCE(c.code, c.name) AS customer, k.amount, k.list_amount AS listAmount, s.employee_no AS owner,
                k.product_line AS productLine, k.products, k.standard_payment = 1 AS standardPayment, k.payment_terms AS paymentTerms,
                k.delivery_terms AS deliveryTerms, k.start_date AS startDate, k.end_date AS endDate, i.seq, i.due_date AS dueDate, i.amount AS instalmentAmount
         FROM contracts k JOIN customers c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = k.staff_id JOIN contract_instalments i ON i.contract_id = k.id
         ORDER BY k.contract_no, i.seq`,
      )
      .all() as ImportRecord[];
  },
};

interface Group {
  rows: number[];
}

/**
 * The rows of each contract together: blanks take the contract's values, a row that differs is a problem,
 * the instalments are numbered by due date when the sheet does not number them, and their sum must be
 * the contract's amount (P3.3). A contract that exists may change only while it is a draft.
 */
function contractGroups(
  records: ImportRecord[],
  ctx: PrepareContext,
  rows: readonly number[],
): Map<number, RowProblem[]> {
  const problems = new Map<number, RowProblem[]>();
  const add = (i: number, p: RowProblem) => problems.set(i, [...(problems.get(i) ?? []), p]);
  // a blank contract number on the row right below a contract's row continues that contract (a cell merged
  // down over its instalments reads as blanks); anywhere else it is missing
  records.forEach((r, i) => {
    if (!blank(r.contractNo)) return;
    if (i > 0 && rows[i - 1] === rows[i] - 1) r.contractNo = records[i - 1].contractNo;
    else add(i, { field: 'contractNo', code: 'required' });
  });
  const groups = new Map<string, Group>();
  records.forEach((r, i) => {
    if (blank(r.contractNo)) return;
    const no = String(r.contractNo).toLowerCase();
    const g = groups.get(no) ?? { rows: [] };
    g.rows.push(i);
    groups.set(no, g);
  });
  const stored = storedContracts(ctx.db);
  for (const g of groups.values()) {
    const first = records[g.rows[0]];
    const no = String(first.contractNo);
    // 1. the contract's own values: the first row that gives each; a later row that differs is a problem
    const given = new Map<string, number>();
    for (const i of g.rows) {
      for (const f of HEADER) {
        const v = records[i][f];
        if (blank(v)) continue;
        const at = given.get(f);
        if (at === undefined) given.set(f, i);
        else if (compare(f, records[at][f]) !== compare(f, v))
          add(i, { field: f, code: 'contract-header-conflict', params: { contract: no, first: rows[at] } });
      }
    }
    for (const i of g.rows) for (const [f, at] of given) if (blank(records[i][f])) records[i][f] = records[at][f];
    for (const f of ['customer', 'amount'] as const) if (!given.has(f)) add(g.rows[0], { field: f, code: 'required' });
    // 2. instalments numbered by due date (then sheet order) when the sheet has no numbers
    if (g.rows.some((i) => blank(records[i].seq))) {
      if (g.rows.some((i) => !blank(records[i].seq)))
        for (const i of g.rows) if (blank(records[i].seq)) add(i, { field: 'seq', code: 'required' });
      [...g.rows]
        .sort((a, b) => String(records[a].dueDate).localeCompare(String(records[b].dueDate)) || a - b)
        .forEach((i, n) => {
          if (blank(records[i].seq)) records[i].seq = n + 1;
        });
    }
    // 3. the instalments add up to the amount, to the fen; else nothing of the contract is written
    const amount = records[g.rows[0]].amount as number | null;
    const sum = g.rows.reduce((t, i) => t + (records[i].instalmentAmount as number), 0);
    if (amount !== null && sum !== amount)
      for (const i of g.rows)
        add(i, {
          field: 'instalmentAmount',
          code: 'instalments-sum',
          params: { contract: no, sum: yuanText(sum), amount: yuanText(amount) },
        });
    // 4. an existing contract: a draft only, and the sheet gives all of its instalments
    const old = stored.get(no.toLowerCase());
    if (old && old.status !== 'draft')
      for (const i of g.rows) add(i, { code: 'contract-not-draft', params: { contract: no, status: old.status } });
    else if (old && old.instalments > g.rows.length)
      for (const i of g.rows)
        add(i, {
          field: 'seq',
          code: 'instalments-fewer',
          params: { contract: no, stored: old.instalments, given: g.rows.length },
        });
  }
  return problems;
}

function compare(field: string, v: unknown): string {
  return field === 'customer' || field === 'owner' ? nameKey(String(v)) : String(v);
}

function storedContracts(db: Database): Map<string, { status: string; instalments: number }> {
  const rows = db
    .prepare(
      'SELECT lower(k.contract_no) AS no, k.status, (SELECT count(*) FROM contract_instalments i WHERE i.contract_id = k.id) AS n FROM contracts k',
    )
    .all() as { no: string; status: string; n: number }[];
  return new Map(rows.map((r) => [r.no, { status: r.status, instalments: r.n }]));
}
