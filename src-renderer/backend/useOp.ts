import { hashKey, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, OpName, Output } from '../../src-main/contract';
import type { ApiError } from './ApiError';
import { mutates } from './contractInfo';
import { cancelOwnChange, expectOwnChange } from './ownChanges';
import { opKey } from './prefetch';
import { invoke } from './transport';

export { opKey, prefetchOp } from './prefetch';

type QueryOpts<K extends OpName> = Omit<UseQueryOptions<Output<K>, ApiError>, 'queryKey' | 'queryFn'>;

/** Reads through TanStack Query, keyed by operation name and input. */
export function useOp<K extends OpName>(name: K, input: Input<K>, options: QueryOpts<K> = {}) {
  return useQuery<Output<K>, ApiError>({
    queryKey: opKey(name, input),
    queryFn: () => invoke(name, input),
    ...options,
  });
}

export interface MutationOpts<K extends OpName> {
  /** The query whose data this operation answers (review/compute answers review/show): set, not fetched again. */
  answers?: (input: Input<K>) => readonly unknown[];
}

/** Calls a changing operation; on success every query is refreshed (the contract says which ops mutate). */
export function useOpMutation<K extends OpName>(name: K, options: MutationOpts<K> = {}) {
  const queryClient = useQueryClient();
  return useMutation<Output<K>, ApiError, Input<K>>({
    mutationFn: async (input) => {
      if (await mutates(name)) expectOwnChange(name);
      return invoke(name, input);
    },
    onError: async () => {
      if (await mutates(name)) cancelOwnChange(name);
    },
    onSuccess: async (value, input) => {
      if (!(await mutates(name))) return;
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
