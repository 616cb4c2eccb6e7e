import { z } from 'zod';
import { empty, id, isoDate, optionalText } from './common';
import { op } from './define';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const TICKET_STATUSES = ['new', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** P4.4: how a ticket came in (free text is kept too; these are the form's choices). */
export const TICKET_CHANNELS = ['phone', 'email', 'wechat', 'visit', 'web', 'other'] as const;
export const TICKET_CATEGORIES = [
  'quality',
  'delivery',
  'installation',
  'training',
  'invoice',
  'complaint',
  'other',
] as const;

/** A local time, `YYYY-MM-DDTHH:MM` (the clock of the office that handles the ticket). */
export const localTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'local-time' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}:00Z`)) && new Date(`${s}:00Z`).toISOString().startsWith(s), {
    message: 'local-time',
  });

export interface TicketSettings {
  /** working hours to first response and to resolution, by severity (P4.6) */
  sla: Record<Severity, { response: number; resolution: number }>;
  /** departments a ticket can be handed to (P4.4) */
  departments: string[];
  /** the working day's hours, `HH:MM` */
  workStart: string;
  workEnd: string;
  /** working hours before the target at which a ticket shows as due soon */
  dueSoonHours: number;
}

/** P4.6: where a ticket stands against its resolution target. */
export type SlaState = 'met' | 'breached' | 'due-soon' | 'running' | 'paused';

export interface Ticket {
  id: number;
  ticketNo: string;
  customerId: number;
  customerName: string;
  contact: string | null;
  orderNo: string | null;
  contractNo: string | null;
  productName: string | null;
  staffId: number | null;
  staffName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  department: string;
  category: string | null;
  complaint: boolean;
  severity: Severity;
  channel: string | null;
  description: string | null;
  status: TicketStatus;
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  responseTargetHours: number | null;
  targetHours: number | null;
  /** working hours so far (to resolution when resolved), pauses excluded */
  workingHours: number;
  responseHours: number | null;
  sla: SlaState;
  reopened: number;
  followupDue: string | null;
  followupResult: string | null;
}

export interface TicketEvent {
  at: string;
  actor: string;
  kind: 'status' | 'handover' | 'reopen' | 'response' | 'followup';
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface TicketDetail extends Ticket {
  events: TicketEvent[];
  pauses: { start: string; end: string | null }[];
}

export interface QualityGroup {
  key: string;
  tickets: number;
  complaints: number;
  /** resolved on time ÷ (resolved + open past target), percent; null when none is due */
  withinTargetPct: number | null;
  medianResponseHours: number | null;
  p90ResponseHours: number | null;
  medianResolutionHours: number | null;
  p90ResolutionHours: number | null;
  complaintsPer100Orders: number | null;
  /** reopened ÷ resolved, percent */
  reopenRatePct: number | null;
}

export interface ServiceQuality extends Omit<QualityGroup, 'key'> {
  from: string;
  to: string;
  orders: number;
  byDepartment: (QualityGroup & { department: string })[];
  byProduct: QualityGroup[];
  bySalesperson: QualityGroup[];
  byMonth: QualityGroup[];
  /** years in the range whose official holiday schedule is not in the calendar: only weekends were skipped */
  missingSchedule: number[];
}

const hours = z.number().positive().max(10000);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'hh-mm' });

export const ticketFilter = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    department: z.string().trim().max(50).optional(),
    staffId: id.optional(),
    complaint: z.boolean().optional(),
    asOf: localTime.optional(),
  })
  .strict();

export const ticketOps = {
  'tickets/settings': op<TicketSettings>()(empty),
  'tickets/set-settings': op<TicketSettings>()(
    z
      .object({
        sla: z.partialRecord(z.enum(SEVERITIES), z.object({ response: hours, resolution: hours }).strict()).optional(),
        departments: z.array(z.string().trim().min(1).max(50)).min(1).max(50).optional(),
        workStart: hhmm.optional(),
        workEnd: hhmm.optional(),
        dueSoonHours: z.number().min(0).max(100).optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'tickets/list': op<Ticket[]>()(ticketFilter.default({})),
  'tickets/get': op<TicketDetail>()(z.object({ id, asOf: localTime.optional() }).strict()),
  'tickets/create': op<TicketDetail>()(
    z
      .object({
        ticketNo: z.string().trim().min(1).max(50).optional(),
        customerId: id,
        contact: optionalText(100),
        orderId: id.nullish(),
        /** the order by its number, as the customer quotes it (instead of orderId) */
        orderNo: optionalText(50),
        contractId: id.nullish(),
        productId: id.nullish(),
        staffId: id.nullish(),
        assigneeId: id.nullish(),
        category: z.enum(TICKET_CATEGORIES).default('other'),
        complaint: z.boolean().default(false),
        severity: z.enum(SEVERITIES).default('medium'),
        channel: optionalText(30),
        description: optionalText(2000),
        department: z.string().trim().min(1).max(50),
        openedAt: localTime.optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'tickets/transition': op<TicketDetail>()(
    z.object({ id, to: z.enum(TICKET_STATUSES), at: localTime.optional(), reason: optionalText(500) }).strict(),
    { mutates: true },
  ),
  'tickets/handover': op<TicketDetail>()(
    z
      .object({
        id,
        department: z.string().trim().min(1).max(50),
        assigneeId: id.nullish(),
        at: localTime.optional(),
        note: optionalText(500),
      })
      .strict(),
    { mutates: true },
  ),
  'tickets/followup': op<TicketDetail>()(
    z.object({ id, result: z.string().trim().min(1).max(1000), at: localTime.optional() }).strict(),
    { mutates: true },
  ),
  'tickets/sla': op<ServiceQuality>()(z.object({ from: isoDate, to: isoDate, asOf: localTime.optional() }).strict()),
};
