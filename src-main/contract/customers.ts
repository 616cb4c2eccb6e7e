import { z } from 'zod';
import { empty, id, isoDate, optionalText } from './common';
import { op } from './define';

/** P3.1: the lifecycle; "dormant" is derived (no order for `dormantMonths`), the others are stored. */
export const STAGES = ['lead', 'prospect', 'customer', 'lost'] as const;
export const LIFECYCLES = ['lead', 'prospect', 'customer', 'dormant', 'lost'] as const;
export const GRADES = ['A', 'B', 'C'] as const;
export const CUSTOMER_KINDS = ['company', 'person'] as const;
export const CONTACT_ROLES = ['decision-maker', 'influencer', 'user', 'buyer'] as const;
export type Grade = (typeof GRADES)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];

const grade = z.enum(GRADES);
const money = z.number().min(0).max(1e12);
const pct = z.number().min(-100).max(100);
const days = z.number().int().min(1).max(730);

/** The rules a manager edits (P4.1, P4.2): grade thresholds over the last 12 months, cadence per grade. */
export const customerRules = z
  .object({
    /** yuan of sales and profit margin in % over the last 12 months for grade A, then B; the rest are C. */
    gradeA: z.object({ sales: money, marginPct: pct }).strict(),
    gradeB: z.object({ sales: money, marginPct: pct }).strict(),
    /** Days between visits by grade; a customer may have its own. */
    cadenceDays: z.object({ A: days, B: days, C: days }).strict(),
    /** A customer with no order for this many months is dormant. */
    dormantMonths: z.number().int().min(1).max(60),
    /** "Due" means due within this many days. */
    dueSoonDays: z.number().int().min(0).max(60),
  })
  .strict();
export type CustomerRules = z.output<typeof customerRules>;

export interface GradeReason {
  /** i18n key under customers.grade-reason, with its numbers. */
  key: string;
  params: Record<string, string | number>;
}

export interface ContactRecord {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  department: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  birthCalendar: 'solar' | 'lunar' | null;
  birthYear: number | null;
  birthMonth: number | null;
  birthDay: number | null;
  preferences: string | null;
  role: (typeof CONTACT_ROLES)[number] | null;
}

export interface CustomerSummary {
  id: number;
  code: string | null;
  name: string;
  kind: (typeof CUSTOMER_KINDS)[number] | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  source: string | null;
  ownerId: number | null;
  ownerNo: string | null;
  ownerName: string | null;
  stage: (typeof STAGES)[number];
  lifecycle: Lifecycle;
  /** The grade in force: the override when there is one, else the rule's. */
  grade: Grade | null;
  ruleGrade: Grade | null;
  overridden: boolean;
  /** yuan, the last 12 months as of `gradeAsOf` */
  sales12: number;
  profit12: number;
  lastOrderDate: string | null;
  lastVisit: string | null;
  contacts: number;
  /** Share of the fields that matter for its grade that are filled in (0…1). */
  completeness: number;
  missing: string[];
}

export interface TimelineItem {
  date: string;
  kind: 'order' | 'visit' | 'care' | 'survey' | 'ticket' | 'note' | 'stage';
  title: string;
  detail: string | null;
  /** yuan for orders */
  amount?: number;
}

export interface CustomerDetail extends CustomerSummary {
  address: string | null;
  phone: string | null;
  email: string | null;
  cadenceDays: number;
  cadenceOverride: number | null;
  gradeOverrideReason: string | null;
  gradeAsOf: string | null;
  gradeReasons: GradeReason[];
  stageHistory: { date: string; from: string | null; to: string; reason: string | null; actor: string }[];
  contactList: ContactRecord[];
  /** Sales by calendar year, yuan, oldest first */
  yearlySales: { year: number; sales: number; profit: number }[];
  timeline: TimelineItem[];
  nextVisitDue: string | null;
}

export interface CompletenessReport {
  company: number;
  teams: { id: number | null; name: string; score: number; customers: number }[];
  people: {
    employeeNo: string;
    name: string;
    team: string | null;
    score: number;
    customers: number;
    incomplete: number;
  }[];
  worklist: {
    customerId: number;
    code: string | null;
    name: string;
    grade: Grade | null;
    ownerNo: string | null;
    ownerName: string | null;
    missing: string[];
  }[];
}

export interface DuplicateGroup {
  reason: 'name' | 'phone';
  key: string;
  customers: {
    id: number;
    code: string | null;
    name: string;
    ownerName: string | null;
    orders: number;
    phone: string | null;
  }[];
}

export interface MergeResult {
  kept: { id: number; code: string | null; name: string };
  merged: { id: number; code: string | null; name: string };
  /** Rows moved to the kept customer, by table */
  moved: Record<string, number>;
}

export interface HandOverResult {
  from: string;
  moved: { customerId: number; code: string | null; to: string }[];
}

const phoneText = z
  .string()
  .trim()
  .max(30)
  .refine((s) => s === '' || /^[+()\d\s-]{5,30}$/.test(s), { message: 'phone' })
  .transform((s) => (s === '' ? null : s))
  .nullish();

const customerFields = z
  .object({
    code: optionalText(32),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(CUSTOMER_KINDS).nullish(),
    industry: optionalText(60),
    province: optionalText(30),
    city: optionalText(30),
    address: optionalText(300),
    source: optionalText(60),
    phone: phoneText,
    email: optionalText(120),
    ownerNo: optionalText(32),
    cadenceDays: days.nullish(),
  })
  .strict();

export const contactFields = z
  .object({
    id: id.optional(),
    customerId: id.optional(),
    name: z.string().trim().min(1).max(50),
    title: optionalText(50),
    department: optionalText(50),
    phone: phoneText,
    mobile: phoneText,
    email: optionalText(120),
    wechat: optionalText(60),
    birthCalendar: z.enum(['solar', 'lunar']).nullish(),
    birthYear: z.number().int().min(1900).max(2100).nullish(),
    birthMonth: z.number().int().min(1).max(12).nullish(),
    birthDay: z.number().int().min(1).max(31).nullish(),
    preferences: optionalText(500),
    role: z.enum(CONTACT_ROLES).nullish(),
  })
  .strict();

const filter = z
  .object({
    person: optionalText(32),
    team: id.nullish(),
    grade: grade.nullish(),
    lifecycle: z.enum(LIFECYCLES).nullish(),
    incompleteOnly: z.boolean().optional(),
    search: z.string().trim().max(100).optional(),
  })
  .strict();

const reason = z.string().trim().min(1).max(500);

export const customerOps = {
  'customers/rules': op<CustomerRules>()(empty),
  'customers/set-rules': op<CustomerRules>()(z.object({ rules: customerRules, reason: optionalText(500) }).strict(), {
    mutates: true,
  }),
  /** Recomputes every customer's grade and first/last order from the orders (P4.1). */
  'customers/regrade': op<{ asOf: string; customers: number; byGrade: Record<Grade, number> }>()(
    z.object({ asOf: isoDate.optional() }).strict(),
    { mutates: true },
  ),
  'customers/list': op<{ rows: CustomerSummary[]; total: number }>()(
    filter.extend({ limit: z.number().int().min(1).max(50_000).default(5000), asOf: isoDate.optional() }).strict(),
  ),
  'customers/get': op<CustomerDetail>()(z.object({ id, asOf: isoDate.optional() }).strict()),
  'customers/save': op<CustomerDetail>()(
    z.object({ id: id.optional(), fields: customerFields, reason: optionalText(500) }).strict(),
    { mutates: true },
  ),
  'customers/set-grade': op<CustomerDetail>()(z.object({ id, grade: grade.nullable(), reason }).strict(), {
    mutates: true,
  }),
  'customers/set-stage': op<CustomerDetail>()(
    z.object({ id, stage: z.enum(STAGES), date: isoDate, reason: optionalText(500) }).strict(),
    { mutates: true },
  ),
  'customers/completeness': op<CompletenessReport>()(filter.pick({ person: true, team: true }).strict()),
  'customers/duplicates': op<DuplicateGroup[]>()(empty),
  'customers/merge': op<MergeResult>()(
    z.object({ keep: z.string().trim().min(1).max(32), merge: z.string().trim().min(1).max(32), reason }).strict(),
    { mutates: true },
  ),
  'customers/hand-over': op<HandOverResult>()(
    z
      .object({
        from: z.string().trim().min(1).max(32),
        to: z.array(z.string().trim().min(1).max(32)).min(1).max(50),
        grade: grade.nullish(),
        city: optionalText(30),
        reason,
      })
      .strict(),
    { mutates: true },
  ),
  'contacts/save': op<ContactRecord>()(contactFields, { mutates: true }),
  'contacts/delete': op<{ deleted: number }>()(z.object({ id }).strict(), { mutates: true }),
};
