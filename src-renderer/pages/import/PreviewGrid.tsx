import type { CellStyle, ColDef } from 'ag-grid-community';
import { Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/contract/import';
import { DataGrid } from '../../components/DataGrid';

type SampleRow = ImportPreview['sample'][number];

/** The first rows as the sheet holds them, each column titled with the field it feeds; invalid cells in red with the reason. */
export function PreviewGrid({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const labels = useMemo(() => new Map(preview.fields.map((f) => [f.key, f.label])), [preview.fields]);
  const columnDefs = useMemo<ColDef<SampleRow>[]>(
    () => [
      {
        headerName: t('importExport.ui.row'),
        valueGetter: (p) => p.data?.row,
        width: 80,
        pinned: 'left',
        filter: false,
      },
      ...preview.columns.map<ColDef<SampleRow>>((c, i) => ({
        headerName: `${c.letter} · ${c.header}${c.field ? ` → ${labels.get(c.field) ?? c.field}` : ''}`,
        headerClass: c.field ? 'wb-import-mapped' : 'wb-import-unmapped',
        valueGetter: (p) => p.data?.cells[i] ?? '',
        // a blank cell the import reads from the merged range above: the range's value, in grey italics
        cellStyle: (p): CellStyle | null =>
          p.data?.problems[i]
            ? { background: '#fff1f0', color: '#cf1322' }
            : p.data?.merged[i] !== undefined
              ? { color: '#8c8c8c', fontStyle: 'italic' }
              : null,
        tooltipValueGetter: (p) =>
          p.data?.problems[i] ??
          (p.data?.merged[i] !== undefined
            ? t('importExport.ui.fromMergedCell', { row: p.data.merged[i] })
            : undefined),
        minWidth: 120,
      })),
      {
        headerName: t('importExport.ui.problems'),
        minWidth: 240,
        flex: 1,
        valueGetter: (p) => [...Object.values(p.data?.problems ?? {}), ...(p.data?.rowProblems ?? [])].join('; '),
        cellRenderer: (p: { value: string }) =>
          p.value ? (
            <Tooltip title={p.value}>
              <span style={{ color: '#cf1322' }}>{p.value}</span>
            </Tooltip>
          ) : null,
      },
    ],
    [preview.columns, labels, t],
  );
  return (
    <DataGrid<SampleRow>
      height={360}
      rowData={preview.sample}
      columnDefs={columnDefs}
      tooltipShowDelay={200}
      empty={{ title: t('importExport.ui.noRows') }}
    />
  );
}
