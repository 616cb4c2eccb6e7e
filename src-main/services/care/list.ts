import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { CARE_SENT_WINDOW_DAYS, type CareCoverage, type CareEvent, type CareListItem } from '../../contract/care';
import type { Grade } from '../../contract/customers';
import { WorkbenchError } from '../../contract/errors';
import { customerRef } from '../../db/access/customers';
import type { Lang } from '../../i18n/messages';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { staffIdByNo } from '../customers/edit';
import { cmp, addDays } from '../customers/rules';
import { getSetting } from '../system/settings';
import { careCalendar } from './calendar';
import { fillTemplate, templateLookup } from './templates';
import { lunarToSolar } from '../calendar';
import { today } from '../context';

interface Recipient {
  customerId: number;
  customer: string;
  grade: Grade | null;
  ownerNo: string | null;
  ownerName: string | null;
  contactId: number | null;
  contact: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
}

/** Each customer in scope with its main contact: the decision maker, else the first contact entered. */
function recipients(
  db: Database,
  person: string | null | undefined,
  team: number | null | undefined,
): Map<number, Recipient> {
  const rows = db
    .prepare(
      `SELECT c.id AS customerId, c.name AS customer, coalesce(c.grade_override, c.grade) AS grade, s.employee_no AS ownerNo, s.name AS ownerName,
         k.id AS contactId, coalesce(k.name, c.contact_name) AS contact, k.title, coalesce(k.mobile, k.phone, c.phone) AS mobile, coalesce(k.email, c.email) AS email, k.wechat
       FROM customers c LEFT JOIN staff s ON s.id = c.owner_id
       LEFT JOIN contacts k ON k.id = (SELECT id FROM contacts WHERE customer_id = c.id ORDER BY role = 'decision-maker' DESC, id LIMIT 1)
       WHERE c.stage = 'customer' AND (@person IS NULL OR s.employee_no = @person) AND (@team IS NULL OR s.team_id = @team)`,
    )
    .all({ person: person ?? null, team: team ?? null }) as Recipient[];
  return new Map(rows.map((r) => [r.customerId, r]));
}

/**
 * P4.3 care list for one day or a week: every occasion that has a greeting, addressed to each customer's
 * main contact (or, for a birthday, to that contact), with the greeting filled in and whether it was sent.
 */
export function careList(
  db: Database,
  input: ParsedInput<'care/list'>,
  lang: Lang,
): { from: string; to: string; items: CareListItem[] } {
  const from = input.date ?? today();
  const to = addDays(from, input.days - 1);
  const years = [...new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))])];
  const events = years
    .flatMap((y) => careCalendar(db, y, { person: input.person, team: input.team }, lang).events)
    .filter((e) => e.date >= from && e.date <= to);
  const template = templateLookup(db);
  const people = recipients(db, input.person, input.team);
  const contacts = new Map<
    number,
    { title: string | null; mobile: string | null; email: string | null; wechat: string | null }
  >();
  const ourCompany = getSetting(db, 'companyName') ?? '';
  const sentStmt = db.prepare(
    "SELECT date, channel, summary AS note FROM interactions WHERE kind = 'care' AND customer_id = ? AND occasion = ? AND (? IS NULL OR contact_id = ?) AND date BETWEEN ? AND ? ORDER BY date DESC LIMIT 1",
  );
  const items: CareListItem[] = [];
  const push = (
    e: CareEvent,
    r: Recipient,
    contact: {
      id: number | null;
      name: string | null;
      title: string | null;
      mobile: string | null;
      email: string | null;
      wechat: string | null;
    },
    body: string,
  ) => {
    const sent = sentStmt.get(
      r.customerId,
      e.occasionKey,
      contact.id,
      contact.id,
      addDays(e.date, -CARE_SENT_WINDOW_DAYS),
      addDays(e.date, CARE_SENT_WINDOW_DAYS),
    ) as CareListItem['sent'] | undefined;
    const years = /(\d+)/.exec(e.occasion)?.[1];
    items.push({
      ...e,
      customerId: r.customerId,
      customer: r.customer,
      contactId: contact.id ?? undefined,
      contact: contact.name ?? undefined,
      grade: r.grade,
      salesperson: r.ownerNo,
      salespersonName: r.ownerName,
      title: contact.title,
      mobile: contact.mobile,
      email: contact.email,
      wechat: contact.wechat,
      text: fillTemplate(body, {
        contact: contact.name ?? r.customer,
        title: contact.title ?? '',
        company: r.customer,
        salesperson: r.ownerName ?? '',
        ourCompany,
        occasion: e.occasion,
        years,
      }),
      sent: sent ?? null,
    });
  };
  for (const e of events) {
    const body = template(e.occasionKey, lang);
    if (!body) continue;
    if (e.customerId !== undefined) {
      const r = people.get(e.customerId);
      if (!r) continue;
      if (e.contactId !== undefined) {
        let k = contacts.get(e.contactId);
        if (!k) {
          k = db
            .prepare('SELECT title, coalesce(mobile, phone) AS mobile, email, wechat FROM contacts WHERE id = ?')
            .get(e.contactId) as NonNullable<typeof k>;
          contacts.set(e.contactId, k);
        }
        push(e, r, { id: e.contactId, name: e.contact ?? null, ...k }, body);
      } else
        push(
          e,
          r,
          { id: r.contactId, name: r.contact, title: r.title, mobile: r.mobile, email: r.email, wechat: r.wechat },
          body,
        );
    } else {
      for (const r of people.values())
        push(
          e,
          r,
          { id: r.contactId, name: r.contact, title: r.title, mobile: r.mobile, email: r.email, wechat: r.wechat },
          body,
        );
    }
  }
  items.sort(
    (a, b) => cmp(a.date, b.date) || cmp(a.grade ?? 'D', b.grade ?? 'D') || cmp(a.customer ?? '', b.customer ?? ''),
  );
  return { from, to, items };
}

/** P4.3: records that a greeting went out, with its channel and note, against the salesperson who sent it. */
export function markSent(ctx: ServiceContext, input: ParsedInput<'care/mark-sent'>): { id: number } {
  const db = ctx.db;
  return db.transaction(() => {
    const owner = customerRef(db, input.customerId);
    if (!owner) throw new WorkbenchError('customers/not-found', { customer: input.customerId });
    if (input.contactId) {
      const of = db.prepare('SELECT customer_id FROM contacts WHERE id = ?').pluck().get(input.contactId);
      if (of !== input.customerId) throw new WorkbenchError('visits/contact-elsewhere', { contact: input.contactId });
    }
    if (input.date > today()) throw new WorkbenchError('care/future-sent', { date: input.date });
    // P4.3: a greeting counts for its occasion only within the window the care list reads; one outside it
    // would be stored and then never shown as sent, so it is refused with the window's days.
    if (
      input.occasionDate &&
      (input.date < addDays(input.occasionDate, -CARE_SENT_WINDOW_DAYS) ||
        input.date > addDays(input.occasionDate, CARE_SENT_WINDOW_DAYS))
    )
      throw new WorkbenchError('care/sent-outside-window', {
        date: input.date,
        occasionDate: input.occasionDate,
        from: addDays(input.occasionDate, -CARE_SENT_WINDOW_DAYS),
        to: addDays(input.occasionDate, CARE_SENT_WINDOW_DAYS),
      });
    const staffId = input.staffNo ? staffIdByNo(db, input.staffNo) : owner.ownerId;
    const info = db
      .prepare(
        "INSERT INTO interactions (customer_id, staff_id, date, kind, occasion, summary, channel, contact_id, status) VALUES (?, ?, ?, 'care', ?, ?, ?, ?, 'done')",
      )
      .run(
        input.customerId,
        staffId,
        input.date,
        input.occasionKey,
        input.note ?? null,
        input.channel,
        input.contactId ?? null,
      );
    const id = Number(info.lastInsertRowid);
    audit(db, {
      actor: ctx.actor,
      entity: 'care',
      entityId: id,
      newValue: { customer: input.customerId, occasion: input.occasionKey, channel: input.channel },
    });
    return { id };
  })();
}

/** The window in which a greeting counts for an occasion: Spring Festival from 小年 to 元宵, others a week either side. */
function occasionWindow(year: number, occasion: string): { from: string; to: string; date: string } | null {
  if (occasion === 'chunjie') {
    const eve = lunarToSolar(year - 1, 12, 23);
    const lantern = lunarToSolar(year, 1, 15);
    const date = lunarToSolar(year, 1, 1);
    return eve && lantern && date ? { from: eve, to: lantern, date } : null;
  }
  const LUNAR: Record<string, [number, number]> = {
    yuanxiao: [1, 15],
    duanwu: [5, 5],
    qixi: [7, 7],
    zhongqiu: [8, 15],
    chongyang: [9, 9],
  };
  const SOLAR: Record<string, string> = { yuandan: '01-01', laodong: '05-01', guoqing: '10-01' };
  const date = LUNAR[occasion]
    ? lunarToSolar(year, ...LUNAR[occasion])
    : SOLAR[occasion]
      ? `${year}-${SOLAR[occasion]}`
      : null;
  return date ? { from: addDays(date, -7), to: addDays(date, 7), date } : null;
}

/** P4.3 coverage: the A customers who received no greeting in the occasion's window, and whose they are. */
export function careCoverage(db: Database, input: ParsedInput<'care/coverage'>): CareCoverage {
  const window = occasionWindow(input.year, input.occasion);
  if (!window) throw new WorkbenchError('care/unknown-occasion', { occasion: input.occasion });
  const rows = db
    .prepare(
      `SELECT c.id AS customerId, c.code, c.name AS customer, s.employee_no AS salesperson, s.name AS salespersonName,
         EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.kind = 'care' AND i.status = 'done' AND i.date BETWEEN @from AND @to) AS covered
       FROM customers c LEFT JOIN staff s ON s.id = c.owner_id
       WHERE c.stage = 'customer' AND coalesce(c.grade_override, c.grade) = 'A' AND (@person IS NULL OR s.employee_no = @person) AND (@team IS NULL OR s.team_id = @team)
       ORDER BY s.employee_no, c.id`,
    )
    .all({
      from: window.from,
      to: window.to,
      person: input.person ?? null,
      team: input.team ?? null,
    }) as (CareCoverage['uncovered'][number] & { covered: number })[];
  const byPerson = new Map<string, CareCoverage['byPerson'][number]>();
  for (const r of rows) {
    const key = r.salesperson ?? '';
    const p =
      byPerson.get(key) ??
      byPerson.set(key, { employeeNo: r.salesperson, name: r.salespersonName, aCustomers: 0, uncovered: 0 }).get(key)!;
    p.aCustomers++;
    if (!r.covered) p.uncovered++;
  }
  const uncovered = rows.filter((r) => !r.covered).map(({ covered: _covered, ...r }) => r);
  return {
    year: input.year,
    occasion: input.occasion,
    window: { from: window.from, to: window.to },
    aCustomers: rows.length,
    covered: rows.length - uncovered.length,
    uncovered,
    byPerson: [...byPerson.values()].sort(
      (a, b) => b.uncovered - a.uncovered || cmp(a.employeeNo ?? '', b.employeeNo ?? ''),
    ),
  };
}
