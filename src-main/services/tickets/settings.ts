import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { ParsedInput } from '../../contract';
import { SEVERITIES, type TicketSettings } from '../../contract/tickets';
import { t } from '../../i18n/messages';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { getSetting, putSetting } from '../system/settings';
import { workDay, type WorkDay } from './sla-clock';

const KEY = 'tickets.settings';

/** P4.4, P4.6: the company's defaults; every one is editable in Settings. */
export const DEFAULT_TICKET_SETTINGS: TicketSettings = {
  sla: {
    critical: { response: 1, resolution: 9 },
    high: { response: 2, resolution: 18 },
    medium: { response: 4, resolution: 27 },
    low: { response: 8, resolution: 45 },
  },
  departments: ['销售部', '技术支持部', '物流部', '财务部', '生产部', '售后服务部', '质量管理部'],
  workStart: '09:00',
  workEnd: '18:00',
  dueSoonHours: 4,
};

export function ticketSettings(db: Database): TicketSettings {
  const raw = getSetting(db, KEY);
  if (!raw) return DEFAULT_TICKET_SETTINGS;
  const saved = JSON.parse(raw) as Partial<TicketSettings>;
  return { ...DEFAULT_TICKET_SETTINGS, ...saved, sla: { ...DEFAULT_TICKET_SETTINGS.sla, ...saved.sla } };
}

export function ticketWorkDay(s: TicketSettings): WorkDay {
  return workDay(s.workStart, s.workEnd);
}

export function setTicketSettings(ctx: ServiceContext, input: ParsedInput<'tickets/set-settings'>): TicketSettings {
  return ctx.db.transaction(() => {
    const before = ticketSettings(ctx.db);
    const after: TicketSettings = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'sla')),
      sla: { ...before.sla, ...input.sla },
    };
    // P4.6: a ticket is answered before it is resolved
    for (const sev of SEVERITIES) {
      const { response, resolution } = after.sla[sev];
      if (response > resolution)
        throw new WorkbenchError('tickets/response-after-resolution', {
          severity: t(ctx.lang, `tickets.severity.${sev}`),
          response,
          resolution,
        });
    }
    const seen = new Set<string>();
    for (const d of after.departments) {
      const k = d.toLowerCase();
      if (seen.has(k)) throw new WorkbenchError('tickets/duplicate-department', { department: d });
      seen.add(k);
    }
    // P4.4: an open ticket keeps a department that exists; hand it over first
    for (const d of before.departments.filter((x) => !after.departments.includes(x))) {
      const count = ctx.db
        .prepare("SELECT count(*) FROM tickets WHERE department = ? AND status NOT IN ('resolved', 'closed')")
        .pluck()
        .get(d) as number;
      if (count > 0) throw new WorkbenchError('tickets/department-in-use', { department: d, count });
    }
    if (after.workEnd <= after.workStart)
      throw new WorkbenchError('tickets/work-hours', { start: after.workStart, end: after.workEnd });
    putSetting(ctx.db, KEY, JSON.stringify(after));
    audit(ctx.db, { actor: ctx.actor, entity: 'settings', entityId: KEY, oldValue: before, newValue: after });
    return after;
  })();
}
