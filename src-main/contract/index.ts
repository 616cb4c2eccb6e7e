import { demoOps } from './demo';
import { exportOps } from './export';
import { importOps } from './import';
import type { InputOf, OutputOf } from './define';
import { recordOps } from './records';
import { reviewOps } from './review';
import { surveyOps } from './survey';
import { systemOps } from './system';
import { targetOps } from './targets';
import { teamOps } from './team';

/** Every operation of the workbench, by name. Each domain adds its map here. */
export const contract = {
  ...systemOps,
  ...demoOps,
  ...teamOps,
  ...recordOps,
  ...importOps,
  ...exportOps,
  ...reviewOps,
  ...surveyOps,
  ...targetOps,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Input<K extends OpName> = InputOf<Contract[K]>;
export type Output<K extends OpName> = OutputOf<Contract[K]>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type * from './define';
