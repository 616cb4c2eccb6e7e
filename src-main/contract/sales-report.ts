import { z } from 'zod';
import { id } from './common';
import { op } from './define';
import { fileOut, type FileOut } from './files';

/** The weekly and monthly sales report (P2.6, P5.6) and the manager's home page. Money in yuan. */

/** Sections of the report, in print order; each is one sheet of the .xlsx and may carry the manager's comment. */
export const SALES_REPORT_SECTIONS = [
  'summary',
  'people',
  'products',
  'performers',
  'pipeline',
  'activities',
  'tickets',
  'survey',
] as const;
export type SalesReportSection = (typeof SALES_REPORT_SECTIONS)[number];
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx'] as const;

/** 'YYYY-MM' (a month) or 'YYYY-Www' (an ISO week). */
export const reportPeriod = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/, { message: 'reportPeriod' });

export interface Figures {
  target: number | null;
  actual: number;
  /** actual ÷ target, null without a target. */
  completion: number | null;
}
export interface Compared {
  actual: number;
  /** Same period a year earlier. */
  lastYear: number;
  /** (actual − lastYear) ÷ lastYear, null when last year had none. */
  yoy: number | null;
  /** The period before (previous month or week). */
  previous: number;
  mom: number | null;
}
export interface ReportPersonRow extends Figures {
  staffId: number;
  employeeNo: string;
  name: string;
  team: string | null;
  lastYear: number;
  yoy: number | null;
  orders: number;
}
export interface ReportProductRow extends Compared {
  product: string;
  category: string | null;
  /** Share of the period's sales. */
  share: number;
  /** Products carry no targets in the workbench: always null, shown as such. */
  target: null;
}
export interface SalesReportData {
  kind: 'monthly' | 'weekly';
  period: string;
  from: string;
  to: string;
  team: { id: number; name: string } | null;
  /** Working days of the period (China's schedule with 调休); a week's target is its months' targets by working days. */
  workingDays: number;
  officialCalendar: boolean;
  summary: Figures & Compared & { orders: number; customers: number; people: number };
  people: ReportPersonRow[];
  products: ReportProductRow[];
  /** Top and bottom performers by completion (people with a target), five each. */
  top: ReportPersonRow[];
  bottom: ReportPersonRow[];
  pipeline: {
    hasData: boolean;
    stages: { stage: string; count: number; amount: number }[];
    expectedInPeriod: { count: number; amount: number };
    wonInPeriod: { count: number; amount: number };
  };
  activities: {
    hasData: boolean;
    /** By kind: done (count), still planned and cancelled in the period (reports made before they were split count all in `count`). */
    interactions: { kind: string; count: number; planned?: number; cancelled?: number }[];
    planned: number;
    done: number;
    cancelled: number;
    budget: number;
    spent: number;
    creditedSales: number;
  };
  tickets: {
    hasData: boolean;
    opened: number;
    complaints: number;
    resolved: number;
    stillOpen: number;
    withinTarget: number | null;
    complaintsPer100Orders: number | null;
  };
  survey: {
    hasData: boolean;
    responses: number;
    satisfaction: number | null;
    nps: number | null;
    bySurvey: { survey: string; responses: number; satisfaction: number | null }[];
  };
}
export interface SalesReportListItem {
  id: number;
  kind: 'monthly' | 'weekly';
  period: string;
  team: string | null;
  lang: 'zh-CN' | 'en';
  createdAt: string;
  createdBy: string;
  comments: number;
}
export interface SalesReport extends SalesReportListItem {
  data: SalesReportData;
  comments: number;
  sectionComments: Partial<Record<SalesReportSection, { body: string; updatedAt: string; updatedBy: string }>>;
}

const team = z.string().trim().min(1).max(50).optional();
const lang = z.enum(['zh-CN', 'en']).optional();

export interface HomeFigures {
  target: number;
  actual: number;
  completion: number | null;
  gap: number;
}
export interface HomeRow {
  id: number;
  name: string;
  employeeNo: string | null;
  team: string | null;
  month: HomeFigures;
  quarter: HomeFigures;
}
export interface HomePage {
  asOf: string;
  year: number;
  month: number;
  quarter: number;
  pace: { workingDays: number; elapsedWorkingDays: number; timeShare: number; officialCalendar: boolean };
  company: HomeRow;
  teams: HomeRow[];
  /** The ten best and the people behind plan (month to date, by working-day pace). */
  ranking: HomeRow[];
  behind: (HomeRow & { expected: number })[];
  behindCount: number;
  overdueVisits: { hasData: boolean; count: number };
  ticketsNearBreach: { hasData: boolean; count: number; breached: number };
  contractsAwaiting: { hasData: boolean; count: number; amount: number };
  surveyTrend: { month: string; responses: number; satisfaction: number | null }[];
  appraisal: { quarter: string; status: string | null } | null;
}

export const salesReportOps = {
  /** Generates a report from today's data and keeps it with its figures frozen (P2.6, P5.6). */
  'sales-report/generate': op<SalesReport>()(z.object({ period: reportPeriod, team, lang }).strict(), {
    mutates: true,
  }),
  'sales-report/list': op<SalesReportListItem[]>()(z.object({ period: reportPeriod.optional() }).strict().default({})),
  'sales-report/show': op<SalesReport>()(z.object({ id }).strict()),
  'sales-report/comment': op<SalesReport>()(
    z.object({ id, section: z.enum(SALES_REPORT_SECTIONS), body: z.string().trim().max(5000) }).strict(),
    { mutates: true },
  ),
  'sales-report/delete': op<{ deleted: number }>()(z.object({ id }).strict(), { mutates: true }),
  'sales-report/html': op<{ html: string }>()(z.object({ id }).strict()),
  /** A kept report as a file (A4 HTML, PDF printed by Chromium, or .xlsx with one sheet per section). */
  'sales-report/file': op<FileOut & { format: (typeof REPORT_FORMATS)[number] }>()(
    z.object({ id, format: z.enum(REPORT_FORMATS), out: fileOut }).strict(),
    { long: true },
  ),
  /** `report sales`: generate and write in one step. */
  'sales-report/make': op<FileOut & { id: number; format: (typeof REPORT_FORMATS)[number] }>()(
    z.object({ period: reportPeriod, team, lang, format: z.enum(REPORT_FORMATS), out: fileOut }).strict(),
    { long: true, mutates: true },
  ),
  /** Desktop only: the system print dialog, or Electron's printToPDF with a save dialog (src-main/electron/print-report.ts). */
  'sales-report/print': op<{ printed: boolean; file: string | null }>()(
    z.object({ id, mode: z.enum(['print', 'pdf']) }).strict(),
    { doors: ['ipc'] },
  ),
  'home/show': op<HomePage>()(
    z
      .object({
        asOf: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
          .optional(),
        teamId: id.optional(),
      })
      .strict()
      .default({}),
  ),
};
