import type { Database } from 'better-sqlite3';
import { addDays, lifecycleOf } from '../customers/rules';
import { regrade } from '../customers/grades';
import { lunarToSolar } from '../calendar';
import { BulkInsert, type DemoProgress } from './bulk-insert';
import type { DemoCalendar } from './calendar';
import { mobile, personName } from './names';
import { ledgerCustomerFigures, type SalesLedger } from './orders';
import { makeRng, pick, randInt } from './random';

const SOURCES = ['展会', '老客户转介绍', '官网咨询', '电话陌拜', '招投标', '渠道商'];
const TITLES: [string, string, 'decision-maker' | 'influencer' | 'user' | 'buyer'][] = [
  ['总经理', '总经办', 'decision-maker'],
  ['副总经理', '总经办', 'decision-maker'],
  ['采购经理', '采购部', 'buyer'],
  ['IT 主管', '信息部', 'influencer'],
  ['行政经理', '行政部', 'user'],
  ['项目经理', '工程部', 'influencer'],
  ['设备管理员', '后勤部', 'user'],
];
const PREFERENCES = [null, null, '喜欢喝茶', '不喜欢周一打扰', '关注性价比', '偏好微信沟通', '重视售后响应'];
const CHANNELS = ['phone', 'sms', 'email', 'wechat'] as const;
const VISIT_TYPES = ['on-site', 'on-site', 'on-site', 'phone', 'video', 'exhibition'] as const;

/**
 * P4.1–P4.3 for the demo company: grades from its orders, contacts with birthdays (some lunar), visit types,
 * extra visits to A customers so that cadence compliance is realistic but not perfect, planned visits in
 * the next weeks, and a year of care greetings (Spring Festival, Mid-Autumn, birthdays), some missed.
 */
export function createCustomerCare(
  db: Database,
  cal: DemoCalendar,
  ledger: SalesLedger,
  seed: number,
  actor: string,
  progress: DemoProgress,
): void {
  const rng = makeRng(seed, 'customer-care');
  const today = cal.today;
  const yesterday = cal.days[cal.days.length - 1];
  // the grades' rule as the service applies it, on the figures the demo already holds
  regrade(db, actor, yesterday, undefined, (_db, after, to) => ledgerCustomerFigures(ledger, cal, after, to));
  const customers = db
    .prepare(
      'SELECT id, segment, stage, owner_id AS owner, coalesce(grade_override, grade) AS grade, last_order_date AS last FROM customers ORDER BY id',
    )
    .all() as {
    id: number;
    segment: string | null;
    stage: string;
    owner: number | null;
    grade: string | null;
    last: string | null;
  }[];
  const setMaster = db.prepare('UPDATE customers SET kind = ?, source = ?, cadence_days = ? WHERE id = ?');
  const contacts = new BulkInsert(
    db,
    'contacts',
    [
      'customer_id',
      'name',
      'title',
      'department',
      'mobile',
      'email',
      'wechat',
      'birth_calendar',
      'birth_year',
      'birth_month',
      'birth_day',
      'preferences',
      'role',
      'created_at',
    ],
    progress,
  );
  const visits = new BulkInsert(
    db,
    'interactions',
    ['customer_id', 'staff_id', 'date', 'kind', 'visit_type', 'status', 'purpose', 'outcome', 'next_step', 'next_date'],
    progress,
  );
  const care = new BulkInsert(
    db,
    'interactions',
    ['customer_id', 'staff_id', 'date', 'kind', 'occasion', 'channel', 'summary', 'status'],
    progress,
  );
  const year = Number(today.slice(0, 4));
  const chunjie = [year - 1, year]
    .map((y) => lunarToSolar(y, 1, 1))
    .filter((d): d is string => !!d && d < today)
    .pop();
  const zhongqiu = [year - 1, year]
    .map((y) => lunarToSolar(y, 8, 15))
    .filter((d): d is string => !!d && d < today)
    .pop();
  for (const c of customers) {
    const person = c.segment === '个人';
    setMaster.run(
      person ? 'person' : 'company',
      rng() < 0.85 ? pick(rng, SOURCES) : null,
      rng() < 0.03 ? pick(rng, [14, 45, 60]) : null,
      c.id,
    );
    if (c.stage === 'lead' && rng() < 0.5) continue;
    const taken = new Set<string>();
    const n = person ? 1 : randInt(rng, 1, c.grade === 'A' ? 4 : 2);
    for (let k = 0; k < n; k++) {
      const who = personName(rng, taken);
      const [title, dept, role] = k === 0 && rng() < 0.7 ? TITLES[0] : pick(rng, TITLES);
      const lunar = rng() < 0.3;
      const hasBirthday = rng() < (c.grade === 'A' ? 0.8 : 0.5);
      const o = contacts.row();
      contacts.p.splice(
        o,
        14,
        c.id,
        who.name,
        person ? null : title,
        person ? null : dept,
        mobile(rng),
        rng() < 0.6 ? `${who.pinyin.replace('.', '')}@example.cn` : null,
        rng() < 0.5 ? `wx_${who.pinyin.replace('.', '_')}` : null,
        hasBirthday ? (lunar ? 'lunar' : 'solar') : null,
        hasBirthday && rng() < 0.5 ? randInt(rng, 1965, 1995) : null,
        hasBirthday ? randInt(rng, 1, 12) : null,
        hasBirthday ? randInt(rng, 1, lunar ? 29 : 28) : null,
        pick(rng, PREFERENCES),
        person ? null : role,
        `${today}T09:00:00Z`,
      );
    }
    if (c.stage !== 'customer' || !c.owner) continue;
    const dormant = lifecycleOf(c.stage, c.last, today, 12).lifecycle === 'dormant';
    // About three in four A customers had a visit within the month; the others drift overdue.
    if (c.grade === 'A' && !dormant && rng() < 0.75) {
      const date = addDays(today, -randInt(rng, 1, 28));
      const v = visits.row();
      visits.p.splice(
        v,
        10,
        c.id,
        c.owner,
        date,
        'visit',
        pick(rng, VISIT_TYPES),
        'done',
        '例行回访',
        pick(rng, ['客户满意', '提出扩容需求', '反馈交付问题']),
        '跟进报价',
        addDays(date, 14),
      );
    }
    if (rng() < 0.08) {
      const v = visits.row();
      visits.p.splice(
        v,
        10,
        c.id,
        c.owner,
        addDays(today, randInt(rng, 1, 20)),
        'visit',
        'on-site',
        'planned',
        '计划拜访',
        null,
        null,
        null,
      );
    }
    const greet = (date: string | undefined, occasion: string, p: number) => {
      if (!date || rng() >= p) return;
      const g = care.row();
      care.p.splice(
        g,
        8,
        c.id,
        c.owner,
        addDays(date, -randInt(rng, 0, 3)),
        'care',
        occasion,
        pick(rng, CHANNELS),
        null,
        'done',
      );
    };
    greet(chunjie, 'chunjie', c.grade === 'A' ? 0.85 : c.grade === 'B' ? 0.5 : 0.2);
    greet(zhongqiu, 'zhongqiu', c.grade === 'A' ? 0.7 : 0.3);
  }
  contacts.end();
  visits.end();
  care.end();
  // Existing demo visits get a type: most on site, the rest by video or at an exhibition.
  db.prepare(
    "UPDATE interactions SET visit_type = CASE id % 10 WHEN 0 THEN 'video' WHEN 1 THEN 'exhibition' ELSE 'on-site' END WHERE kind = 'visit' AND visit_type IS NULL",
  ).run();
  db.prepare("UPDATE interactions SET visit_type = 'phone' WHERE kind = 'call' AND visit_type IS NULL").run();
  // The company's own dates on the care calendar: its founding day every year (from the first hire), and this
  // year's customer appreciation event once.
  const founded = db.prepare('SELECT min(hire_date) FROM staff').pluck().get() as string | null;
  const events = db.prepare('INSERT INTO company_events (date, name, yearly) VALUES (?, ?, ?)');
  if (founded) events.run(founded, '公司成立纪念日', 1);
  events.run(`${today.slice(0, 4)}-11-20`, '年度客户答谢会', 0);
}
