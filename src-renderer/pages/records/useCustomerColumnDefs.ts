import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../src-main/contract/records';
import { dateColumn, moneyColumn, numberColumn, textColumn } from '../../components/grid/serverColumns';
import { useLang } from '../../i18n/LanguageProvider';

/** Columns of the customer list; ids are the CustomerRow property names the page request sorts and filters by. */
export function useCustomerColumnDefs(): ColDef<CustomerRow>[] {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo(() => {
    const h = (f: string) => t(`records.customers.col.${f}`);
    const translated = (prefix: string) => (p: { value: unknown }) =>
      p.value ? t(`${prefix}.${p.value as string}`, { defaultValue: p.value as string }) : '';
    return [
      textColumn<CustomerRow>('code', h('code'), 120, { pinned: 'left' }),
      textColumn<CustomerRow>('name', h('name'), 220, { pinned: 'left' }),
      textColumn<CustomerRow>('stage', h('stage'), 110, { valueFormatter: translated('records.stage') }),
      textColumn<CustomerRow>('segment', h('segment'), 110, { valueFormatter: translated('records.segment') }),
      textColumn<CustomerRow>('industry', h('industry'), 130),
      textColumn<CustomerRow>('province', h('province'), 110),
      textColumn<CustomerRow>('city', h('city'), 110),
      textColumn<CustomerRow>('ownerName', h('ownerName'), 120),
      numberColumn<CustomerRow>('orders', h('orders'), lang, 100),
      { ...moneyColumn<CustomerRow>('revenue', h('revenue'), lang, 160), sort: 'desc' },
      dateColumn<CustomerRow>('lastOrderDate', h('lastOrderDate'), lang),
    ];
  }, [t, lang]);
}
