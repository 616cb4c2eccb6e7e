import { z } from 'zod';
import { empty, id, isoDate, optionalDate, optionalText } from './common';
import { op } from './define';
import { fileOut, type FileOut } from './files';
import type { Grade } from './customers';

export const VISIT_TYPES = ['on-site', 'phone', 'video', 'exhibition'] as const;
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const CARE_CHANNELS = ['phone', 'sms', 'email', 'wechat'] as const;
export const CARE_EVENT_KINDS = ['holiday', 'festival', 'solar-term', 'birthday', 'anniversary', 'company'] as const;
export type CareEventKind = (typeof CARE_EVENT_KINDS)[number];
/**
 * A greeting counts as sent for an occasion when it went out within this many days of it (P4.3): the care
 * list reads it so, and the window's sent-date picker offers only those days (never after today).
 */
export const CARE_SENT_WINDOW_DAYS = 15;

export interface VisitRecord {
  id: number;
  customerId: number;
  customerName: string;
  date: string;
  type: (typeof VISIT_TYPES)[number] | null;
  status: (typeof VISIT_STATUSES)[number];
  contactId: number | null;
  contactName: string | null;
  staffNo: string | null;
  staffName: string | null;
  purpose: string | null;
  outcome: string | null;
  nextStep: string | null;
  nextDate: string | null;
}

export interface DueItem {
  customerId: number;
  customer: string;
  code: string | null;
  grade: Grade | null;
  salesperson: string | null;
  salespersonName: string | null;
  team: string | null;
  cadenceDays: number;
  lastVisit: string | null;
  dueDate: string;
  /** Negative: due in that many days */
  daysOverdue: number;
  status: 'overdue' | 'due';
}

export interface ComplianceRow {
  employeeNo: string;
  name: string;
  team: string | null;
  aCustomers: number;
  onTime: number;
  /** onTime / aCustomers, null when the person has no A customers */
  share: number | null;
}

export interface CareEvent {
  date: string;
  kind: CareEventKind;
  /** A stable key: festival key, holiday name, 'birthday', 'anniversary', 'company-<id>' */
  occasionKey: string;
  occasion: string;
  customerId?: number;
  customer?: string;
  contactId?: number;
  contact?: string;
  ownerNo?: string | null;
  /** A lunar birthday on the 30th of a 29-day month is kept on the 29th (the usual custom) and says so. */
  shifted?: boolean;
}

export interface CareCalendar {
  year: number;
  /** False when the State Council's holiday schedule for the year is not yet in the calendar data. */
  officialSchedule: boolean;
  events: CareEvent[];
}

export interface CareListItem extends CareEvent {
  grade: Grade | null;
  salesperson: string | null;
  salespersonName: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  text: string;
  sent: { date: string; channel: string | null; note: string | null } | null;
}

export interface CareCoverage {
  year: number;
  occasion: string;
  window: { from: string; to: string };
  aCustomers: number;
  covered: number;
  uncovered: {
    customerId: number;
    code: string | null;
    customer: string;
    salesperson: string | null;
    salespersonName: string | null;
  }[];
  byPerson: { employeeNo: string | null; name: string | null; aCustomers: number; uncovered: number }[];
}

/** A date of the company's own (P4.3): a founding day, an annual customer event; yearly or once. */
export interface CompanyEvent {
  id: number;
  date: string;
  name: string;
  yearly: boolean;
}

export interface CareTemplate {
  occasion: string;
  lang: 'zh-CN' | 'en';
  body: string;
  custom: boolean;
}

const year = z.number().int().min(1901).max(2099);
const personFilter = { person: optionalText(32), team: id.nullish() };

export const visitFields = z
  .object({
    customerId: id,
    date: isoDate,
    type: z.enum(VISIT_TYPES).default('on-site'),
    status: z.enum(VISIT_STATUSES).default('done'),
    contactId: id.nullish(),
    staffNo: optionalText(32),
    purpose: optionalText(500),
    outcome: optionalText(1000),
    nextStep: optionalText(500),
    nextDate: optionalDate,
    /** The clock for "not in the future" (tests, imports of a given day); today otherwise. */
    today: isoDate.optional(),
  })
  .strict();

export const careOps = {
  'visits/log': op<VisitRecord>()(visitFields, { mutates: true }),
  'visits/list': op<VisitRecord[]>()(
    z.object({ customerId: id.optional(), from: isoDate, to: isoDate, ...personFilter }).strict(),
  ),
  'visits/due': op<{ asOf: string; items: DueItem[] }>()(
    z.object({ asOf: isoDate.optional(), ...personFilter, includeDueSoon: z.boolean().default(true) }).strict(),
  ),
  'visits/compliance': op<{ asOf: string; rows: ComplianceRow[]; company: number | null }>()(
    z.object({ asOf: isoDate.optional(), ...personFilter }).strict(),
  ),
  'care/calendar': op<CareCalendar>()(
    z
      .object({
        year,
        ...personFilter,
        solarTerms: z.boolean().default(false),
        customerId: id.optional(),
        /** Only the company-wide days (holidays with 调休, festivals, solar terms, company events): a date picker's marks. */
        companyOnly: z.boolean().default(false),
      })
      .strict(),
  ),
  'care/list': op<{ from: string; to: string; items: CareListItem[] }>()(
    z.object({ date: isoDate.optional(), days: z.number().int().min(1).max(31).default(1), ...personFilter }).strict(),
  ),
  'care/mark-sent': op<{ id: number }>()(
    z
      .object({
        customerId: id,
        contactId: id.nullish(),
        occasionKey: z.string().trim().min(1).max(60),
        /** The occasion's day, as the care list gave it: a sent day further than CARE_SENT_WINDOW_DAYS from it is refused. */
        occasionDate: isoDate.optional(),
        date: isoDate,
        channel: z.enum(CARE_CHANNELS),
        note: optionalText(500),
        staffNo: optionalText(32),
      })
      .strict(),
    { mutates: true },
  ),
  'care/export': op<FileOut & { rows: number }>()(
    z
      .object({
        date: isoDate.optional(),
        days: z.number().int().min(1).max(31).default(1),
        ...personFilter,
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
        out: fileOut,
      })
      .strict(),
  ),
  'care/coverage': op<CareCoverage>()(
    z.object({ year, occasion: z.string().trim().min(1).max(60).default('chunjie'), ...personFilter }).strict(),
  ),
  'care/templates': op<CareTemplate[]>()(empty),
  'care/events': op<CompanyEvent[]>()(empty),
  'care/save-event': op<CompanyEvent>()(
    z
      .object({
        id: id.optional(),
        date: isoDate,
        name: z.string().trim().min(1).max(100),
        yearly: z.boolean().default(true),
      })
      .strict(),
    { mutates: true },
  ),
  'care/delete-event': op<{ deleted: number }>()(z.object({ id }).strict(), { mutates: true }),
  'care/set-template': op<CareTemplate>()(
    z
      .object({
        occasion: z.string().trim().min(1).max(60),
        lang: z.enum(['zh-CN', 'en']),
        body: z.string().trim().min(1).max(1000),
      })
      .strict(),
    { mutates: true },
  ),
};
