import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { contract, type Input, type OpName, type Output } from '../../src-main/contract';
import type { ApiError } from './ApiError';
import { invoke } from './transport';

const opKey = <K extends OpName>(name: K, input?: Input<K>) => (input === undefined ? [name] : [name, input]);

type QueryOpts<K extends OpName> = Omit<UseQueryOptions<Output<K>, ApiError>, 'queryKey' | 'queryFn'>;

/** Reads through TanStack Query, keyed by operation name and input. */
export function useOp<K extends OpName>(name: K, input: Input<K>, options: QueryOpts<K> = {}) {
  return useQuery<Output<K>, ApiError>({
    queryKey: opKey(name, input),
    queryFn: () => invoke(name, input),
    ...options,
  });
}

/** Calls a changing operation; on success every query is refreshed (the contract says which ops mutate). */
export function useOpMutation<K extends OpName>(name: K) {
  const queryClient = useQueryClient();
  return useMutation<Output<K>, ApiError, Input<K>>({
    mutationFn: (input) => invoke(name, input),
    onSuccess: async () => {
      if (contract[name].mutates) await queryClient.invalidateQueries();
    },
  });
}
