import { z } from 'zod';
import { empty, id, optionalDate, optionalText } from './common';
import { op } from './define';

export interface Team {
  id: number;
  name: string;
  region: string | null;
  managerId: number | null;
  managerName: string | null;
  members: number;
  active: boolean;
}

export interface StaffMember {
  id: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  teamName: string | null;
  title: string | null;
  managerId: number | null;
  managerName: string | null;
  hireDate: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'inactive';
  leftDate: string | null;
  /** Orders, customers, targets or appraisals refer to this person: never hard-deleted. */
  hasHistory: boolean;
}

export const employeeNo = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}_.-]+$/u, { message: 'employee-no' });

/** A phone number as people write it (digits, spaces, + ( ) -), blank for none. */
export const phone = z
  .string()
  .trim()
  .max(30)
  .refine((s) => s === '' || /^[+()\d\s-]{5,30}$/.test(s), { message: 'phone' })
  .transform((s) => (s === '' ? null : s))
  .nullish();

/** An e-mail address, blank for none. */
export const email = z
  .string()
  .trim()
  .max(120)
  .refine((s) => s === '' || z.email().safeParse(s).success, { message: 'email' })
  .transform((s) => (s === '' ? null : s))
  .nullish();

export const staffFields = z.object({
  employeeNo,
  name: z.string().trim().min(1).max(50),
  teamId: id.nullish(),
  title: optionalText(50),
  managerId: id.nullish(),
  hireDate: optionalDate,
  phone,
  email,
});

export const teamOps = {
  'teams/list': op<Team[]>()(empty),
  'teams/create': op<Team>()(
    z.object({ name: z.string().trim().min(1).max(50), region: optionalText(50), managerId: id.nullish() }).strict(),
    { mutates: true },
  ),
  'teams/update': op<Team>()(
    z
      .object({
        id,
        name: z.string().trim().min(1).max(50).optional(),
        region: optionalText(50),
        managerId: id.nullish(),
      })
      .strict(),
    { mutates: true },
  ),
  'staff/list': op<StaffMember[]>()(
    z
      .object({ includeInactive: z.boolean().default(true) })
      .strict()
      .default({ includeInactive: true }),
  ),
  'staff/create': op<StaffMember>()(staffFields.strict(), { mutates: true }),
  'staff/update': op<StaffMember>()(
    z.object({ id, patch: staffFields.partial().strict(), reason: optionalText(500) }).strict(),
    { mutates: true },
  ),
  'staff/set-status': op<StaffMember>()(
    z
      .object({ id, status: z.enum(['active', 'inactive']), leftDate: optionalDate, reason: optionalText(500) })
      .strict(),
    { mutates: true },
  ),
  'staff/delete': op<{ deleted: number }>()(z.object({ id }).strict(), { mutates: true }),
  'staff/history': op<AuditEntry[]>()(z.object({ id }).strict()),
};

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}
