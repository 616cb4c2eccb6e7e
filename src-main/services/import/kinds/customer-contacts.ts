import { CONTACT_ROLES, CUSTOMER_KINDS, STAGES } from '../../../contract/customers';
import { nowIso } from '../../context';
import { readBirthday, type Birthday } from './birthday';
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
import type { CommitResult, ImportField, ImportKind, ImportRecord, RowProblem } from './types';
import { Upserter } from './upsert';

/**
 * Customers with their contacts (P3.1, P4.1, issue 13 item 13): one row per contact, the customer's columns
 * repeated on each of its rows, as CRMs and hand-kept address books export them. The rows are grouped by
 * customer (its code, else its name); the customer is written once and each row adds or updates one contact
 * (by name within the customer). A customer column that says one thing on one row and another on a later
 * row of the same customer is a problem of that later row: nothing is silently overwritten. A customer
 * cell merged down over several contact rows reads as its value on each of them (fillFromMerges); the
 * answer counts those rows.
 */
const L = (k: string) => `customers.import.contacts.fields.${k}`;
const P = (k: string) => `customers.import.problem.${k}`;

/** The customer's own columns: the same on every row of one customer. */
const CUSTOMER_FIELDS = ['code', 'name', 'kind', 'stage', 'industry', 'source', 'province', 'city', 'address', 'owner'];
/** The contact's columns other than the name: without a name they belong to nobody. */
const CONTACT_DETAILS = [
  'title',
  'department',
  'phone',
  'mobile',
  'email',
  'wechat',
  'birthday',
  'birthCalendar',
  'preferences',
  'role',
];

const CUSTOMER_COLUMN: Record<string, string> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  stage: 'stage',
  industry: 'industry',
  source: 'source',
  province: 'province',
  city: 'city',
  address: 'address',
};

interface State {
  customers: NamedLookup;
  staff: StaffLookup;
  /** customer id → contact name key → contact id */
  contacts: Map<number, Map<string, number>>;
}

const text = (key: string, maxLength: number, synonyms: string[], extra: Partial<ImportField> = {}): ImportField => ({
  key,
  label: L(key),
  type: 'text',
  maxLength,
  synonyms,
  ...extra,
});

const PHONE = /^[+()\d\s-]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The group a row belongs to: its customer code, else its customer name as compared. */
export const customerGroup = (r: ImportRecord): string =>
  r.code ? `c:${String(r.code).trim().toLowerCase()}` : `n:${nameKey(String(r.name ?? ''))}`;

export const customerContactsKind: ImportKind<State> = {
  kind: 'customer-contacts',
  label: 'importExport.kinds.customer-contacts',
  requireOneOf: [['code'], ['name']],
  // A CRM export merges a customer's cells down over its contact rows: a blank customer cell inside such
  // a merged range is that customer's; a blank one outside any merge stays blank (contact-without-customer).
  fillFromMerges: CUSTOMER_FIELDS,
  fields: [
    text(
      'code',
      40,
      ['客户编号', '客户代码', '客户编码', '客户ID', 'Customer Code', 'Customer ID', 'Customer No', 'Account ID'],
      {
        shape: 'code',
        example: 'C10001',
      },
    ),
    text(
      'name',
      100,
      [
        '客户名称',
        '客户',
        '公司名称',
        '单位名称',
        '企业名称',
        '客户全称',
        'Customer',
        'Customer Name',
        'Company',
        'Company Name',
        'Account',
        'Account Name',
      ],
      { shape: 'name', example: '上海华联商贸有限公司' },
    ),
    {
      key: 'kind',
      label: L('kind'),
      type: 'enum',
      shape: 'group',
      values: CUSTOMER_KINDS,
      valueSynonyms: {
        company: ['企业', '公司', '单位', 'Company', 'Business'],
        person: ['个人', '自然人', 'Person', 'Individual', 'Private'],
      },
      example: 'company',
      synonyms: ['客户类型', '类型', '客户性质', 'Customer Type', 'Type'],
    },
    {
      key: 'stage',
      label: L('stage'),
      type: 'enum',
      shape: 'group',
      values: STAGES,
      valueSynonyms: {
        lead: ['线索', 'Lead'],
        prospect: ['潜在客户', '意向客户', 'Prospect'],
        customer: ['成交客户', '正式客户', '老客户', 'Customer', 'Client'],
        lost: ['流失', '已流失', 'Lost', 'Churned'],
      },
      example: 'customer',
      default: { value: 'customer', newOnly: true },
      synonyms: ['客户阶段', '阶段', '客户状态', 'Stage', 'Lifecycle Stage'],
    },
    text('industry', 50, ['行业', '所属行业', 'Industry'], { shape: 'group', example: '零售' }),
    text('source', 60, ['客户来源', '来源', '来源渠道', 'Source', 'Lead Source', 'Channel'], {
      shape: 'group',
      example: '展会',
    }),
    text('province', 50, ['省份', '省', '所在省份', 'Province', 'State'], { shape: 'group', example: '上海' }),
    text('city', 50, ['城市', '市', '所在城市', 'City'], { shape: 'group', example: '上海' }),
    text('address', 200, ['地址', '公司地址', '详细地址', 'Address'], { example: '上海市静安区南京西路 1 号' }),
    text(
      'owner',
      50,
      ['负责人', '客户经理', '业务员', '销售员', '归属销售', 'Owner', 'Account Owner', 'Sales Rep', 'Salesperson'],
      {
        example: 'S0101',
      },
    ),
    text('contactName', 50, ['联系人', '联系人姓名', '姓名', 'Contact', 'Contact Name', 'Contact Person'], {
      example: '李娜',
    }),
    text('title', 50, ['职务', '职位', '头衔', 'Title', 'Job Title', 'Position'], { example: '采购经理' }),
    text('department', 50, ['部门', '所在部门', 'Department', 'Dept'], { shape: 'group', example: '采购部' }),
    text('phone', 30, ['电话', '办公电话', '座机', '固定电话', 'Phone', 'Office Phone', 'Telephone', 'Tel'], {
      shape: 'phone',
      example: '021-62345678',
    }),
    text('mobile', 30, ['手机', '手机号', '手机号码', '移动电话', 'Mobile', 'Mobile Phone', 'Cell'], {
      shape: 'phone',
      example: '13800138000',
    }),
    text('email', 120, ['邮箱', '电子邮件', '电子邮箱', 'Email', 'E-mail'], {
      shape: 'email',
      example: 'lina@example.com',
    }),
    text('wechat', 60, ['微信', '微信号', 'WeChat', 'WeChat ID'], { example: 'lina_sh' }),
    text('birthday', 40, ['生日', '出生日期', '联系人生日', 'Birthday', 'Date of Birth', 'DOB'], {
      example: '农历八月十五',
    }),
    {
      key: 'birthCalendar',
      label: L('birthCalendar'),
      type: 'enum',
      shape: 'group',
      values: ['solar', 'lunar'],
      valueSynonyms: {
        solar: ['公历', '阳历', '新历', 'Solar', 'Gregorian'],
        lunar: ['农历', '阴历', '旧历', 'Lunar'],
      },
      example: 'lunar',
      synonyms: ['生日历法', '历法', '生日类型', '公历/农历', 'Birthday Calendar', 'Calendar'],
    },
    text('preferences', 500, ['喜好', '偏好', '兴趣爱好', '爱好', 'Preferences', 'Interests'], { example: '喜欢喝茶' }),
    {
      key: 'role',
      label: L('role'),
      type: 'enum',
      shape: 'group',
      values: CONTACT_ROLES,
      valueSynonyms: {
        'decision-maker': ['决策人', '决策者', '拍板人', 'Decision maker', 'Decision-maker'],
        influencer: ['影响者', '影响人', 'Influencer'],
        user: ['使用者', '使用人', '用户', 'User'],
        buyer: ['采购', '采购人', '采购员', 'Buyer', 'Purchaser'],
      },
      example: 'decision-maker',
      synonyms: ['决策角色', '角色', '采购角色', 'Role', 'Decision Role', 'Buying Role'],
    },
  ],
  prepare(ctx) {
    const contacts = new Map<number, Map<string, number>>();
    for (const c of ctx.db.prepare('SELECT id, customer_id AS customer, name FROM contacts ORDER BY id').all() as {
      id: number;
      customer: number;
      name: string;
    }[]) {
      const m = contacts.get(c.customer) ?? contacts.set(c.customer, new Map()).get(c.customer)!;
      if (!m.has(nameKey(c.name))) m.set(nameKey(c.name), c.id);
    }
    return { customers: loadNamed(ctx.db, 'customers'), staff: loadStaff(ctx.db), contacts };
  },
  check(r, s) {
    const problems: RowProblem[] = [];
    if (!r.code && !r.name) {
      problems.push({ field: 'name', code: P('contact-without-customer'), params: { name: r.contactName ?? '' } });
      return problems;
    }
    if (!r.contactName && CONTACT_DETAILS.some((k) => r[k] !== null && r[k] !== undefined))
      problems.push({ field: 'contactName', code: P('contact-without-name') });
    if (r.owner) {
      const p = resolvePerson(s.staff, String(r.owner), 'owner');
      if (isProblem(p)) problems.push(p);
      else r.owner = p.employeeNo;
    }
    if (!r.code && resolveNamed(s.customers, String(r.name)) === 'ambiguous')
      problems.push({ field: 'name', code: 'ambiguous-customer', params: { name: r.name } });
    for (const f of ['phone', 'mobile'] as const)
      if (r[f] && !PHONE.test(String(r[f]))) problems.push({ field: f, code: 'bad-phone' });
    if (r.email && !EMAIL.test(String(r.email))) problems.push({ field: 'email', code: 'bad-email' });
    const b = readBirthday(r.birthday as string | null, r.birthCalendar as 'solar' | 'lunar' | null);
    if (isProblem(b)) problems.push(b);
    else r.birth = b;
    return problems;
  },
  checkAll(records, s, _ctx, rows) {
    // The first row of a customer that gives a column sets it; a later row saying otherwise is refused.
    const found = new Map<number, RowProblem[]>();
    const groups = new Map<string, { first: Map<string, { value: unknown; index: number }>; named: boolean }>();
    records.forEach((r, i) => {
      const key = customerGroup(r);
      const g = groups.get(key) ?? groups.set(key, { first: new Map(), named: false }).get(key)!;
      if (r.name) g.named = true;
      for (const f of CUSTOMER_FIELDS) {
        const v = r[f];
        if (v === null || v === undefined) continue;
        const seen = g.first.get(f);
        if (!seen) g.first.set(f, { value: v, index: i });
        else if (!sameValue(f, seen.value, v)) {
          const list = found.get(i) ?? found.set(i, []).get(i)!;
          list.push({
            field: f,
            code: P('customer-conflict'),
            params: { customer: String(r.code ?? r.name), value: String(seen.value), first: rows[seen.index] },
          });
        }
      }
    });
    // A customer known only by a code the workbench does not have needs its name on one of its rows.
    records.forEach((r, i) => {
      const g = groups.get(customerGroup(r))!;
      if (r.code && !g.named && !s.customers.byCode.has(String(r.code).trim().toLowerCase()))
        (found.get(i) ?? found.set(i, []).get(i)!).push({
          field: 'code',
          code: P('new-customer-without-name'),
          params: { code: r.code },
        });
    });
    return found;
  },
  key: (r) => `${customerGroup(r)}|${r.contactName ? nameKey(String(r.contactName)) : ''}`,
  keyText: (r) => `${String(r.code ?? r.name)} / ${String(r.contactName ?? '')}`,
  commit(records, s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const getCustomer = ctx.db.prepare('SELECT * FROM customers WHERE id = ?');
    const getContact = ctx.db.prepare('SELECT * FROM contacts WHERE id = ?');
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {}, defaulted: { stage: 0 } };
    const at = nowIso();
    // One customer per group, from the first non-blank value of each column over its rows.
    const groups = new Map<string, ImportRecord[]>();
    for (const r of records)
      (groups.get(customerGroup(r)) ?? groups.set(customerGroup(r), []).get(customerGroup(r))!).push(r);
    let done = 0;
    for (const rows of groups.values()) {
      const merged: ImportRecord = {};
      for (const f of CUSTOMER_FIELDS) merged[f] = rows.find((r) => r[f] !== null && r[f] !== undefined)?.[f] ?? null;
      const found = merged.code
        ? s.customers.byCode.get(String(merged.code).trim().toLowerCase())
        : resolveNamed(s.customers, String(merged.name));
      const existing =
        typeof found === 'number' ? (getCustomer.get(found) as Record<string, unknown> & { id: number }) : undefined;
      const values: Record<string, unknown> = {};
      for (const [f, col] of Object.entries(CUSTOMER_COLUMN)) values[col] = merged[f];
      values.owner_id = merged.owner ? (s.staff.byNo.get(String(merged.owner).toLowerCase())?.id ?? null) : null;
      if (!existing && !merged.stage) {
        values.stage = 'customer';
        result.defaulted!.stage++;
      }
      const customer = up.upsert('customers', existing, values, { created_at: at });
      if (customer.action === 'inserted') {
        addNamed(s.customers, customer.id, String(merged.name), (merged.code as string | null) ?? null);
        result.created.customers = (result.created.customers ?? 0) + 1;
      }
      const known = s.contacts.get(customer.id) ?? s.contacts.set(customer.id, new Map()).get(customer.id)!;
      for (const r of rows) {
        done++;
        // A row without a contact wrote its customer only (two such rows of one customer are one repeat).
        if (!r.contactName) {
          result[customer.action]++;
          continue;
        }
        const b = r.birth as Birthday | null;
        const contact = {
          customer_id: customer.id,
          name: r.contactName,
          title: r.title,
          department: r.department,
          phone: r.phone,
          mobile: r.mobile,
          email: r.email,
          wechat: r.wechat,
          birth_calendar: b?.calendar ?? null,
          birth_year: b?.year ?? null,
          birth_month: b?.month ?? null,
          birth_day: b?.day ?? null,
          preferences: r.preferences,
          role: r.role,
        };
        const id = known.get(nameKey(String(r.contactName)));
        const old = id !== undefined ? (getContact.get(id) as Record<string, unknown> & { id: number }) : undefined;
        const written = up.upsert('contacts', old, contact, { created_at: at });
        if (written.action === 'inserted') known.set(nameKey(String(r.contactName)), written.id);
        result[written.action]++;
        ctx.progress(done, records.length);
      }
    }
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT c.code, c.name, c.kind, c.stage, c.industry, c.source, c.province, c.city, c.address, s.employee_no AS owner,
                k.name AS contactName, k.title, k.department, k.phone, k.mobile, k.email, k.wechat,
                CASE WHEN k.birth_month IS NULL THEN NULL ELSE
                  (CASE k.birth_calendar WHEN 'lunar' THEN '农历 ' ELSE '' END) ||
                  (CASE WHEN k.birth_year IS NULL THEN '' ELSE k.birth_year || '-' END) ||
                  printf('%02d-%02d', k.birth_month, k.birth_day) END AS birthday,
                k.birth_calendar AS birthCalendar, k.preferences, k.role
         FROM contacts k JOIN customers c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = c.owner_id
         ORDER BY coalesce(c.code, c.name), c.id, k.id`,
      )
      .all() as ImportRecord[];
  },
};

/** Two cells of one customer column say the same: names compared as names, the rest as given. */
function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (field === 'name') return nameKey(String(a)) === nameKey(String(b));
  if (field === 'code' || field === 'owner') return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
  return a === b;
}
