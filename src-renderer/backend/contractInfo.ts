import type { OpName } from '../../src-main/contract';

let contract: Promise<typeof import('../../src-main/contract')> | undefined;

/**
 * What the contract declares of an operation: whether it changes data, and the reads it never alters
 * (`keeps`). The contract (every operation's zod schema) is loaded the first time a change is made rather
 * than with the first screen, which only reads (issue 12 item 11).
 */
export async function opInfo(name: OpName): Promise<{ mutates: boolean; keeps: readonly string[] }> {
  contract ??= import('../../src-main/contract');
  const { mutates, keeps } = (await contract).contract[name];
  return { mutates, keeps };
}
