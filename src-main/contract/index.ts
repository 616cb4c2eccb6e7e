import { careOps } from './care';
import { customerOps } from './customers';
import { demoOps } from './demo';
import { exportOps } from './export';
import { importOps } from './import';
import type { InputOf, OutputOf, ParsedInputOf } from './define';
import { pipelineOps } from './pipeline';
import { recordOps } from './records';
import { appraisalOps } from './appraisal';
import { salesReportOps } from './sales-report';
import { planOps } from './plans';
import { salesContractOps } from './sales-contracts';
import { recruitOps } from './recruit';
import { surveyOps } from './survey';
import { systemOps } from './system';
import { targetOps } from './targets';
import { teamOps } from './team';
import { ticketOps } from './tickets';
import { trainingOps } from './training';

const domains = [
  systemOps,
  demoOps,
  teamOps,
  recordOps,
  importOps,
  exportOps,
  appraisalOps,
  surveyOps,
  targetOps,
  salesReportOps,
  planOps,
  customerOps,
  careOps,
  pipelineOps,
  salesContractOps,
  ticketOps,
  recruitOps,
  trainingOps,
] as const;

/** True when no operation name is declared by two domains; otherwise names the duplicates. */
export type Disjoint<T extends readonly object[], Seen extends PropertyKey = never> = T extends readonly [
  infer H,
  ...infer R extends readonly object[],
]
  ? [keyof H & Seen] extends [never]
    ? Disjoint<R, Seen | keyof H>
    : { duplicateOperations: keyof H & Seen }
  : true;

// A second declaration of an operation name would silently replace the first in a spread: refuse it
// when compiling, and again when the module loads (for code the compiler did not see).
const disjoint: Disjoint<typeof domains> = true;
void disjoint;

/** Joins the domains' maps into one, refusing a name declared twice. */
export function joinDomains<T extends Record<string, unknown>>(maps: readonly T[]): T {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const name of Object.keys(map)) {
      if (Object.hasOwn(all, name))
        throw new Error(`The operation '${name}' is declared by two domains of the contract`);
      all[name] = map[name];
    }
  }
  return all as T;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every operation of the workbench, by name. Each domain adds its map to `domains`. */
export const contract = joinDomains<Record<string, unknown>>(domains) as unknown as UnionToIntersection<
  (typeof domains)[number]
>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type Input<K extends OpName> = InputOf<Contract[K]>;
/** What the service receives: the input as the contract's schema parsed it (trimmed, defaults filled). */
export type ParsedInput<K extends OpName> = ParsedInputOf<Contract[K]>;
export type Output<K extends OpName> = OutputOf<Contract[K]>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type * from './define';
