import { staffFields } from '../../../src-main/contract/team';

export type StaffField = keyof typeof staffFields.shape;
export const STAFF_FIELDS = Object.keys(staffFields.shape) as StaffField[];

/** Refinement messages of the contract that have their own text in the locales' `validation` section. */
const NAMED_MESSAGES = new Set(['date', 'email', 'phone', 'employee-no']);

/**
 * Checks one field with the same schema the server uses; returns the key of the reason under
 * `validation.` (e.g. 'email', 'too_small') or null when the value is acceptable.
 */
export function staffFieldIssue(field: StaffField, value: unknown): string | null {
  const result = staffFields.shape[field].safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return NAMED_MESSAGES.has(issue.message) ? issue.message : issue.code;
}

/**
 * Turns what a grid cell editor produced into the value of a 'staff/update' patch: select editors give
 * '' for "none" and ids as text; empty text means "not given".
 */
export function cellValueToPatchValue(field: StaffField, value: unknown): unknown {
  if (field === 'teamId' || field === 'managerId') {
    if (value === '' || value == null) return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (value == null) return field === 'employeeNo' || field === 'name' ? '' : null;
  if (typeof value === 'string') return value.trim();
  return value;
}

/** The server names the field an error belongs to (by code or in details) so the form can show it there. */
export function fieldOfError(code: string, details: Record<string, unknown>): StaffField | null {
  if (code === 'request/invalid-input' && typeof details.field === 'string') {
    const f = details.field.split('.').pop() as StaffField;
    return STAFF_FIELDS.includes(f) ? f : null;
  }
  const byCode: Record<string, StaffField> = {
    'staff/duplicate-employee-no': 'employeeNo',
    'staff/manager-cycle': 'managerId',
    'staff/self-manager': 'managerId',
    'staff/manager-inactive': 'managerId',
    'team/not-found': 'teamId',
    'staff/left-before-hire': 'hireDate',
  };
  return byCode[code] ?? null;
}
