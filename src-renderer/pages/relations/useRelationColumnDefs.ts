import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../src-main/contract/customers';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDate, formatMoney, formatPercent } from '../../i18n/format';

/** Columns of the customers screen: grade, lifecycle, 12-month sales, last visit and completeness (P4.1). */
export function useRelationColumnDefs(): ColDef<CustomerSummary>[] {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo<ColDef<CustomerSummary>[]>(
    () => [
      { field: 'code', headerName: t('customers.ui.code'), width: 100 },
      { field: 'name', headerName: t('customers.ui.name'), flex: 2, minWidth: 200 },
      {
        field: 'grade',
        headerName: t('customers.ui.grade'),
        width: 90,
        valueFormatter: (p) => (p.value ? `${p.value}${p.data?.overridden ? ' *' : ''}` : '—'),
      },
      {
        field: 'lifecycle',
        headerName: t('customers.ui.lifecycle'),
        width: 110,
        valueFormatter: (p) => t(`customers.lifecycle.${p.value}`),
      },
      { field: 'ownerName', headerName: t('customers.ui.owner'), width: 110 },
      { field: 'city', headerName: t('customers.ui.city'), width: 100 },
      {
        field: 'sales12',
        headerName: t('customers.ui.sales12'),
        width: 140,
        context: { exportFormat: 'money' },
        type: 'rightAligned',
        valueFormatter: (p) => formatMoney(p.value, lang),
      },
      {
        field: 'lastVisit',
        headerName: t('customers.ui.last-visit'),
        width: 120,
        context: { exportFormat: 'date' },
        valueFormatter: (p) => formatDate(p.value, lang),
      },
      {
        field: 'completeness',
        headerName: t('customers.ui.completeness'),
        width: 110,
        context: { exportFormat: 'percent' },
        type: 'rightAligned',
        valueFormatter: (p) => formatPercent(p.value, lang, 0),
      },
      {
        field: 'missing',
        headerName: t('customers.ui.missing'),
        flex: 2,
        minWidth: 180,
        valueFormatter: (p) =>
          ((p.value as string[] | undefined) ?? []).map((k) => t(`customers.missing.${k}`)).join('、'),
      },
    ],
    [t, lang],
  );
}
