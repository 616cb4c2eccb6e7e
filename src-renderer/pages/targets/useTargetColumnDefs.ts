import type {
  CellClassParams,
  ColDef,
  ColGroupDef,
  EditableCallbackParams,
  ValueSetterParams,
} from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, monthLabel } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { AmountCell, NameCell, type AmountCellParams, type NameCellParams } from './TargetCells';
import { PERIODS, type Period, type TargetGridRow } from './targetRows';

interface TargetColumnHandlers extends Omit<NameCellParams, never> {
  canEdit: boolean;
  /** A typed amount (text as typed): the page sends it to `targets/set`. */
  onEdit: (row: TargetGridRow, period: Period, text: string) => void;
  onLock: AmountCellParams['onLock'];
  /** A person's proposal, stretch or challenge level typed in. */
  onEditTier: (row: TargetGridRow, metric: 'proposal' | 'stretch' | 'challenge', text: string) => void;
}

/** Columns of the target grid (P2.2): name, year, Q1–Q4, M1–M12, last year's actual, growth, proposals and tiers. */
export function useTargetColumnDefs(h: TargetColumnHandlers): (ColDef<TargetGridRow> | ColGroupDef<TargetGridRow>)[] {
  const { t } = useTranslation();
  const lang = useLang();
  const { canEdit, onEdit, onLock, onToggle, onNotes, onEditTier } = h;
  return useMemo(() => {
    const money = (v: number | null | undefined) => (v == null ? '' : formatNumber(v, lang));
    const period = (p: Period): ColDef<TargetGridRow> => ({
      colId: p,
      headerName: p === 'Y' ? t('targets.grid.year') : p.startsWith('Q') ? p : monthLabel(Number(p.slice(1)), lang),
      width: p === 'Y' ? 140 : p.startsWith('Q') ? 128 : 118,
      valueGetter: (x) => x.data?.values[p],
      editable: (x: EditableCallbackParams<TargetGridRow>) => canEdit && !!x.data,
      cellEditor: 'agTextCellEditor',
      // The grid never changes its own data: the typed text goes to the service, and the answer comes back through the query.
      valueSetter: (x: ValueSetterParams<TargetGridRow>) => {
        if (x.data && x.newValue !== x.oldValue && x.newValue != null && String(x.newValue).trim() !== '')
          onEdit(x.data, p, String(x.newValue));
        return false;
      },
      cellRenderer: AmountCell,
      cellRendererParams: { period: p, canEdit, onLock, onNotes } satisfies AmountCellParams,
      cellClass: (x: CellClassParams<TargetGridRow>) =>
        [
          'wb-num',
          p === 'Y' ? 'wb-target-year' : p.startsWith('Q') ? 'wb-target-quarter' : '',
          x.data?.locked.has(p) ? 'wb-target-locked' : '',
        ].join(' '),
      sortable: false,
      filter: false,
      type: 'rightAligned',
    });
    const tier = (metric: 'proposal' | 'stretch' | 'challenge', header: string): ColDef<TargetGridRow> => ({
      colId: metric,
      headerName: header,
      width: 130,
      valueGetter: (x) => x.data?.[metric],
      valueFormatter: (x) => money(x.value),
      // Proposals are the salespeople's own; stretch and challenge follow the plan's workflow like targets.
      editable: (x: EditableCallbackParams<TargetGridRow>) =>
        x.data?.scope === 'person' && (metric === 'proposal' || canEdit),
      cellEditor: 'agTextCellEditor',
      valueSetter: (x: ValueSetterParams<TargetGridRow>) => {
        if (x.data && x.newValue != null && String(x.newValue).trim() !== '' && x.newValue !== x.oldValue)
          onEditTier(x.data, metric, String(x.newValue));
        return false;
      },
      cellClass: (x: CellClassParams<TargetGridRow>) =>
        ['wb-num', x.data?.scope === 'person' ? 'wb-target-editable-tier' : ''].join(' '),
      type: 'rightAligned',
      sortable: false,
      filter: false,
    });
    return [
      {
        colId: 'name',
        headerName: t('targets.grid.name'),
        pinned: 'left',
        width: 240,
        sortable: false,
        filter: false,
        cellRenderer: NameCell,
        cellRendererParams: { onToggle, onNotes } satisfies NameCellParams,
      },
      period('Y'),
      { headerName: t('targets.grid.quarters'), children: PERIODS.slice(1, 5).map(period) },
      { headerName: t('targets.grid.months'), children: PERIODS.slice(5).map(period) },
      {
        headerName: t('targets.grid.history'),
        children: [
          {
            colId: 'lastYear',
            headerName: t('targets.grid.lastYear'),
            width: 140,
            valueGetter: (x) => x.data?.lastYearActual,
            valueFormatter: (x) => money(x.value),
            cellClass: 'wb-num',
            type: 'rightAligned',
            sortable: false,
            filter: false,
          },
          {
            colId: 'growth',
            headerName: t('targets.grid.growth'),
            width: 100,
            valueGetter: (x) => x.data?.growth,
            valueFormatter: (x) => (x.value == null ? '' : formatPercent(x.value, lang)),
            cellClass: 'wb-num',
            type: 'rightAligned',
            sortable: false,
            filter: false,
          },
        ],
      },
      {
        headerName: t('targets.grid.bottomUp'),
        children: [
          tier('proposal', t('targets.grid.proposal')),
          {
            colId: 'gap',
            headerName: t('targets.grid.gap'),
            width: 120,
            valueGetter: (x) => (x.data?.proposal == null ? null : x.data.proposal - x.data.values.Y),
            valueFormatter: (x) => money(x.value),
            cellClass: (x) => ['wb-num', x.value != null && x.value < 0 ? 'wb-negative' : ''].join(' '),
            type: 'rightAligned',
            sortable: false,
            filter: false,
          },
          tier('stretch', t('targets.grid.stretch')),
          tier('challenge', t('targets.grid.challenge')),
        ],
      },
    ];
  }, [t, lang, canEdit, onEdit, onLock, onToggle, onNotes, onEditTier]);
}
