import { ticketOps } from '../../contract/tickets';
import type { HandlersOf } from '../handler-types';
import { serviceQuality } from './quality';
import { setTicketSettings, ticketSettings } from './settings';
import { localNow } from './sla-clock';
import { getTicket, listTickets } from './store';
import { createTicket, handOverTicket, recordFollowUp, transitionTicket } from './workflow';

export const ticketHandlers = {
  'tickets/settings': (ctx) => ticketSettings(ctx.db),
  'tickets/set-settings': (ctx, input) => setTicketSettings(ctx, input),
  'tickets/list': (ctx, input) => listTickets(ctx.db, input, input.asOf ?? localNow()),
  'tickets/get': (ctx, input) => getTicket(ctx.db, input.id, input.asOf ?? localNow()),
  'tickets/create': (ctx, input) => createTicket(ctx, input),
  'tickets/transition': (ctx, input) => transitionTicket(ctx, input),
  'tickets/handover': (ctx, input) => handOverTicket(ctx, input),
  'tickets/followup': (ctx, input) => recordFollowUp(ctx, input),
  'tickets/sla': (ctx, input) =>
    serviceQuality(ctx.db, { from: input.from, to: input.to, asOf: input.asOf ?? localNow() }),
} satisfies HandlersOf<typeof ticketOps>;
