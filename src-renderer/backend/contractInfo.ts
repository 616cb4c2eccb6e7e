import type { OpName } from '../../src-main/contract';

let contract: Promise<typeof import('../../src-main/contract')> | undefined;

/**
 * Whether an operation changes data, read from the contract itself. The contract (every operation's zod
 * schema) is loaded the first time a change is made rather than with the first screen, which only reads
 * (issue 12 item 11).
 */
export async function mutates(name: OpName): Promise<boolean> {
  contract ??= import('../../src-main/contract');
  return (await contract).contract[name].mutates;
}
