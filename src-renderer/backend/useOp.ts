import {
  hashKey,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Input, OpName, Output } from '../../src-main/contract';
import type { ApiError } from './ApiError';
import { opInfo } from './contractInfo';
import { cancelOwnChange, expectOwnChange, ownChangeDone, type OwnChange } from './ownChanges';
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
  /**
   * Brings the queries this operation's answer covers up to date (with `queryClient.setQueryData`) and
   * returns their keys: they are not fetched again. A key it cannot bring up to date, it leaves out.
   */
  update?: (queryClient: QueryClient, value: Output<K>, input: Input<K>) => readonly (readonly unknown[])[];
}

/**
 * Calls a changing operation; on success every query is refreshed (the contract says which ops mutate),
 * but those `update` brought up to date from the answer and the reads the operation `keeps` (contract).
 */
export function useOpMutation<K extends OpName>(name: K, options: MutationOpts<K> = {}) {
  const queryClient = useQueryClient();
  return useMutation<Output<K>, ApiError, Input<K>, OwnChange | undefined>({
    onMutate: async () => ((await opInfo(name)).mutates ? expectOwnChange(name) : undefined),
    mutationFn: (input) => invoke(name, input),
    onError: (_error, _input, own) => {
      if (own) cancelOwnChange(own);
    },
    onSuccess: async (value, input, own) => {
      if (!own) return;
      ownChangeDone(own);
      const { keeps } = await opInfo(name);
      const updated = new Set((options.update?.(queryClient, value, input) ?? []).map((k) => hashKey(k)));
      const others = queryClient.invalidateQueries({
        predicate: (q) => !updated.has(q.queryHash) && !keeps.includes(String(q.queryKey[0])),
      });
      // The screen already shows the answer: the other queries refresh behind it rather than holding up
      // "done" (issue 12 item 12: recomputing the appraisal waited for settings and system info).
      if (updated.size === 0) await others;
    },
  });
}
