import {
  hashKey,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { contract, type Input, type OpName, type Output } from '../../src-main/contract';
import type { ApiError } from './ApiError';
import { cancelOwnChange, expectOwnChange } from './ownChanges';
import { invoke } from './transport';

export const opKey = <K extends OpName>(name: K, input?: Input<K>) => (input === undefined ? [name] : [name, input]);

type QueryOpts<K extends OpName> = Omit<UseQueryOptions<Output<K>, ApiError>, 'queryKey' | 'queryFn'>;

/** Reads through TanStack Query, keyed by operation name and input. */
export function useOp<K extends OpName>(name: K, input: Input<K>, options: QueryOpts<K> = {}) {
  return useQuery<Output<K>, ApiError>({
    queryKey: opKey(name, input),
    queryFn: () => invoke(name, input),
    ...options,
  });
}

/**
 * Starts the read `useOp(name, input)` will make, so that it is under way before the screen's code has
 * loaded (a route's loader calls it); resolves with the value, or undefined when it failed (the screen's
 * own query then shows the error).
 */
export async function prefetchOp<K extends OpName>(
  queryClient: QueryClient,
  name: K,
  input: Input<K>,
): Promise<Output<K> | undefined> {
  await queryClient.prefetchQuery({ queryKey: opKey(name, input), queryFn: () => invoke(name, input) });
  return queryClient.getQueryData<Output<K>>(opKey(name, input));
}

export interface MutationOpts<K extends OpName> {
  /** The query whose data this operation answers (review/compute answers review/show): set, not fetched again. */
  answers?: (input: Input<K>) => readonly unknown[];
}

/** Calls a changing operation; on success every query is refreshed (the contract says which ops mutate). */
export function useOpMutation<K extends OpName>(name: K, options: MutationOpts<K> = {}) {
  const queryClient = useQueryClient();
  const mutates = contract[name].mutates;
  return useMutation<Output<K>, ApiError, Input<K>>({
    mutationFn: (input) => {
      if (mutates) expectOwnChange(name);
      return invoke(name, input);
    },
    onError: () => {
      if (mutates) cancelOwnChange(name);
    },
    onSuccess: async (value, input) => {
      if (!mutates) return;
      const answered = options.answers?.(input);
      if (answered) queryClient.setQueryData(answered, value);
      const skip = answered && hashKey(answered);
      const others = queryClient.invalidateQueries({ predicate: (q) => q.queryHash !== skip });
      // The screen already shows the answer: the other queries refresh behind it rather than holding up
      // "done" (issue 12 item 12: recomputing the appraisal waited for settings and system info).
      if (!answered) await others;
    },
  });
}
