import { SEVERITIES, TICKET_STATUSES } from '../../../contract/tickets';
import { ticketSettings } from '../../tickets/settings';
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

/**
 * After-sales tickets (P4.4, P4.6) kept elsewhere: upsert by ticket number. The customer must exist (by code
 * or name), the department must be one of Settings' list, and a ticket cannot be resolved before it was
 * opened. The resolution target comes from the severity's target (working hours) when the sheet has none.
 */
const L = (k: string) => `importExport.fields.tickets.${k}`;

interface State {
  customers: NamedLookup;
  staff: StaffLookup;
  departments: Set<string>;
  targets: Record<string, number>;
}

export const ticketsKind: ImportKind<State> = {
  kind: 'tickets',
  label: 'importExport.kinds.tickets',
  fields: [
    {
      key: 'ticketNo',
      label: L('ticketNo'),
      type: 'text',
      required: true,
      maxLength: 50,
      shape: 'code',
      example: 'SR20260301-001',
      synonyms: ['工单号', '工单编号', '服务单号', '单号', 'Ticket', 'Ticket No', 'Ticket ID', 'Case No', 'Case ID'],
    },
    {
      key: 'customer',
      label: L('customer'),
      type: 'text',
      required: true,
      maxLength: 100,
      shape: 'name',
      example: 'C10001',
      synonyms: ['客户', '客户名称', '客户编号', 'Customer', 'Customer Name', 'Account'],
    },
    {
      key: 'openedDate',
      label: L('openedDate'),
      type: 'date',
      required: true,
      example: '2026-03-01',
      synonyms: ['受理日期', '创建日期', '报修日期', '开单日期', 'Opened', 'Opened Date', 'Created', 'Date Opened'],
    },
    {
      key: 'resolvedDate',
      label: L('resolvedDate'),
      type: 'date',
      example: '2026-03-03',
      synonyms: ['解决日期', '完成日期', '关闭日期', 'Resolved', 'Resolved Date', 'Closed Date'],
    },
    {
      key: 'department',
      label: L('department'),
      type: 'text',
      required: true,
      maxLength: 50,
      shape: 'group',
      example: '技术支持部',
      synonyms: ['部门', '责任部门', '处理部门', 'Department', 'Team'],
    },
    {
      key: 'severity',
      label: L('severity'),
      type: 'enum',
      shape: 'group',
      values: [...SEVERITIES],
      example: 'medium',
      synonyms: ['严重程度', '级别', '优先级', 'Severity', 'Priority'],
      valueSynonyms: {
        critical: ['紧急', '特急', 'Critical', 'Urgent'],
        high: ['高', 'High'],
        medium: ['中', '一般', 'Medium', 'Normal'],
        low: ['低', 'Low'],
      },
    },
    {
      key: 'status',
      label: L('status'),
      type: 'enum',
      shape: 'group',
      values: [...TICKET_STATUSES],
      example: 'closed',
      synonyms: ['状态', '工单状态', 'Status'],
      valueSynonyms: {
        new: ['新建', '待处理', 'New', 'Open'],
        in_progress: ['处理中', 'In Progress'],
        waiting: ['等待客户', '待客户反馈', 'Waiting'],
        resolved: ['已解决', 'Resolved'],
        closed: ['已关闭', '关闭', 'Closed'],
      },
    },
    {
      key: 'complaint',
      label: L('complaint'),
      type: 'bool',
      example: '否',
      synonyms: ['投诉', '是否投诉', 'Complaint'],
    },
    {
      key: 'category',
      label: L('category'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: 'quality',
      synonyms: ['类别', '问题类别', '问题类型', 'Category', 'Type'],
    },
    {
      key: 'description',
      label: L('description'),
      type: 'text',
      maxLength: 2000,
      example: '设备频繁重启',
      synonyms: ['问题描述', '描述', '内容', 'Description', 'Details'],
    },
    {
      key: 'salesperson',
      label: L('salesperson'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: ['销售员', '业务员', '负责销售', 'Salesperson', 'Sales Rep'],
    },
  ],
  prepare: (ctx) => {
    const s = ticketSettings(ctx.db);
    return {
      customers: loadNamed(ctx.db, 'customers'),
      staff: loadStaff(ctx.db),
      departments: new Set(s.departments),
      targets: Object.fromEntries(Object.entries(s.sla).map(([k, v]) => [k, v.resolution])),
    };
  },
  check(r, s) {
    const problems: RowProblem[] = [];
    const c = resolveNamed(s.customers, String(r.customer));
    if (c === 'ambiguous')
      problems.push({ field: 'customer', code: 'ambiguous-customer', params: { name: r.customer } });
    else if (c === undefined)
      problems.push({ field: 'customer', code: 'unknown-customer', params: { name: r.customer } });
    if (r.department && !s.departments.has(String(r.department)))
      problems.push({
        field: 'department',
        code: 'unknown-department',
        params: { department: r.department, departments: [...s.departments].join(', ') },
      });
    // P4.6: a clock cannot run backwards
    if (r.resolvedDate && r.openedDate && String(r.resolvedDate) < String(r.openedDate))
      problems.push({
        field: 'resolvedDate',
        code: 'closed-before-opened',
        params: { opened: r.openedDate, resolved: r.resolvedDate },
      });
    if (r.salesperson) {
      const p = resolvePerson(s.staff, String(r.salesperson), 'salesperson');
      if (isProblem(p)) problems.push(p);
      else r.salesperson = p.employeeNo;
    }
    return problems;
  },
  key: (r) => String(r.ticketNo).toLowerCase(),
  keyText: (r) => String(r.ticketNo),
  commit(records, s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const find = ctx.db.prepare('SELECT * FROM tickets WHERE ticket_no = ?');
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    records.forEach((r, i) => {
      const existing = find.get(r.ticketNo) as (Record<string, unknown> & { id: number }) | undefined;
      const severity = (r.severity as string | null) ?? (existing ? null : 'medium');
      const values = {
        ticket_no: r.ticketNo,
        customer_id: resolveNamed(s.customers, String(r.customer)),
        opened_date: r.openedDate,
        resolved_date: r.resolvedDate,
        department: r.department,
        severity,
        status: r.status ?? (existing ? null : r.resolvedDate ? 'closed' : 'new'),
        complaint: r.complaint === undefined || r.complaint === null ? (existing ? null : 0) : r.complaint ? 1 : 0,
        category: r.category,
        description: r.description,
        staff_id: r.salesperson ? s.staff.byNo.get(String(r.salesperson).toLowerCase())?.id : null,
        target_hours: severity && !existing ? s.targets[severity] : null,
      };
      const { action } = up.upsert('tickets', existing, values);
      result[action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT t.ticket_no AS ticketNo, COALESCE(c.code, c.name) AS customer, t.opened_date AS openedDate, t.resolved_date AS resolvedDate, t.department,
                t.severity, t.status, t.complaint = 1 AS complaint, t.category, t.description, s.employee_no AS salesperson
         FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN staff s ON s.id = t.staff_id ORDER BY t.ticket_no`,
      )
      .all() as ImportRecord[];
  },
};
