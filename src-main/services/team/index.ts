import { teamOps } from '../../contract/team';
import type { HandlersOf } from '../handler-types';
import { createStaff, deleteStaff, listStaff, setStaffStatus, staffHistory, updateStaff } from './staff';
import { createTeam, listTeams, updateTeam } from './teams';

export const teamHandlers = {
  'teams/list': (ctx) => listTeams(ctx.db),
  'teams/create': (ctx, input) => createTeam(ctx, input),
  'teams/update': (ctx, input) => updateTeam(ctx, input),
  'staff/list': (ctx, input) => listStaff(ctx.db, input.includeInactive),
  'staff/create': (ctx, input) => createStaff(ctx, input),
  'staff/update': (ctx, input) => updateStaff(ctx, input.id, input.patch, input.reason),
  'staff/set-status': (ctx, input) => setStaffStatus(ctx, input.id, input.status, input.leftDate, input.reason),
  'staff/delete': (ctx, input) => deleteStaff(ctx, input.id),
  'staff/history': (ctx, input) => staffHistory(ctx.db, input.id),
} satisfies HandlersOf<typeof teamOps>;
