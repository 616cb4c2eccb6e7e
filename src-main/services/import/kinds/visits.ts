import { customerRef } from '../../../db/access/customers';
import {
  isProblem,
  loadNamed,
  loadStaff,
  resolveNamed,
  resolvePerson,
  type NamedLookup,
  type StaffLookup,
} from './lookups';
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { Upserter } from './upsert';
import { today } from '../../context';

/**
 * A salesperson's Excel visit log (P4.2, issue 13 item 8): one row per visit. The customer is found by code
 * or name; a visit dated after today can only be planned; the same customer, day and type is one visit, so
 * importing a log again changes nothing.
 */
const L = (k: string) => `customers.import.fields.${k}`;

interface State {
  customers: NamedLookup;
  staff: StaffLookup;
  contacts: Map<string, number>;
  today: string;
}

export const visitsKind: ImportKind<State> = {
  kind: 'visits',
  label: 'customers.import.kind',
  fields: [
    {
      key: 'customer',
      label: L('customer'),
      type: 'text',
      required: true,
      maxLength: 100,
      shape: 'name',
      example: 'C00001',
      synonyms: [
        '客户',
        '客户名称',
        '客户编号',
        '拜访客户',
        '单位',
        '公司',
        'Customer',
        'Customer Name',
        'Account',
        'Company',
      ],
    },
    {
      key: 'date',
      label: L('date'),
      type: 'date',
      required: true,
      example: '2026-03-05',
      synonyms: ['拜访日期', '日期', '拜访时间', '时间', 'Visit Date', 'Date'],
    },
    {
      key: 'type',
      label: L('type'),
      type: 'enum',
      shape: 'group',
      values: ['on-site', 'phone', 'video', 'exhibition'],
      example: 'on-site',
      valueSynonyms: {
        'on-site': ['上门', '上门拜访', '面访', '拜访', '现场', 'On site', 'Visit'],
        phone: ['电话', '电访', 'Phone', 'Call'],
        video: ['视频', '视频会议', 'Video'],
        exhibition: ['展会', 'Exhibition', 'Trade show'],
      },
      synonyms: ['拜访方式', '方式', '类型', 'Visit Type', 'Type', 'Channel'],
    },
    {
      key: 'status',
      label: L('status'),
      type: 'enum',
      shape: 'group',
      values: ['planned', 'done', 'cancelled'],
      example: 'done',
      valueSynonyms: {
        planned: ['计划', '待拜访', 'Planned'],
        done: ['已完成', '完成', '已拜访', 'Done'],
        cancelled: ['取消', '已取消', 'Cancelled'],
      },
      synonyms: ['状态', 'Status'],
    },
    {
      key: 'salesperson',
      label: L('salesperson'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: ['拜访人', '销售', '销售员', '业务员', '负责人', 'Salesperson', 'Sales Rep', 'Visited By'],
    },
    {
      key: 'contact',
      label: L('contact'),
      type: 'text',
      maxLength: 50,
      example: '李娜',
      synonyms: ['联系人', '接待人', '拜访对象', 'Contact', 'Met'],
    },
    {
      key: 'purpose',
      label: L('purpose'),
      type: 'text',
      maxLength: 500,
      example: '回访',
      synonyms: ['目的', '拜访目的', '事由', 'Purpose'],
    },
    {
      key: 'outcome',
      label: L('outcome'),
      type: 'text',
      maxLength: 1000,
      example: '客户满意',
      synonyms: ['结果', '拜访结果', '内容', '拜访内容', '纪要', 'Outcome', 'Result', 'Notes'],
    },
    {
      key: 'nextStep',
      label: L('nextStep'),
      type: 'text',
      maxLength: 500,
      example: '报价',
      synonyms: ['下一步', '后续计划', 'Next Step'],
    },
    {
      key: 'nextDate',
      label: L('nextDate'),
      type: 'date',
      example: '2026-03-20',
      synonyms: ['下次拜访', '下一步日期', '下次日期', 'Next Date', 'Follow-up Date'],
    },
  ],
  prepare: (ctx) => {
    const contacts = new Map<string, number>();
    for (const c of ctx.db.prepare('SELECT id, customer_id AS customer, name FROM contacts').all() as {
      id: number;
      customer: number;
      name: string;
    }[])
      contacts.set(`${c.customer}|${c.name}`, c.id);
    return { customers: loadNamed(ctx.db, 'customers'), staff: loadStaff(ctx.db), contacts, today: today() };
  },
  check(r, s) {
    const problems: RowProblem[] = [];
    const text = String(r.customer);
    const id = s.customers.byCode.get(text.toLowerCase()) ?? resolveNamed(s.customers, text);
    if (id === 'ambiguous') problems.push({ field: 'customer', code: 'ambiguous-customer', params: { name: text } });
    else if (id === undefined)
      problems.push({ field: 'customer', code: 'customers.import.problem.unknown-customer', params: { name: text } });
    else r.customerId = id;
    if (r.salesperson) {
      const p = resolvePerson(s.staff, String(r.salesperson), 'salesperson');
      if (isProblem(p)) problems.push(p);
      else r.salesperson = p.employeeNo;
    }
    if ((r.status ?? 'done') === 'done' && String(r.date) > s.today)
      problems.push({ field: 'date', code: 'customers.import.problem.future-done', params: { date: r.date } });
    if (r.contact && typeof id === 'number' && !s.contacts.has(`${id}|${String(r.contact)}`))
      problems.push({
        field: 'contact',
        code: 'customers.import.problem.contact-elsewhere',
        params: { name: r.contact },
      });
    if (r.nextDate && String(r.nextDate) < String(r.date))
      problems.push({ field: 'nextDate', code: 'customers.import.problem.next-before-date', params: { date: r.date } });
    return problems;
  },
  key: (r) => `${String(r.customer).toLowerCase()}|${String(r.date)}|${String(r.type ?? 'on-site')}`,
  keyText: (r) => `${String(r.customer)} ${String(r.date)}`,
  commit(records, s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const find = ctx.db.prepare(
      "SELECT * FROM interactions WHERE customer_id = ? AND date = ? AND kind = 'visit' AND coalesce(visit_type, 'on-site') = ? ORDER BY id LIMIT 1",
    );
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    records.forEach((r, i) => {
      const customerId = r.customerId as number;
      const type = (r.type as string | null) ?? 'on-site';
      const existing = find.get(customerId, r.date, type) as (Record<string, unknown> & { id: number }) | undefined;
      const staffId = r.salesperson
        ? s.staff.byNo.get(String(r.salesperson).toLowerCase())?.id
        : (customerRef(ctx.db, customerId)?.ownerId ?? null);
      const values = {
        customer_id: customerId,
        staff_id: staffId ?? null,
        date: r.date,
        kind: 'visit',
        visit_type: type,
        status: r.status ?? (existing ? null : 'done'),
        contact_id: r.contact ? (s.contacts.get(`${customerId}|${String(r.contact)}`) ?? null) : null,
        purpose: r.purpose,
        outcome: r.outcome,
        next_step: r.nextStep,
        next_date: r.nextDate,
        import_id: existing ? null : ctx.importId,
      };
      const { action } = up.upsert('interactions', existing, values);
      result[action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT coalesce(c.code, c.name) AS customer, i.date, coalesce(i.visit_type, 'on-site') AS type, i.status, s.employee_no AS salesperson, k.name AS contact,
                coalesce(i.purpose, i.summary) AS purpose, i.outcome, i.next_step AS nextStep, i.next_date AS nextDate
         FROM interactions i JOIN customers c ON c.id = i.customer_id LEFT JOIN staff s ON s.id = i.staff_id LEFT JOIN contacts k ON k.id = i.contact_id
         WHERE i.kind = 'visit' ORDER BY i.date, i.id`,
      )
      .all() as ImportRecord[];
  },
};
