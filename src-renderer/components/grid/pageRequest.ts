import type { PageRequest } from '../../../src-main/contract/common';

/** AG Grid's sort model item. */
export interface GridSort {
  colId: string;
  sort: 'asc' | 'desc' | null | undefined;
}

/** The subset of AG Grid's simple filter models the workbench's server-side grids produce. */
export interface GridSimpleFilter {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: string | number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  operator?: string;
  conditions?: GridSimpleFilter[];
}

export interface GridPageParams {
  startRow: number;
  endRow: number;
  sortModel?: GridSort[];
  filterModel?: Record<string, GridSimpleFilter | null | undefined> | null;
  search?: string;
}

type PageFilter = PageRequest['filters'][string];

/** Options offered in the column filters: exactly what the page request can express. */
export const TEXT_FILTER_OPTIONS = ['contains', 'equals'];
export const RANGE_FILTER_OPTIONS = ['equals', 'greaterThanOrEqual', 'lessThanOrEqual', 'inRange'];

const RANGE_TYPES: Record<string, PageFilter['type']> = {
  equals: 'equals',
  greaterThanOrEqual: 'gte',
  lessThanOrEqual: 'lte',
  inRange: 'between',
};

const MAX_LIMIT = 1000;
const MAX_SORT = 4;

const blank = (v: unknown) => v == null || (typeof v === 'string' && v.trim() === '');
/** AG Grid gives dates as 'YYYY-MM-DD hh:mm:ss'; the API wants the calendar day. */
const day = (v: string | null | undefined) => (v ? v.slice(0, 10) : v);

/** One column's filter model as the API's filter, or null when the API cannot express it (or it is empty). */
export function toPageFilter(model: GridSimpleFilter | null | undefined): PageFilter | null {
  if (!model) return null;
  if (model.conditions?.length) return toPageFilter(model.conditions[0]);
  const type = model.type ?? '';
  if (model.filterType === 'date') {
    const mapped = RANGE_TYPES[type];
    if (!mapped || blank(model.dateFrom)) return null;
    if (mapped === 'between') {
      if (blank(model.dateTo)) return { type: 'gte', value: day(model.dateFrom)! };
      return { type: 'between', value: day(model.dateFrom)!, valueTo: day(model.dateTo)! };
    }
    return { type: mapped, value: day(model.dateFrom)! };
  }
  if (model.filterType === 'number') {
    const mapped = RANGE_TYPES[type];
    if (!mapped || blank(model.filter)) return null;
    const value = Number(model.filter);
    if (!Number.isFinite(value)) return null;
    if (mapped === 'between') {
      const to = Number(model.filterTo);
      if (blank(model.filterTo) || !Number.isFinite(to)) return { type: 'gte', value };
      return { type: 'between', value, valueTo: to };
    }
    return { type: mapped, value };
  }
  // text (the default filter type)
  if ((type !== 'contains' && type !== 'equals') || blank(model.filter)) return null;
  return { type, value: String(model.filter).trim().slice(0, 200) };
}

/** Maps the infinite row model's request (rows, sort, column filters) plus the search box to 'x/page' input. */
export function toPageRequest(params: GridPageParams): PageRequest {
  const offset = Math.max(0, Math.floor(params.startRow));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(params.endRow - params.startRow)));
  const sort = (params.sortModel ?? [])
    .filter((s): s is GridSort & { sort: 'asc' | 'desc' } => s.sort === 'asc' || s.sort === 'desc')
    .slice(0, MAX_SORT)
    .map((s) => ({ field: s.colId, dir: s.sort }));
  const filters: PageRequest['filters'] = {};
  for (const [field, model] of Object.entries(params.filterModel ?? {})) {
    const f = toPageFilter(model);
    if (f) filters[field] = f;
  }
  return { offset, limit, sort, filters, search: (params.search ?? '').trim().slice(0, 200) };
}
