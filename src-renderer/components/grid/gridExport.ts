import type { ColDef, Column, GridApi, IRowNode } from 'ag-grid-community';
import type { Input } from '../../../src-main/contract';
import type { PageRequest } from '../../../src-main/contract/common';
import { toPageRequest, type GridSort } from './pageRequest';

/**
 * Reads "what the grid shows" for an export: the visible columns with their headers, and either the rows
 * a client-side grid displays (after its filters, sort and quick search) or a server grid's page request.
 */
export type ExportFormat = 'xlsx' | 'csv';
export type RowsExport = Input<'export/rows'>;
export type GridExport = Input<'export/grid'>;
export type ColumnFormat = NonNullable<RowsExport['columns'][number]['format']>;
type Cell = RowsExport['rows'][number][number];

/** A column's number format in the file: `context.exportFormat` if the column names one, else from its cell data type. */
export function columnExportFormat(def: ColDef): ColumnFormat {
  const named = (def.context as { exportFormat?: ColumnFormat } | undefined)?.exportFormat;
  if (named) return named;
  switch (def.cellDataType) {
    case 'date':
    case 'dateString':
    case 'dateTime':
    case 'dateTimeString':
      return 'date';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'text';
  }
}

/** Columns that hold a value (not an actions or checkbox column). */
const holdsValue = (c: Column) => {
  const d = c.getColDef();
  return !!(d.field || d.valueGetter);
};

function displayedColumns(api: GridApi): Column[] {
  return api.getAllDisplayedColumns().filter(holdsValue);
}

const header = (api: GridApi, c: Column) => api.getDisplayNameForColumn(c, 'header') || c.getColId();

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** One cell as the file wants it: numbers and dates raw (the file formats them), text as the grid shows it. */
export function exportCell(raw: unknown, shown: unknown, format: ColumnFormat): Cell {
  if (raw == null || raw === '') return null;
  switch (format) {
    case 'date':
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : isoDay(raw);
      return /^\d{4}-\d{2}-\d{2}/.test(String(raw)) ? String(raw).slice(0, 10) : String(raw);
    case 'int':
    case 'number':
    case 'money':
    case 'percent': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n : null;
    }
    case 'bool':
      return typeof raw === 'boolean' ? raw : String(shown ?? raw);
    default:
      return shown == null ? null : String(shown).slice(0, 10_000);
  }
}

/** The rows a client-side grid displays, in its visible columns and their headers, as an `export/rows` input. */
export function displayedRowsExport(api: GridApi, name: string, format: ExportFormat): RowsExport {
  const cols = displayedColumns(api);
  const formats = cols.map((c) => columnExportFormat(c.getColDef()));
  const rows: Cell[][] = [];
  api.forEachNodeAfterFilterAndSort((node: IRowNode) => {
    if (node.group || !node.data) return;
    rows.push(
      cols.map((c, i) => {
        const raw = api.getCellValue({ rowNode: node, colKey: c, from: 'data' });
        const shown =
          formats[i] === 'text' || formats[i] === 'bool'
            ? api.getCellValue({ rowNode: node, colKey: c, useFormatter: true, from: 'data' })
            : raw;
        return exportCell(raw, shown, formats[i]);
      }),
    );
  });
  return { name, columns: cols.map((c, i) => ({ header: header(api, c), format: formats[i] })), rows, format };
}

/** A server grid's current sort (in sort order), column filters and search, as the page request without paging. */
export function currentPageRequest(api: GridApi, search: string): Omit<PageRequest, 'offset' | 'limit'> {
  const sortModel: GridSort[] = api
    .getColumnState()
    .filter((s) => s.sort === 'asc' || s.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((s) => ({ colId: s.colId, sort: s.sort }));
  const r = toPageRequest({ startRow: 0, endRow: 1, sortModel, filterModel: api.getFilterModel(), search });
  return { sort: r.sort, filters: r.filters, search: r.search };
}

/** A server grid's view as an `export/grid` input: the database writes every matching row, not only those loaded. */
export function serverGridExport(
  api: GridApi,
  source: GridExport['source'],
  search: string,
  format: ExportFormat,
): GridExport {
  const columns = displayedColumns(api).map((c) => ({ field: c.getColId(), header: header(api, c) }));
  return { source, request: currentPageRequest(api, search), columns, format };
}

/** The download's name: what was exported and today's date, e.g. 订单-2026-11-27.xlsx. */
export function exportFileName(base: string, format: ExportFormat, today = new Date()): string {
  const safe = base.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'export';
  return `${safe}-${isoDay(today)}.${format}`;
}

/** One column of a list held in the window (an antd table) for `listExport`: its header, file format and value. */
export interface ListColumn<T> {
  header: string;
  format: ColumnFormat;
  value: (row: T) => unknown;
}

/**
 * The rows a table in the window shows, as an `export/rows` input: numbers and dates raw (the file formats
 * them, with the header frozen and filters on, as every grid export), text as shown.
 */
export function listExport<T>(
  name: string,
  columns: ListColumn<T>[],
  rows: readonly T[],
  format: ExportFormat,
): RowsExport {
  return {
    name,
    columns: columns.map((c) => ({ header: c.header, format: c.format })),
    rows: rows.map((r) =>
      columns.map((c) => {
        const v = c.value(r);
        return exportCell(v, v, c.format);
      }),
    ),
    format,
  };
}
