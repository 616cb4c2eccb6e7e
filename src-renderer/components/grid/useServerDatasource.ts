import { useQueryClient } from '@tanstack/react-query';
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { OpName } from '../../../src-main/contract';
import type { Page } from '../../../src-main/contract/common';
import { invoke } from '../../backend/transport';
import { toPageRequest, type GridSort } from './pageRequest';

type PageOp = Extract<OpName, 'customers/page' | 'orders/page'>;

export interface ServerGridState {
  total: number | null;
  error: unknown;
  loading: boolean;
}

/**
 * An AG Grid infinite-row-model datasource over a 'x/page' operation. Each block goes through TanStack
 * Query (keyed by operation and request), so invalidating after a change refreshes the grid too.
 */
export function useServerDatasource(op: PageOp, search: string, api: GridApi | null) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ServerGridState>({ total: null, error: null, loading: true });

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params: IGetRowsParams) => {
        const request = toPageRequest({
          startRow: params.startRow,
          endRow: params.endRow,
          sortModel: params.sortModel as GridSort[],
          filterModel: params.filterModel,
          search,
        });
        setState((s) => ({ ...s, loading: true }));
        queryClient
          .fetchQuery({
            queryKey: [op, request],
            queryFn: () => invoke(op, request) as Promise<Page<unknown>>,
            staleTime: 30_000,
          })
          .then((page) => {
            setState({ total: page.total, error: null, loading: false });
            params.successCallback(page.rows, page.total);
          })
          .catch((error: unknown) => {
            setState((s) => ({ ...s, error, loading: false }));
            params.failCallback();
          });
      },
    }),
    [op, search, queryClient],
  );

  // A change elsewhere (an import, a restore, another door) invalidates the cached blocks: reload them.
  useEffect(() => {
    if (!api) return undefined;
    let timer: number | undefined;
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'invalidate' || event.query.queryKey[0] !== op) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => !api.isDestroyed() && api.refreshInfiniteCache(), 50);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [api, op, queryClient]);

  const retry = () => {
    setState((s) => ({ ...s, error: null }));
    api?.refreshInfiniteCache();
  };

  return { datasource, ...state, retry };
}
