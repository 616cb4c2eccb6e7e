import { WorkbenchError } from '../../../contract/errors';
import { candidatesKind } from './candidates';
import { careLogKind } from './care-log';
import { customerContactsKind } from './customer-contacts';
import { contractsKind } from './contracts';
import { customersKind } from './customers';
import { opportunitiesKind } from './opportunities';
import { ordersKind } from './orders';
import { productsKind } from './products';
import { ratingsKind } from './ratings';
import { staffKind } from './staff';
import { targetsKind } from './targets';
import { ticketsKind } from './tickets';
import { trainingAttendanceKind } from './training-attendance';
import type { ImportKind } from './types';
import { visitsKind } from './visits';

/**
 * Every import kind, by name. To add one (targets, ratings…): write kinds/<kind>.ts implementing
 * ImportKind (./types.ts) and add one line below.
 */
export const IMPORT_KINDS: Record<string, ImportKind<never>> = {
  staff: staffKind as ImportKind<never>,
  products: productsKind as ImportKind<never>,
  customers: customersKind as ImportKind<never>,
  orders: ordersKind as ImportKind<never>,
  targets: targetsKind as ImportKind<never>,
  ratings: ratingsKind as ImportKind<never>,
  visits: visitsKind as ImportKind<never>,
  'customer-contacts': customerContactsKind as ImportKind<never>,
  'care-log': careLogKind as ImportKind<never>,
  tickets: ticketsKind as ImportKind<never>,
  opportunities: opportunitiesKind as ImportKind<never>,
  contracts: contractsKind as ImportKind<never>,
  candidates: candidatesKind as ImportKind<never>,
  'training-attendance': trainingAttendanceKind as ImportKind<never>,
};

export function getKind(kind: string): ImportKind<unknown> {
  // Object.hasOwn: a kind named 'constructor' is unknown, not Object's constructor (issue 17 item 13).
  const k = Object.hasOwn(IMPORT_KINDS, kind) ? IMPORT_KINDS[kind] : undefined;
  if (!k) throw new WorkbenchError('import/unknown-kind', { kind, kinds: Object.keys(IMPORT_KINDS).join(', ') });
  return k as ImportKind<unknown>;
}

export type {
  ImportKind,
  ImportField,
  ImportRecord,
  RowProblem,
  CommitContext,
  CommitResult,
  PrepareContext,
} from './types';
