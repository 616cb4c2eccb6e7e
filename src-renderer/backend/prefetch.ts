import type { QueryClient } from '@tanstack/query-core';
import type { Input, OpName, Output } from '../../src-main/contract';
import { invoke } from './transport';

/** The query key of an operation's read: its name and input (useOp and prefetchOp share it). */
export const opKey = <K extends OpName>(name: K, input?: Input<K>) => (input === undefined ? [name] : [name, input]);

/**
 * Starts the read `useOp(name, input)` will make, so that it is under way before the screen's code has
 * loaded (the start and a route's loader call it); resolves with the value, or undefined when it failed
 * (the screen's own query then shows the error). Needs neither React nor the contract's schemas, so that
 * the start can call it before they have loaded.
 */
export async function prefetchOp<K extends OpName>(
  queryClient: QueryClient,
  name: K,
  input: Input<K>,
): Promise<Output<K> | undefined> {
  await queryClient.prefetchQuery({ queryKey: opKey(name, input), queryFn: () => invoke(name, input) });
  return queryClient.getQueryData<Output<K>>(opKey(name, input));
}
