import { exportCell, type ColumnFormat, type ExportFormat, type RowsExport } from './gridExport';

/** One column of a plain (antd) table as the export writes it: its header, how to read its value, its number format. */
export interface TableExportColumn<T> {
  title: string;
  value: (row: T) => unknown;
  /** How the file formats the column (dates as dates, money with two decimals…); text when not given. */
  format?: ColumnFormat;
}

/**
 * The rows of a table that holds them in the window, as an `export/rows` input: the same writer as the
 * grids' exports (number formats, frozen header row, filters). Numbers and dates go raw, text as shown.
 */
export function tableExport<T>(
  name: string,
  columns: TableExportColumn<T>[],
  rows: readonly T[],
  format: ExportFormat,
): RowsExport {
  return {
    name,
    format,
    columns: columns.map((c) => ({ header: c.title, format: c.format ?? 'text' })),
    rows: rows.map((r) =>
      columns.map((c) => {
        const v = c.value(r);
        return exportCell(v, v, c.format ?? 'text');
      }),
    ),
  };
}
