import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../src-main/contract/pipeline';
import { useOp } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** P3.1: the same opportunities as the board, as a grid. */
export function OpportunityGrid({ filter }: { filter: { teamId?: number; staffId?: number } }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useOp('opportunities/list', filter);
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
        valueFormatter: (p) => formatMoney(p.value, lang),
      },
      {
        field: 'probability',
        headerName: t('pipeline.col.probability'),
        type: 'numericColumn',
        valueFormatter: (p) => `${p.value}%`,
      },
      {
        field: 'weighted',
        headerName: t('pipeline.col.weighted'),
        type: 'numericColumn',
        valueFormatter: (p) => formatMoney(p.value, lang),
      },
      { field: 'expectedDate', headerName: t('pipeline.col.expected') },
      { field: 'daysInStage', headerName: t('pipeline.col.daysInStage'), type: 'numericColumn' },
      { field: 'lostReason', headerName: t('pipeline.col.lostReason') },
      { field: 'competitor', headerName: t('pipeline.col.competitor') },
    ],
    [t, lang],
  );
  return (
    <DataGrid<Opportunity>
      height={520}
      rowData={list.data ?? []}
      columnDefs={columnDefs}
      loading={list.isLoading}
      empty={{ title: t('pipeline.empty') }}
    />
  );
}
