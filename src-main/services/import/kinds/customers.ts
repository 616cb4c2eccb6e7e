import { nowIso } from '../../context';
import {
  addNamed,
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

/** Customers (P1.4, P3.1, P4.1): upsert by customer code, or by name when the sheet has no codes; the owner is a salesperson. */
const L = (k: string) => `importExport.fields.customers.${k}`;

interface State {
  customers: NamedLookup;
  staff: StaffLookup;
}

export const customersKind: ImportKind<State> = {
  kind: 'customers',
  label: 'importExport.kinds.customers',
  fields: [
    {
      key: 'code',
      label: L('code'),
      type: 'text',
      maxLength: 40,
      shape: 'code',
      example: 'C10001',
      synonyms: [
        '客户编号',
        '客户代码',
        '客户编码',
        '客户ID',
        '客户号',
        '门店编号',
        '门店编码',
        '门店代码',
        '店铺编号',
        '店铺ID',
        '网点编号',
        '网点代码',
        '会员编号',
        '会员卡号',
        'Customer ID',
        'Customer Code',
        'Customer No',
        'Account No',
        'Account ID',
        'Store ID',
        'Store Code',
        'Store No',
        'ID',
      ],
    },
    {
      key: 'name',
      label: L('name'),
      type: 'text',
      required: true,
      maxLength: 100,
      shape: 'name',
      example: '上海华联商贸有限公司',
      synonyms: [
        '客户名称',
        '客户',
        '客户名',
        '客户全称',
        '公司名称',
        '单位名称',
        '企业名称',
        '门店名称',
        '门店',
        '门店名',
        '店铺',
        '店铺名称',
        '店名',
        '网点',
        '网点名称',
        '姓名',
        '客户姓名',
        '会员姓名',
        'Customer',
        'Customer Name',
        'CustomerName',
        'Company',
        'Company Name',
        'Account',
        'Account Name',
        'Store',
        'Store Name',
        'Shop',
        'Shop Name',
        'Name',
      ],
    },
    {
      key: 'stage',
      label: L('stage'),
      type: 'enum',
      shape: 'group',
      values: ['lead', 'prospect', 'customer', 'lost'],
      valueSynonyms: {
        lead: ['线索', 'Lead'],
        prospect: ['潜在客户', '意向客户', '商机', 'Prospect'],
        customer: ['客户', '成交客户', '正式客户', '老客户', 'Customer', 'Client'],
        lost: ['流失', '已流失', '流失客户', 'Lost', 'Churned'],
      },
      example: 'customer',
      synonyms: ['阶段', '客户阶段', '客户状态', 'Stage', 'Lifecycle Stage'],
      default: { value: 'customer', newOnly: true },
    },
    {
      key: 'segment',
      label: L('segment'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '重点客户',
      synonyms: [
        '客户类型',
        '客户分类',
        '客户等级',
        '客户级别',
        '等级',
        '级别',
        '客户组',
        '客户群',
        '客户分组',
        '分组',
        '门店等级',
        '门店类型',
        '细分',
        'Segment',
        'Customer Segment',
        'Customer Group',
        'Tier',
        'Grade',
        'Level',
      ],
    },
    {
      key: 'industry',
      label: L('industry'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '零售',
      synonyms: ['行业', '所属行业', 'Industry'],
    },
    {
      key: 'province',
      label: L('province'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '上海',
      synonyms: ['省份', '省', '客户省份', '所在省份', '省/直辖市', 'Province', 'State', 'Region/State'],
    },
    {
      key: 'city',
      label: L('city'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '上海',
      synonyms: ['城市', '市', '所在城市', 'City'],
    },
    {
      key: 'owner',
      label: L('owner'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: [
        '负责人',
        '客户经理',
        '销售员',
        '业务员',
        '销售代表',
        '跟进人',
        '归属销售',
        '所属销售',
        'Owner',
        'Account Owner',
        'Account Manager',
        'Sales Rep',
        'Salesperson',
        'Sales Rep ID',
        'Salesperson ID',
        'Owner ID',
      ],
    },
    {
      key: 'contactName',
      label: L('contactName'),
      type: 'text',
      maxLength: 50,
      example: '李娜',
      synonyms: ['联系人', '联系人姓名', '对接人', 'Contact', 'Contact Name', 'Contact Person'],
    },
    {
      key: 'phone',
      label: L('phone'),
      type: 'text',
      maxLength: 30,
      shape: 'phone',
      example: '021-62345678',
      synonyms: [
        '电话',
        '联系电话',
        '手机',
        '手机号',
        '手机号码',
        '电话号码',
        '联系方式',
        '微信',
        '微信号',
        'Phone',
        'Phone Number',
        'Telephone',
        'Tel',
        'Mobile',
      ],
    },
    {
      key: 'email',
      label: L('email'),
      type: 'text',
      maxLength: 120,
      shape: 'email',
      example: 'lina@example.com',
      synonyms: ['邮箱', '电子邮件', '电子邮箱', 'Email', 'E-mail', 'Mail'],
    },
    {
      key: 'address',
      label: L('address'),
      type: 'text',
      maxLength: 200,
      example: '上海市静安区南京西路 1 号',
      synonyms: ['地址', '详细地址', '公司地址', 'Address'],
    },
    {
      key: 'birthday',
      label: L('birthday'),
      type: 'date',
      example: '',
      synonyms: ['生日', '联系人生日', 'Birthday', 'Date of Birth'],
    },
    {
      key: 'visitIntervalDays',
      label: L('visitIntervalDays'),
      type: 'int',
      min: 1,
      max: 3650,
      example: 30,
      synonyms: [
        '拜访周期',
        '回访周期',
        '拜访周期天',
        '回访间隔',
        'Visit Interval',
        'Visit Interval Days',
        'Visit Every',
      ],
    },
  ],
  prepare: (ctx) => ({ customers: loadNamed(ctx.db, 'customers'), staff: loadStaff(ctx.db) }),
  check(r, s) {
    const problems: RowProblem[] = [];
    if (r.owner) {
      const p = resolvePerson(s.staff, String(r.owner), 'owner');
      if (isProblem(p)) problems.push(p);
      else r.owner = p.employeeNo;
    }
    if (!r.code && r.name && resolveNamed(s.customers, String(r.name)) === 'ambiguous')
      problems.push({ field: 'name', code: 'ambiguous-customer', params: { name: r.name } });
    if (r.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(r.email)))
      problems.push({ field: 'email', code: 'bad-email' });
    return problems;
  },
  key: (r) => (r.code ? `c:${String(r.code).toLowerCase()}` : `n:${nameKey(String(r.name))}`),
  keyText: (r) => String(r.code ?? r.name),
  commit(records, s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const get = ctx.db.prepare('SELECT * FROM customers WHERE id = ?');
    const defaulted = { stage: 0 };
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {}, defaulted };
    const at = nowIso();
    records.forEach((r, i) => {
      const found = r.code
        ? s.customers.byCode.get(String(r.code).toLowerCase())
        : resolveNamed(s.customers, String(r.name));
      const existing =
        typeof found === 'number' ? (get.get(found) as Record<string, unknown> & { id: number }) : undefined;
      const owner = r.owner ? s.staff.byNo.get(String(r.owner).toLowerCase())?.id : null;
      const values = {
        code: r.code,
        name: r.name,
        stage: r.stage ?? (existing ? null : 'customer'),
        segment: r.segment,
        industry: r.industry,
        province: r.province,
        city: r.city,
        owner_id: owner ?? null,
        contact_name: r.contactName,
        phone: r.phone,
        email: r.email,
        address: r.address,
        birthday: r.birthday,
        visit_interval_days: r.visitIntervalDays,
      };
      const { id, action } = up.upsert('customers', existing, values, { created_at: at });
      if (action === 'inserted') {
        addNamed(s.customers, id, String(r.name), (r.code as string | null) ?? null);
        if (!r.stage) defaulted.stage++;
      }
      result[action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT c.code, c.name, c.stage, c.segment, c.industry, c.province, c.city, s.employee_no AS owner, c.contact_name AS contactName,
                c.phone, c.email, c.address, c.birthday, c.visit_interval_days AS visitIntervalDays
         FROM customers c LEFT JOIN staff s ON s.id = c.owner_id ORDER BY coalesce(c.code, c.name), c.id`,
      )
      .all() as ImportRecord[];
  },
};
