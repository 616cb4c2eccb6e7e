import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember, Team } from '../../../src-main/contract/team';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { StaffActionsCell, type StaffActions } from './StaffActionsCell';

const keyOf = (id: number | null) => (id == null ? '' : String(id));

/** Columns of the roster: every field editable in place; team and manager picked from lists. */
export function useStaffColumnDefs(staff: StaffMember[], teams: Team[], actions: StaffActions): ColDef<StaffMember>[] {
  const { t } = useTranslation();
  const lang = useLang();

  return useMemo(() => {
    const teamLabel = new Map(teams.map((x) => [String(x.id), x.name]));
    const personLabel = new Map(staff.map((p) => [String(p.id), `${p.name} (${p.employeeNo})`]));
    const none = t('team.none');
    const label = (map: Map<string, string>) => (key: string | null | undefined) => (key ? (map.get(key) ?? key) : '');
    const teamName = label(teamLabel);
    const personName = label(personLabel);
    const byLabel = (fn: (k: string) => string) => (a: string, b: string) => fn(a).localeCompare(fn(b), lang);
    const activeManagers = staff.filter((p) => p.status === 'active');

    const text = (
      field: keyof StaffMember & string,
      width: number,
      extra: Partial<ColDef<StaffMember>> = {},
    ): ColDef<StaffMember> => ({
      colId: field,
      field,
      headerName: t(`fields.${field}`),
      width,
      editable: true,
      filter: 'agTextColumnFilter',
      ...extra,
    });

    return [
      text('employeeNo', 130, { pinned: 'left' }),
      text('name', 110, { pinned: 'left' }),
      {
        colId: 'teamId',
        headerName: t('fields.teamId'),
        width: 140,
        editable: true,
        valueGetter: (p) => keyOf(p.data?.teamId ?? null),
        valueFormatter: (p: ValueFormatterParams<StaffMember, string>) =>
          p.value ? teamName(p.value) : p.node ? '' : none,
        comparator: byLabel(teamName),
        filter: 'agTextColumnFilter',
        filterValueGetter: (p) => p.data?.teamName ?? '',
        getQuickFilterText: (p) => p.data?.teamName ?? '',
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['', ...teams.filter((x) => x.active).map((x) => String(x.id))] },
      },
      text('title', 130),
      {
        colId: 'managerId',
        headerName: t('fields.managerId'),
        width: 170,
        editable: true,
        valueGetter: (p) => keyOf(p.data?.managerId ?? null),
        valueFormatter: (p: ValueFormatterParams<StaffMember, string>) =>
          p.value ? personName(p.value) : p.node ? '' : none,
        comparator: byLabel(personName),
        filter: 'agTextColumnFilter',
        filterValueGetter: (p) => p.data?.managerName ?? '',
        getQuickFilterText: (p) => p.data?.managerName ?? '',
        cellEditorSelector: (p) => ({
          component: 'agSelectCellEditor',
          params: { values: ['', ...activeManagers.filter((m) => m.id !== p.data?.id).map((m) => String(m.id))] },
        }),
      },
      {
        ...text('hireDate', 130),
        cellDataType: 'dateString',
        cellEditor: 'agDateStringCellEditor',
        filter: 'agDateColumnFilter',
        valueFormatter: (p: ValueFormatterParams<StaffMember, string>) => formatDate(p.value, lang),
      },
      text('phone', 140),
      text('email', 200),
      {
        colId: 'status',
        field: 'status',
        headerName: t('fields.status'),
        width: 110,
        editable: true,
        filter: 'agTextColumnFilter',
        filterValueGetter: (p) => t(`team.status.${p.data?.status ?? 'active'}`),
        valueFormatter: (p: ValueFormatterParams<StaffMember, string>) => (p.value ? t(`team.status.${p.value}`) : ''),
        getQuickFilterText: (p) => t(`team.status.${p.data?.status ?? 'active'}`),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['active', 'inactive'] },
        cellClass: (p) => (p.value === 'inactive' ? 'wb-status-inactive' : 'wb-status-active'),
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 130,
        pinned: 'right',
        sortable: false,
        filter: false,
        resizable: false,
        editable: false,
        cellRenderer: StaffActionsCell,
        cellRendererParams: { actions },
      },
    ];
  }, [staff, teams, actions, t, lang]);
}
