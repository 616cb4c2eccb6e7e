import type { ColDef } from 'ag-grid-community';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import { RANGE_FILTER_OPTIONS, TEXT_FILTER_OPTIONS } from './pageRequest';

/**
 * Column builders for server-side grids: each offers only the filters the page request can express
 * (text contains/equals, number and date ranges), one condition a column.
 */
export function textColumn<T>(
  field: string,
  headerName: string,
  width = 140,
  extra: Partial<ColDef<T>> = {},
): ColDef<T> {
  return {
    colId: field,
    field: field as ColDef<T>['field'],
    headerName,
    width,
    filter: 'agTextColumnFilter',
    filterParams: { filterOptions: TEXT_FILTER_OPTIONS, maxNumConditions: 1, debounceMs: 400 },
    ...extra,
  };
}

export function numberColumn<T>(field: string, headerName: string, lang: Lang, width = 110, digits = 0): ColDef<T> {
  return {
    colId: field,
    field: field as ColDef<T>['field'],
    headerName,
    width,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    filterParams: { filterOptions: RANGE_FILTER_OPTIONS, maxNumConditions: 1, debounceMs: 400, inRangeInclusive: true },
    valueFormatter: (p) => formatNumber(p.value as number | null, lang, digits),
  };
}

export function moneyColumn<T>(field: string, headerName: string, lang: Lang, width = 140): ColDef<T> {
  return {
    ...numberColumn<T>(field, headerName, lang, width),
    valueFormatter: (p) => formatMoney(p.value as number | null, lang),
  };
}

export function dateColumn<T>(field: string, headerName: string, lang: Lang, width = 180): ColDef<T> {
  return {
    colId: field,
    field: field as ColDef<T>['field'],
    headerName,
    width,
    filter: 'agDateColumnFilter',
    filterParams: { filterOptions: RANGE_FILTER_OPTIONS, maxNumConditions: 1, inRangeInclusive: true },
    valueFormatter: (p) => formatDate(p.value as string | null, lang),
  };
}
