import type { Database } from 'better-sqlite3';
import type { CareCalendar, CareEvent } from '../../contract/care';
import { t, type Lang } from '../../i18n/messages';
import {
  adjustedWorkdays,
  hasOfficialSchedule,
  lunarBirthdayInYear,
  publicHolidays,
  solarTerms,
  traditionalFestivals,
} from '../calendar';
import { cmp } from '../customers/rules';

/** A public holiday's stable occasion key from the calendar's English name (the festivals have their own keys). */
export function holidayKey(en: string): string {
  const n = en.toLowerCase();
  if (n.includes('new year')) return 'yuandan';
  if (n.includes('national')) return 'guoqing';
  if (n.includes('labour') || n.includes('labor')) return 'laodong';
  if (n.includes('tomb')) return 'qingming';
  if (n.includes('spring')) return 'chunjie-holiday';
  if (n.includes('dragon')) return 'duanwu-holiday';
  if (n.includes('autumn')) return 'zhongqiu-holiday';
  return `holiday:${en}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A solar month/day in a year; 29 February falls on the 28th in a common year (and says so). */
export function solarInYear(year: number, month: number, day: number): { date: string; shifted: boolean } {
  if (month === 2 && day === 29 && !isLeap(year)) return { date: `${year}-02-28`, shifted: true };
  return { date: `${year}-${pad(month)}-${pad(day)}`, shifted: false };
}

export interface CalendarScope {
  person?: string | null;
  team?: number | null;
  customerId?: number;
  solarTerms?: boolean;
  companyOnly?: boolean;
}

/** The company-wide days of a year: holidays (first day off, and each 调休 working day), festivals, solar terms, company events. */
function commonEvents(db: Database, year: number, lang: Lang, withTerms: boolean): CareEvent[] {
  const name = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  const events: CareEvent[] = [];
  const holidays = publicHolidays(year);
  for (let i = 0; i < holidays.length; i++) {
    const h = holidays[i];
    const prev = holidays[i - 1];
    if (prev && prev.en === h.en && Date.parse(h.date) - Date.parse(prev.date) <= 86_400_000) continue;
    let days = 1;
    while (holidays[i + days]?.en === h.en) days++;
    events.push({
      date: h.date,
      kind: 'holiday',
      occasionKey: holidayKey(h.en),
      occasion: t(lang, 'customers.care.holiday-off', { name: name(h), days }),
    });
  }
  for (const w of adjustedWorkdays(year))
    events.push({
      date: w.date,
      kind: 'holiday',
      occasionKey: 'adjusted-workday',
      occasion: t(lang, 'customers.care.adjusted-workday', { name: name(w) }),
    });
  for (const f of traditionalFestivals(year))
    events.push({ date: f.date, kind: 'festival', occasionKey: f.key, occasion: name(f) });
  if (withTerms)
    for (const s of solarTerms(year))
      events.push({ date: s.date, kind: 'solar-term', occasionKey: `term:${s.zh}`, occasion: name(s) });
  for (const e of db.prepare('SELECT id, date, name, yearly FROM company_events').all() as {
    id: number;
    date: string;
    name: string;
    yearly: number;
  }[]) {
    const [y, m, d] = e.date.split('-').map(Number);
    if (e.yearly ? y <= year : y === year)
      events.push({ date: solarInYear(year, m, d).date, kind: 'company', occasionKey: 'company', occasion: e.name });
  }
  return events;
}

const SCOPE_SQL = `(@person IS NULL OR s.employee_no = @person) AND (@team IS NULL OR s.team_id = @team) AND (@customer IS NULL OR c.id = @customer) AND c.stage <> 'lost'`;

/**
 * P4.3 care calendar of a year: public holidays with 调休 (only when the State Council's schedule for the
 * year is in the calendar data — `officialSchedule` says so), traditional festivals, optional solar terms,
 * company events, contacts' birthdays (a lunar birthday converted for that year) and first-order and
 * contract anniversaries, for the customers in scope.
 */
export function careCalendar(db: Database, year: number, scope: CalendarScope, lang: Lang): CareCalendar {
  const events = commonEvents(db, year, lang, scope.solarTerms ?? false);
  if (scope.companyOnly) {
    events.sort((x, y) => cmp(x.date, y.date) || cmp(x.kind, y.kind));
    return { year, officialSchedule: hasOfficialSchedule(year), events };
  }
  const params = { person: scope.person ?? null, team: scope.team ?? null, customer: scope.customerId ?? null };
  const birthdays = db
    .prepare(
      `SELECT k.id, k.name, k.birth_calendar AS cal, k.birth_month AS m, k.birth_day AS d, c.id AS customerId, c.name AS customer, s.employee_no AS ownerNo
       FROM contacts k JOIN customers c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = c.owner_id
       WHERE k.birth_month IS NOT NULL AND k.birth_day IS NOT NULL AND ${SCOPE_SQL}`,
    )
    .all(params) as {
    id: number;
    name: string;
    cal: string | null;
    m: number;
    d: number;
    customerId: number;
    customer: string;
    ownerNo: string | null;
  }[];
  const lunarCache = new Map<number, { date: string; shifted: boolean } | null>();
  const birthdayName = t(lang, 'customers.care.birthday');
  const lunarName = t(lang, 'customers.care.lunar-birthday');
  for (const b of birthdays) {
    let at: { date: string; shifted: boolean } | null;
    if (b.cal === 'lunar') {
      const key = b.m * 100 + b.d;
      at = lunarCache.has(key) ? lunarCache.get(key)! : lunarBirthdayInYear(b.m, b.d, year);
      lunarCache.set(key, at);
    } else at = solarInYear(year, b.m, b.d);
    if (!at) continue;
    events.push({
      date: at.date,
      kind: 'birthday',
      occasionKey: 'birthday',
      occasion: b.cal === 'lunar' ? lunarName : birthdayName,
      customerId: b.customerId,
      customer: b.customer,
      contactId: b.id,
      contact: b.name,
      ownerNo: b.ownerNo,
      ...(at.shifted ? { shifted: true } : {}),
    });
  }
  const anniversaries = db
    .prepare(
      // Contracts are summed once per customer (one pass over the table), not looked up per customer.
      `WITH x AS (
         SELECT customer_id, min(CASE WHEN status IN ('signed', 'in_force', 'completed') THEN signed_date END) AS signed
         FROM contracts GROUP BY customer_id)
       SELECT c.id, c.name, c.first_order_date AS first, s.employee_no AS ownerNo, x.signed
       FROM customers c LEFT JOIN staff s ON s.id = c.owner_id LEFT JOIN x ON x.customer_id = c.id
       WHERE (c.first_order_date IS NOT NULL OR x.customer_id IS NOT NULL) AND ${SCOPE_SQL}`,
    )
    .all(params) as { id: number; name: string; first: string | null; signed: string | null; ownerNo: string | null }[];
  const names = new Map<string, string>();
  const anniversaryName = (key: string, years: number) => {
    const k = `${key}|${years}`;
    let n = names.get(k);
    if (n === undefined) names.set(k, (n = t(lang, `customers.care.${key}`, { years })));
    return n;
  };
  for (const a of anniversaries) {
    for (const [key, date] of [
      ['anniversary', a.first],
      ['contract-anniversary', a.signed],
    ] as const) {
      if (!date) continue;
      const [y, m, d] = date.split('-').map(Number);
      if (y >= year) continue;
      const at = solarInYear(year, m, d);
      events.push({
        date: at.date,
        kind: 'anniversary',
        occasionKey: key,
        occasion: anniversaryName(key, year - y),
        customerId: a.id,
        customer: a.name,
        ownerNo: a.ownerNo,
      });
    }
  }
  events.sort((x, y) => cmp(x.date, y.date) || cmp(x.kind, y.kind));
  return { year, officialSchedule: hasOfficialSchedule(year), events };
}
