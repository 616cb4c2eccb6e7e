import type { ColDef, GridApi } from 'ag-grid-community';
import { Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../src-main/contract/pipeline';
import { useOp } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../../components/ExportButton';
import { displayedRowsExport } from '../../components/grid/gridExport';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** P3.1: the same opportunities as the board, as a grid. */
export function OpportunityGrid({
  filter,
}: {
  filter: { teamId?: number; staffId?: number; productId?: number; from?: string; to?: string };
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useOp('opportunities/list', filter);
  const [api, setApi] = useState<GridApi<Opportunity> | null>(null);
  const columnDefs = useMemo<ColDef<Opportunity>[]>(
    () => [
      { field: 'title', headerName: t('pipeline.col.title'), minWidth: 200 },
      { field: 'customerName', headerName: t('pipeline.col.customer') },
      { field: 'staffName', headerName: t('pipeline.col.owner') },
      { field: 'stage', headerName: t('pipeline.col.stage'), valueFormatter: (p) => t(`pipeline.stage.${p.value}`) },
      {
        field: 'amount',
        headerName: t('pipeline.col.amount'),
        type: 'numericColumn',
        cellDataType: 'number',
        context: { exportFormat: 'money' },
        valueFormatter: (p) => formatMoney(p.value, lang),
      },
      {
        field: 'probability',
        headerName: t('pipeline.col.probability'),
        type: 'numericColumn',
        context: { exportFormat: 'number' },
        valueFormatter: (p) => `${p.value}%`,
      },
      {
        field: 'weighted',
        headerName: t('pipeline.col.weighted'),
        type: 'numericColumn',
        cellDataType: 'number',
        context: { exportFormat: 'money' },
        valueFormatter: (p) => formatMoney(p.value, lang),
      },
      { field: 'expectedDate', headerName: t('pipeline.col.expected'), context: { exportFormat: 'date' } },
      {
        field: 'daysInStage',
        headerName: t('pipeline.col.daysInStage'),
        type: 'numericColumn',
        context: { exportFormat: 'int' },
      },
      { field: 'lostReason', headerName: t('pipeline.col.lostReason') },
      { field: 'competitor', headerName: t('pipeline.col.competitor') },
    ],
    [t, lang],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <ExportButton
          fileName={t('pipeline.export.file')}
          rows={api?.getDisplayedRowCount() ?? list.data?.length ?? null}
          disabled={!api || !list.data?.length}
          // the rows as displayed now: after the column filters and the sort
          build={(format) =>
            api ? { op: 'export/rows', input: displayedRowsExport(api, t('pipeline.export.sheet'), format) } : null
          }
          testId="pipeline-export"
        />
      </div>
      <DataGrid<Opportunity>
        height={520}
        rowData={list.data ?? []}
        columnDefs={columnDefs}
        loading={list.isLoading}
        onGridReady={(e) => setApi(e.api)}
        empty={{ title: t('pipeline.empty') }}
      />
    </Space>
  );
}
