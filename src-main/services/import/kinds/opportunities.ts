import { STAGES } from '../../../contract/pipeline';
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
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { Upserter } from './upsert';

/**
 * Opportunities kept elsewhere (P3.1): one row an opportunity, matched by customer and title (the
 * pipeline has no number of its own). The customer must exist; the salesperson and product are found
 * by number/code or name. The stage is one of the policy's (需求确认 … 赢单/丢单) and is required: a
 * sheet that says nothing of it is refused rather than guessed. A won opportunity needs its amount
 * (`won-without-amount`, as the screen and `opportunities/move` refuse it); a lost one keeps its reason
 * and competitor. A new opportunity, or a stage that changes, is written to the stage history with the
 * import's actor, so the board's history says where the stage came from.
 */
const L = (k: string) => `importExport.fields.opportunities.${k}`;

interface State {
  customers: NamedLookup;
  products: NamedLookup;
  staff: StaffLookup;
}

type Existing = Record<string, unknown> & { id: number; stage: string };

export const opportunitiesKind: ImportKind<State> = {
  kind: 'opportunities',
  label: 'importExport.kinds.opportunities',
  fields: [
    {
      key: 'title',
      label: L('title'),
      type: 'text',
      required: true,
      maxLength: 200,
      example: '华东仓储扫码系统升级',
      synonyms: ['商机名称', '商机', '机会名称', '项目名称', 'Opportunity', 'Opportunity Name', 'Deal', 'Deal Name'],
    },
    {
      key: 'customer',
      label: L('customer'),
      type: 'text',
      required: true,
      maxLength: 100,
      shape: 'name',
      example: 'C10001',
      synonyms: ['客户', '客户名称', '客户编号', 'Customer', 'Customer Name', 'Account', 'Account Name'],
    },
    {
      // not 'stage': a customer's lifecycle stage already names its values (importExport.values.stage)
      key: 'pipelineStage',
      label: L('stage'),
      type: 'enum',
      required: true,
      shape: 'group',
      values: [...STAGES],
      example: 'proposal',
      synonyms: ['阶段', '销售阶段', '商机阶段', 'Stage', 'Sales Stage', 'Deal Stage'],
      valueSynonyms: {
        needs: ['需求确认', '需求', 'Needs', 'Needs Analysis', 'Qualification'],
        proposal: ['方案', '方案制定', 'Proposal'],
        demo: ['产品演示', '演示', 'Demo', 'Presentation'],
        negotiation: ['商务谈判', '谈判', 'Negotiation'],
        contract: ['合同', '签约', 'Contract'],
        won: ['赢单', '成交', 'Won', 'Closed Won'],
        lost: ['丢单', '输单', 'Lost', 'Closed Lost'],
      },
    },
    {
      key: 'amount',
      label: L('amount'),
      type: 'money',
      min: 0,
      example: 380000,
      synonyms: ['金额', '预计金额', '商机金额', 'Amount', 'Deal Value', 'Value'],
    },
    {
      key: 'expectedDate',
      label: L('expectedDate'),
      type: 'date',
      example: '2026-06-30',
      synonyms: ['预计成交日期', '预计签单日期', '预计关闭日期', 'Expected Close', 'Close Date', 'Expected Close Date'],
    },
    {
      key: 'salesperson',
      label: L('salesperson'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: ['负责人', '销售员', '业务员', 'Owner', 'Salesperson', 'Sales Rep'],
    },
    {
      key: 'contact',
      label: L('contact'),
      type: 'text',
      maxLength: 100,
      example: '王经理',
      synonyms: ['联系人', '客户联系人', 'Contact', 'Contact Name'],
    },
    {
      key: 'product',
      label: L('product'),
      type: 'text',
      maxLength: 100,
      shape: 'group',
      example: 'P001',
      synonyms: ['产品', '产品名称', '意向产品', 'Product', 'Product Name'],
    },
    {
      key: 'source',
      label: L('source'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '展会',
      synonyms: ['来源', '商机来源', '线索来源', 'Source', 'Lead Source'],
    },
    {
      key: 'lostReason',
      label: L('lostReason'),
      type: 'text',
      maxLength: 200,
      synonyms: ['丢单原因', '输单原因', 'Lost Reason', 'Loss Reason'],
    },
    {
      key: 'competitor',
      label: L('competitor'),
      type: 'text',
      maxLength: 100,
      synonyms: ['竞争对手', '输给', 'Competitor', 'Lost To'],
    },
  ],
  prepare: (ctx) => ({
    customers: loadNamed(ctx.db, 'customers'),
    products: loadNamed(ctx.db, 'products'),
    staff: loadStaff(ctx.db),
  }),
  check(r, s) {
    const problems: RowProblem[] = [];
    const c = resolveNamed(s.customers, String(r.customer));
    if (c === 'ambiguous')
      problems.push({ field: 'customer', code: 'ambiguous-customer', params: { name: r.customer } });
    else if (c === undefined)
      problems.push({ field: 'customer', code: 'unknown-customer', params: { name: r.customer } });
    else r.customer = c;
    if (r.product) {
      const p = resolveNamed(s.products, String(r.product));
      if (p === 'ambiguous')
        problems.push({ field: 'product', code: 'ambiguous-product', params: { name: r.product } });
      else if (p === undefined)
        problems.push({ field: 'product', code: 'unknown-product', params: { name: r.product } });
      else r.product = p;
    }
    if (r.salesperson) {
      const p = resolvePerson(s.staff, String(r.salesperson), 'salesperson');
      if (isProblem(p)) problems.push(p);
      else r.salesperson = p.employeeNo;
    }
    // P3.1: a won deal is counted at its amount; without one it would count as nothing
    if (r.pipelineStage === 'won' && !r.amount)
      problems.push({ field: 'amount', code: 'won-without-amount', params: { title: r.title } });
    if (r.pipelineStage === 'lost' && !r.lostReason)
      problems.push({ field: 'lostReason', code: 'lost-without-reason', params: { title: r.title } });
    if (r.pipelineStage !== 'lost' && (r.lostReason || r.competitor))
      problems.push({ field: r.lostReason ? 'lostReason' : 'competitor', code: 'lost-fields-open', params: {} });
    return problems;
  },
  // after check() the customer is its id: the same title at two customers is two opportunities
  key: (r) => `${String(r.customer)}\u0000${nameKey(String(r.title))}`,
  keyText: (r) => String(r.title),
  commit(records, s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const find = ctx.db.prepare('SELECT * FROM opportunities WHERE customer_id = ? AND title = ? ORDER BY id LIMIT 1');
    const history = ctx.db.prepare(
      'INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, at, actor) VALUES (?, ?, ?, ?, ?)',
    );
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    const at = nowIso();
    records.forEach((r, i) => {
      const existing = find.get(r.customer, r.title) as Existing | undefined;
      const moved = !existing || existing.stage !== r.pipelineStage;
      const values: Record<string, unknown> = {
        customer_id: r.customer,
        title: r.title,
        stage: r.pipelineStage,
        amount: r.amount,
        expected_date: r.expectedDate,
        contact: r.contact,
        source: r.source,
        staff_id: r.salesperson ? s.staff.byNo.get(String(r.salesperson).toLowerCase())?.id : null,
        product_id: r.product,
        lost_reason: r.lostReason,
        competitor: r.competitor,
        stage_since: moved ? at : null,
      };
      const { id, action } = up.upsert('opportunities', existing, values, { created_at: at });
      if (moved) {
        const h = history.run(id, existing?.stage ?? null, r.pipelineStage, at, ctx.actor);
        ctx.changes.inserted('opportunity_stage_history', Number(h.lastInsertRowid));
      }
      result[action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT o.title, COALESCE(c.code, c.name) AS customer, o.stage AS pipelineStage, o.amount, o.expected_date AS expectedDate, s.employee_no AS salesperson,
                o.contact, COALESCE(p.code, p.name) AS product, o.source, o.lost_reason AS lostReason, o.competitor
         FROM opportunities o JOIN customers c ON c.id = o.customer_id LEFT JOIN staff s ON s.id = o.staff_id LEFT JOIN products p ON p.id = o.product_id
         ORDER BY o.id`,
      )
      .all() as ImportRecord[];
  },
};
