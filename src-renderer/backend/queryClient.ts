// query-core alone: the start makes the client before React has loaded (main.tsx).
import { QueryClient } from '@tanstack/query-core';
import { ApiError, TRANSPORT_UNREACHABLE } from './ApiError';

/** Server refusals are final; only a dropped connection is worth a retry. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => error instanceof ApiError && error.code === TRANSPORT_UNREACHABLE && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
