import { t } from '../../../i18n/messages';
import { nowIso } from '../../context';
import { audit } from '../../audit';
import { addPerson, isProblem, loadStaff, nameKey, resolvePerson, type StaffLookup } from './lookups';
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { Upserter } from './upsert';

/** Salespeople (P1.1, P5.6): upsert by employee number; teams named in the sheet are created; managers may be in the same sheet. */
const L = (k: string) => `importExport.fields.staff.${k}`;

interface State {
  staff: StaffLookup;
  /** Employee numbers and names in this file (managers may be among them). */
  fileNos: Set<string>;
  fileNames: Map<string, number>;
}

export const staffKind: ImportKind<State> = {
  kind: 'staff',
  label: 'importExport.kinds.staff',
  fields: [
    {
      key: 'employeeNo',
      label: L('employeeNo'),
      type: 'text',
      required: true,
      maxLength: 32,
      shape: 'code',
      example: 'S0101',
      synonyms: [
        '工号',
        '员工编号',
        '员工号',
        '职工号',
        '人员编号',
        '编号',
        '员工ID',
        '销售代表ID',
        '销售员编号',
        'Employee No',
        'Employee Number',
        'Employee ID',
        'EmpID',
        'EEID',
        'Staff No',
        'Staff ID',
        'Emp No',
        'Sales Rep ID',
        'Rep ID',
        'Salesperson ID',
        'ID',
      ],
    },
    {
      key: 'name',
      label: L('name'),
      type: 'text',
      required: true,
      maxLength: 50,
      shape: 'name',
      example: '张伟',
      synonyms: [
        '姓名',
        '名字',
        '员工姓名',
        '员工',
        '销售员',
        '销售员姓名',
        'Name',
        'Full Name',
        'Employee Name',
        'Employee_Name',
        'Staff Name',
      ],
    },
    {
      key: 'team',
      label: L('team'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '华东一组',
      synonyms: [
        '团队',
        '部门',
        '小组',
        '销售组',
        '所属团队',
        '所属部门',
        '组别',
        'Team',
        'Department',
        'Dept',
        'Departments',
        'Sales Team',
      ],
    },
    {
      key: 'title',
      label: L('title'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '销售代表',
      synonyms: ['职位', '岗位', '职务', '职称', 'Title', 'Job Title', 'Position', 'Positions', 'Role'],
    },
    {
      key: 'hireDate',
      label: L('hireDate'),
      type: 'date',
      example: '2024-03-01',
      synonyms: [
        '入职日期',
        '入职时间',
        '到岗日期',
        'Hire Date',
        'Start Date',
        'Date of Hire',
        'DateofHire',
        'DateofHires',
        'Joined',
      ],
    },
    {
      key: 'manager',
      label: L('manager'),
      type: 'text',
      maxLength: 50,
      example: '',
      synonyms: [
        '上级',
        '直属上级',
        '经理',
        '主管',
        '负责人',
        '汇报对象',
        '上级工号',
        '经理工号',
        'Manager',
        'Manager Name',
        'ManagerName',
        'ManagerNames',
        'Manager ID',
        'Reports To',
        'Supervisor',
      ],
    },
    {
      key: 'phone',
      label: L('phone'),
      type: 'text',
      maxLength: 30,
      shape: 'phone',
      example: '13800138000',
      synonyms: ['电话', '手机', '手机号', '手机号码', '联系电话', 'Phone', 'Mobile', 'Telephone', 'Tel'],
    },
    {
      key: 'email',
      label: L('email'),
      type: 'text',
      maxLength: 120,
      shape: 'email',
      example: 'zhang.wei@example.com',
      synonyms: ['邮箱', '电子邮件', '电子邮箱', 'Email', 'E-mail', 'Mail'],
    },
    {
      key: 'status',
      label: L('status'),
      type: 'enum',
      values: ['active', 'inactive'],
      valueSynonyms: {
        active: [
          '在职',
          '在岗',
          '正常',
          '试用期',
          '试用',
          '实习',
          '实习期',
          '实习生',
          '正式',
          '正式员工',
          '转正',
          '已转正',
          'Active',
          'Employed',
          'Probation',
          'Intern',
          '是',
        ],
        inactive: [
          '离职',
          '已离职',
          '停用',
          'Inactive',
          'Left',
          'Terminated',
          'Voluntarily Terminated',
          'Terminated for Cause',
          '否',
        ],
      },
      example: 'active',
      synonyms: ['状态', '在职状态', '员工状态', 'Status', 'Employment Status', 'EmploymentStatus'],
    },
    {
      key: 'leftDate',
      label: L('leftDate'),
      type: 'date',
      example: '',
      synonyms: [
        '离职日期',
        '离职时间',
        'Exit Date',
        'Left Date',
        'Termination Date',
        'DateofTermination',
        'DateofTerminations',
      ],
    },
  ],
  prepare: (ctx) => ({ staff: loadStaff(ctx.db), fileNos: new Set(), fileNames: new Map() }),
  check(r, state) {
    const problems: RowProblem[] = [];
    const no = r.employeeNo as string | null;
    if (no && !/^[\p{L}\p{N}_.-]+$/u.test(no)) problems.push({ field: 'employeeNo', code: 'bad-employee-no' });
    if (r.phone && !/^[+()\d\s-]{5,30}$/.test(r.phone as string)) problems.push({ field: 'phone', code: 'bad-phone' });
    if (r.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email as string))
      problems.push({ field: 'email', code: 'bad-email' });
    if (r.hireDate && r.leftDate && (r.leftDate as string) < (r.hireDate as string))
      problems.push({ field: 'leftDate', code: 'left-before-hire' });
    if (no) state.fileNos.add(no.toLowerCase());
    if (r.name)
      state.fileNames.set(nameKey(r.name as string), (state.fileNames.get(nameKey(r.name as string)) ?? 0) + 1);
    return problems;
  },
  checkAll(rows, state) {
    // A manager must be someone in the database or in this file.
    const out = new Map<number, RowProblem[]>();
    rows.forEach((r, i) => {
      const m = r.manager as string | null;
      if (!m) return;
      if (state.fileNos.has(m.toLowerCase()) || state.fileNames.get(nameKey(m)) === 1) {
        if (m.toLowerCase() === String(r.employeeNo).toLowerCase() || nameKey(m) === nameKey(String(r.name)))
          out.set(i, [{ field: 'manager', code: 'self-manager' }]);
        return;
      }
      const p = resolvePerson(state.staff, m, 'manager');
      if (isProblem(p)) out.set(i, [p]);
    });
    return out;
  },
  key: (r) => String(r.employeeNo).toLowerCase(),
  keyText: (r) => String(r.employeeNo),
  commit(records, state, ctx): CommitResult {
    const { db } = ctx;
    const up = new Upserter(db, ctx.changes);
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    const teams = new Map(
      (db.prepare('SELECT id, name FROM teams').all() as { id: number; name: string }[]).map((x) => [
        nameKey(x.name),
        x.id,
      ]),
    );
    const teamId = (name: string | null) => {
      if (!name) return null;
      let id = teams.get(nameKey(name));
      if (id === undefined) {
        id = up.insert('teams', { name, created_at: nowIso() });
        teams.set(nameKey(name), id);
        result.created.teams = (result.created.teams ?? 0) + 1;
      }
      return id;
    };
    const byNo = db.prepare('SELECT * FROM staff WHERE lower(employee_no) = lower(?)');
    const actions: string[] = [];
    const at = nowIso();
    records.forEach((r, i) => {
      const existing = byNo.get(r.employeeNo) as (Record<string, unknown> & { id: number }) | undefined;
      const status = (r.status as string | null) ?? (r.leftDate ? 'inactive' : existing ? null : 'active');
      const values = {
        employee_no: r.employeeNo,
        name: r.name,
        team_id: teamId(r.team as string | null),
        title: r.title,
        hire_date: r.hireDate,
        phone: r.phone,
        email: r.email,
        status,
        left_date: r.leftDate,
      };
      const { id, action } = up.upsert('staff', existing, values, { created_at: at, updated_at: at });
      result[action]++;
      actions[i] = action;
      if (action !== 'unchanged') {
        audit(db, {
          actor: ctx.actor,
          entity: 'staff',
          entityId: id,
          field: null,
          oldValue: existing ?? null,
          newValue: values,
          reason: t(ctx.lang, 'importExport.auditReason', { id: ctx.importId }),
        });
      }
      addPerson(state.staff, { id, employeeNo: String(r.employeeNo), name: String(r.name) });
      ctx.progress(i + 1, records.length * 2);
    });
    // Managers last: they may be further down the same sheet.
    const get = db.prepare('SELECT id, manager_id FROM staff WHERE id = ?');
    records.forEach((r, i) => {
      if (!r.manager) return;
      const m = resolvePerson(state.staff, r.manager as string, 'manager');
      const self = state.staff.byNo.get(String(r.employeeNo).toLowerCase())!;
      if (isProblem(m) || m.id === self.id) return;
      const row = get.get(self.id) as { id: number; manager_id: number | null };
      if (up.update('staff', row, { manager_id: m.id }) && actions[i] === 'unchanged') {
        // Counted unchanged in the first pass, but its manager changed: an update after all.
        result.unchanged--;
        result.updated++;
        actions[i] = 'updated';
      }
      ctx.progress(records.length + i + 1, records.length * 2);
    });
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT s.employee_no AS employeeNo, s.name, t.name AS team, s.title, s.hire_date AS hireDate, m.employee_no AS manager,
                s.phone, s.email, s.status, s.left_date AS leftDate
         FROM staff s LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN staff m ON m.id = s.manager_id ORDER BY s.employee_no`,
      )
      .all() as ImportRecord[];
  },
};
