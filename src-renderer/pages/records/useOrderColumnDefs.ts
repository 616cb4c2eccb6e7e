import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../src-main/contract/records';
import { dateColumn, moneyColumn, numberColumn, textColumn } from '../../components/grid/serverColumns';
import { useLang } from '../../i18n/LanguageProvider';

/** Columns of the order list; ids are the OrderRow property names the page request sorts and filters by. */
export function useOrderColumnDefs(): ColDef<OrderRow>[] {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo(() => {
    const h = (f: string) => t(`records.orders.col.${f}`);
    return [
      textColumn<OrderRow>('orderNo', h('orderNo'), 150, { pinned: 'left' }),
      { ...numberColumn<OrderRow>('line', h('line'), lang, 80), pinned: 'left' },
      { ...dateColumn<OrderRow>('date', h('date'), lang), sort: 'desc' },
      textColumn<OrderRow>('customerName', h('customerName'), 200),
      textColumn<OrderRow>('salespersonName', h('salespersonName'), 120),
      textColumn<OrderRow>('teamName', h('teamName'), 120),
      textColumn<OrderRow>('productName', h('productName'), 180),
      textColumn<OrderRow>('category', h('category'), 120),
      textColumn<OrderRow>('channel', h('channel'), 110, {
        valueFormatter: (p) =>
          p.value ? t(`records.channel.${p.value as string}`, { defaultValue: p.value as string }) : '',
      }),
      numberColumn<OrderRow>('quantity', h('quantity'), lang, 100),
      moneyColumn<OrderRow>('unitPrice', h('unitPrice'), lang, 130),
      moneyColumn<OrderRow>('amount', h('amount'), lang, 150),
      moneyColumn<OrderRow>('profit', h('profit'), lang, 140),
    ];
  }, [t, lang]);
}
