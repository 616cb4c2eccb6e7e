import { CARE_CHANNELS } from '../../../contract/care';
import { FESTIVAL_NAMES } from '../../calendar';
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
import { today } from '../../context';

/**
 * Care events kept elsewhere (P4.3, issue 13 item 13): one row per greeting sent, with its day, customer,
 * contact, occasion and channel, as a salesperson's own sheet or an SMS tool's send log has them. They land
 * in the care log beside the greetings marked sent in the window, so that the care list shows them as sent
 * and the Spring Festival coverage counts them. A greeting dated after today has not been sent; the same
 * customer, contact, occasion and day is one greeting, so importing the log again changes nothing.
 */
const L = (k: string) => `customers.import.care.fields.${k}`;
const P = (k: string) => `customers.import.problem.${k}`;

/** The occasions a log names, by the care calendar's keys (services/care/calendar.ts). */
const OCCASIONS: Record<string, string[]> = {
  ...Object.fromEntries(Object.entries(FESTIVAL_NAMES).map(([key, n]) => [key, [n.zh, n.zh.replace(/节$/, ''), n.en]])),
  chunjie: ['春节', '新春', '过年', '农历新年', 'Spring Festival', 'Chinese New Year', 'Lunar New Year', 'CNY'],
  yuandan: ['元旦', '新年', "New Year's Day", 'New Year'],
  laodong: ['劳动节', '五一', '五一劳动节', 'Labour Day', 'Labor Day', 'May Day'],
  qingming: ['清明节', '清明', 'Qingming', 'Tomb-sweeping Day'],
  guoqing: ['国庆节', '国庆', '十一', 'National Day'],
  birthday: ['生日', '农历生日', '公历生日', '联系人生日', 'Birthday', 'Lunar birthday'],
  anniversary: ['首单周年', '合作周年', '合作纪念日', 'Anniversary', 'First-order anniversary'],
  'contract-anniversary': ['签约周年', '合同周年', 'Contract anniversary'],
  company: ['公司活动', '公司纪念日', '司庆', 'Company event'],
};

/** An occasion as a log writes it (春节, Mid-Autumn Festival, 生日) or as the workbench keys it (chunjie, term:立春). */
const KEYED = /^(term:|holiday:).+|^(chunjie|duanwu|zhongqiu)-holiday$|^adjusted-workday$/;

/** The occasions a log may name, in the reader's language: 春节、中秋节… or Spring Festival, Mid-Autumn Festival… */
const knownOccasions = (lang: string): string =>
  Object.values(OCCASIONS)
    .map((names) => (lang === 'zh-CN' ? names[0] : (names.find((n) => /^[\x20-\x7e]+$/.test(n)) ?? names[0])))
    .join(lang === 'zh-CN' ? '、' : ', ');

interface State {
  /** name as compared → occasion key: the calendar's occasions and the company's own greeting templates */
  occasions: Map<string, string>;
  customers: NamedLookup;
  staff: StaffLookup;
  /** customer id → contact name key → contact id */
  contacts: Map<number, Map<string, number>>;
  today: string;
}

export const careLogKind: ImportKind<State> = {
  kind: 'care-log',
  label: 'importExport.kinds.care-log',
  fields: [
    {
      key: 'date',
      label: L('date'),
      type: 'date',
      required: true,
      example: '2026-02-16',
      synonyms: ['发送日期', '问候日期', '关怀日期', '日期', '发送时间', 'Sent On', 'Date Sent', 'Date'],
    },
    {
      key: 'customer',
      label: L('customer'),
      type: 'text',
      required: true,
      maxLength: 100,
      shape: 'name',
      example: 'C00001',
      synonyms: ['客户', '客户名称', '客户编号', '公司', '单位', 'Customer', 'Customer Name', 'Company', 'Account'],
    },
    {
      key: 'contact',
      label: L('contact'),
      type: 'text',
      maxLength: 50,
      example: '李娜',
      synonyms: ['联系人', '收件人', '接收人', '问候对象', 'Contact', 'Recipient', 'To'],
    },
    {
      key: 'occasion',
      label: L('occasion'),
      type: 'text',
      required: true,
      maxLength: 60,
      shape: 'group',
      example: '春节',
      synonyms: ['节日', '场合', '关怀事由', '事由', '问候类型', 'Occasion', 'Holiday', 'Event'],
    },
    {
      key: 'channel',
      label: L('channel'),
      type: 'enum',
      required: true,
      shape: 'group',
      values: CARE_CHANNELS,
      valueSynonyms: {
        phone: ['电话', '致电', 'Phone', 'Call'],
        sms: ['短信', 'SMS', 'Text'],
        email: ['邮件', '电子邮件', 'E-mail', 'Email', 'Mail'],
        wechat: ['微信', 'WeChat'],
      },
      example: 'wechat',
      synonyms: ['渠道', '发送方式', '方式', 'Channel', 'Via'],
    },
    {
      key: 'note',
      label: L('note'),
      type: 'text',
      maxLength: 500,
      example: '已寄送礼盒',
      synonyms: ['备注', '说明', '内容', 'Note', 'Notes', 'Remark'],
    },
    {
      key: 'salesperson',
      label: L('salesperson'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: ['发送人', '销售', '业务员', '负责人', 'Salesperson', 'Sent By', 'Sales Rep'],
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
    const occasions = new Map<string, string>();
    for (const [key, names] of Object.entries(OCCASIONS))
      for (const n of [key, ...names]) occasions.set(nameKey(n), key);
    for (const o of ctx.db.prepare('SELECT DISTINCT occasion FROM care_templates').pluck().all() as string[])
      occasions.set(nameKey(o), o);
    return { occasions, customers: loadNamed(ctx.db, 'customers'), staff: loadStaff(ctx.db), contacts, today: today() };
  },
  check(r, s, ctx) {
    const problems: RowProblem[] = [];
    const occasion = String(r.occasion);
    const key = s.occasions.get(nameKey(occasion)) ?? (KEYED.test(occasion) ? occasion : undefined);
    if (key === undefined)
      problems.push({
        field: 'occasion',
        code: P('unknown-occasion'),
        params: { occasion, known: knownOccasions(ctx.lang) },
      });
    else r.occasion = key;
    const name = String(r.customer);
    const id = s.customers.byCode.get(name.trim().toLowerCase()) ?? resolveNamed(s.customers, name);
    if (id === 'ambiguous') problems.push({ field: 'customer', code: 'ambiguous-customer', params: { name } });
    else if (id === undefined) problems.push({ field: 'customer', code: P('unknown-customer'), params: { name } });
    else {
      r.customerId = id;
      if (r.contact) {
        const contactId = s.contacts.get(id)?.get(nameKey(String(r.contact)));
        if (contactId === undefined)
          problems.push({ field: 'contact', code: P('contact-elsewhere'), params: { name: r.contact } });
        else r.contactId = contactId;
      }
    }
    if (String(r.date) > s.today) problems.push({ field: 'date', code: P('future-sent'), params: { date: r.date } });
    if (r.salesperson) {
      const p = resolvePerson(s.staff, String(r.salesperson), 'salesperson');
      if (isProblem(p)) problems.push(p);
      else r.salesperson = p.employeeNo;
    }
    return problems;
  },
  key: (r) =>
    `${String(r.customerId ?? r.customer)}|${r.contact ? nameKey(String(r.contact)) : ''}|${String(r.occasion)}|${String(r.date)}`,
  keyText: (r) => `${String(r.customer)} ${String(r.contact ?? '')} ${String(r.occasion)} ${String(r.date)}`,
  commit(records, s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const find = ctx.db.prepare(
      "SELECT * FROM interactions WHERE kind = 'care' AND customer_id = ? AND occasion = ? AND date = ? AND coalesce(contact_id, 0) = ? ORDER BY id LIMIT 1",
    );
    const owner = ctx.db.prepare('SELECT owner_id FROM customers WHERE id = ?').pluck();
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    records.forEach((r, i) => {
      const customerId = r.customerId as number;
      const contactId = (r.contactId as number | undefined) ?? null;
      const existing = find.get(customerId, r.occasion, r.date, contactId ?? 0) as
        (Record<string, unknown> & { id: number }) | undefined;
      const staffId = r.salesperson
        ? s.staff.byNo.get(String(r.salesperson).toLowerCase())?.id
        : (owner.get(customerId) as number | null);
      const values = {
        customer_id: customerId,
        staff_id: staffId ?? null,
        date: r.date,
        kind: 'care',
        occasion: r.occasion,
        summary: r.note,
        channel: r.channel,
        contact_id: contactId,
        status: 'done',
        import_id: existing ? null : ctx.importId,
      };
      result[up.upsert('interactions', existing, values).action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
  exportRecords(db) {
    return db
      .prepare(
        `SELECT i.date, coalesce(c.code, c.name) AS customer, k.name AS contact, i.occasion, i.channel, i.summary AS note, s.employee_no AS salesperson
         FROM interactions i JOIN customers c ON c.id = i.customer_id LEFT JOIN staff s ON s.id = i.staff_id LEFT JOIN contacts k ON k.id = i.contact_id
         WHERE i.kind = 'care' AND i.status = 'done' ORDER BY i.date, i.id`,
      )
      .all() as ImportRecord[];
  },
};
