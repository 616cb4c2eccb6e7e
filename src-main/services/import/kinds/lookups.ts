import type { Database } from 'better-sqlite3';
import type { RowProblem } from './types';
import { allStaff } from '../../../db/access/staff';

/**
 * Finding people, customers and products named in a sheet. A salesperson is matched by employee
 * number, else by name when exactly one person has it ("Mark (3305)" style labels are read by the
 * number in brackets). Shared by every kind that names salespeople (orders, customers, staff managers,
 * targets, ratings).
 */
interface PersonRef {
  id: number;
  employeeNo: string;
  name: string;
}

export interface StaffLookup {
  byNo: Map<string, PersonRef>;
  byName: Map<string, PersonRef[]>;
}

const keys = new Map<string, string>();
/** A name as compared: no case, no spaces, full-width folded (memoised: a sheet names the same few thousand people and customers over and over). */
const nameKey = (s: string): string => {
  let k = keys.get(s);
  if (k === undefined) {
    k = s
      .normalize('NFKC')
      .replace(/[\s\u00a0\u3000]+/g, '')
      .toLowerCase();
    if (keys.size > 200_000) keys.clear();
    keys.set(s, k);
  }
  return k;
};

export function loadStaff(db: Database): StaffLookup {
  const rows = allStaff(db);
  const lookup: StaffLookup = { byNo: new Map(), byName: new Map() };
  for (const p of rows) addPerson(lookup, p);
  return lookup;
}

export function addPerson(lookup: StaffLookup, p: PersonRef): void {
  lookup.byNo.set(p.employeeNo.toLowerCase(), p);
  const k = nameKey(p.name);
  const list = lookup.byName.get(k) ?? [];
  if (!list.some((x) => x.employeeNo === p.employeeNo)) list.push(p);
  lookup.byName.set(k, list);
}

/** The person a cell names, or a problem (unknown / ambiguous) for `field`. */
export function resolvePerson(lookup: StaffLookup, text: string, field: string): PersonRef | RowProblem {
  const s = text.trim();
  const byNo = lookup.byNo.get(s.toLowerCase());
  if (byNo) return byNo;
  const bracket = /[(（]\s*([\w.-]+)\s*[)）]\s*$/.exec(s);
  if (bracket && lookup.byNo.get(bracket[1].toLowerCase())) return lookup.byNo.get(bracket[1].toLowerCase())!;
  const named = lookup.byName.get(nameKey(bracket ? s.slice(0, bracket.index) : s)) ?? [];
  if (named.length === 1) return named[0];
  if (named.length > 1)
    return { field, code: 'ambiguous-person', params: { name: s, numbers: named.map((p) => p.employeeNo).join(', ') } };
  return { field, code: 'unknown-person', params: { name: s } };
}

export const isProblem = (x: unknown): x is RowProblem => typeof x === 'object' && x !== null && 'code' in x;

/** Name or code → id for customers or products, with names that several records share marked ambiguous. */
export interface NamedLookup {
  byCode: Map<string, number>;
  byName: Map<string, number[]>;
}

export function loadNamed(db: Database, table: 'customers' | 'products'): NamedLookup {
  const rows = db.prepare(`SELECT id, code, name FROM ${table}`).all() as {
    id: number;
    code: string | null;
    name: string;
  }[];
  const l: NamedLookup = { byCode: new Map(), byName: new Map() };
  for (const r of rows) {
    if (r.code) l.byCode.set(r.code.toLowerCase(), r.id);
    const k = nameKey(r.name);
    l.byName.set(k, [...(l.byName.get(k) ?? []), r.id]);
  }
  return l;
}

/** id of a customer/product named by code or name; undefined when unknown; 'ambiguous' when several share the name. */
const codes = new Map<string, string>();
/** A code as compared (memoised like nameKey: resolved once when an order is checked and again when written). */
const codeKey = (s: string): string => {
  let k = codes.get(s);
  if (k === undefined) {
    k = s.trim().toLowerCase();
    if (codes.size > 200_000) codes.clear();
    codes.set(s, k);
  }
  return k;
};

export function resolveNamed(l: NamedLookup, text: string): number | 'ambiguous' | undefined {
  const code = l.byCode.get(codeKey(text));
  if (code !== undefined) return code;
  const ids = l.byName.get(nameKey(text)) ?? [];
  return ids.length === 1 ? ids[0] : ids.length > 1 ? 'ambiguous' : undefined;
}

export function addNamed(l: NamedLookup, id: number, name: string, code: string | null): void {
  if (code) l.byCode.set(code.toLowerCase(), id);
  const k = nameKey(name);
  l.byName.set(k, [...(l.byName.get(k) ?? []), id]);
}

export { nameKey };
