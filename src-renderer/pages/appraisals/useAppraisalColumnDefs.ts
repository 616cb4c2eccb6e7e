import type { ColDef, ColGroupDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalPerson, AppraisalShow } from '../../../src-main/contract/appraisal';
import { PERCENT_SOURCES, type SchemeDefinition } from '../../../src-main/contract/appraisal-scheme';
import { formatMoney, formatNumber, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** Columns of the appraisal grid: people × KPIs (value and score), total, grade, outcomes, completeness. */
export function useAppraisalColumnDefs(
  show: AppraisalShow,
  def: SchemeDefinition,
  editable: boolean,
): (ColDef<AppraisalPerson> | ColGroupDef<AppraisalPerson>)[] {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo(() => {
    const num = (p: ValueFormatterParams<AppraisalPerson, number | null>) =>
      p.value == null ? '' : formatNumber(p.value, lang, 1);
    const kpiGroups: ColGroupDef<AppraisalPerson>[] = show.scheme.kpis.map((k) => {
      const kd = def.kpis.find((x) => x.key === k.key);
      const levels = (kd?.rubric ?? []).map((r) => String(r.level));
      const rated = k.source === 'rated';
      return {
        headerName: `${k.label} · ${k.weight}%`,
        headerTooltip: `${k.label} · ${k.weight}% (${t(`appraisal.dimension.${k.dimension}`)})`,
        children: [
          {
            colId: `v:${k.key}`,
            headerName: rated ? t('appraisal.ui.level') : t('appraisal.ui.value'),
            width: rated ? 92 : 104,
            type: 'numericColumn',
            filter: 'agNumberColumnFilter',
            valueGetter: (p) => p.data?.kpis[k.key]?.value ?? null,
            valueFormatter: (p: ValueFormatterParams<AppraisalPerson, number | null>) => {
              if (p.value == null) return rated ? t('appraisal.ui.unrated') : '—';
              if (rated) return String(p.value);
              if (k.source === 'sales' || k.source === 'profit') return formatMoney(p.value, lang);
              return PERCENT_SOURCES.has(k.source)
                ? formatPercent(p.value / 100, lang, 2)
                : formatNumber(p.value, lang, 2);
            },
            tooltipValueGetter: (p) => {
              const level = kd?.rubric?.find((r) => r.level === p.data?.kpis[k.key]?.value);
              return level
                ? `${level.label[lang]}: ${level.description[lang]}`
                : (p.data?.kpis[k.key]?.note ?? undefined);
            },
            editable: rated && editable,
            cellEditor: 'agSelectCellEditor',
            cellEditorParams: { values: levels },
            cellClass: rated ? (editable ? 'wb-cell-editable' : undefined) : 'wb-cell-muted',
            cellClassRules: { 'wb-cell-missing': (p) => rated && p.value == null },
          },
          {
            colId: `s:${k.key}`,
            headerName: t('appraisal.ui.score'),
            width: 84,
            type: 'numericColumn',
            filter: 'agNumberColumnFilter',
            valueGetter: (p) => p.data?.kpis[k.key]?.score ?? null,
            valueFormatter: num,
          },
        ],
      };
    });
    return [
      {
        colId: 'team',
        field: 'team',
        headerName: t('appraisal.ui.team'),
        width: 124,
        pinned: 'left',
        sort: 'asc',
        sortIndex: 0,
      },
      {
        colId: 'employeeNo',
        field: 'employeeNo',
        headerName: t('appraisal.report.employeeNo'),
        width: 150,
        pinned: 'left',
        sort: 'asc',
        sortIndex: 1,
      },
      {
        colId: 'name',
        field: 'name',
        headerName: t('appraisal.report.name'),
        width: 96,
        pinned: 'left',
        cellClass: 'wb-cell-link',
        tooltipValueGetter: () => t('appraisal.ui.openPerson'),
      },
      ...kpiGroups,
      {
        colId: 'total',
        field: 'total',
        headerName: t('appraisal.report.total'),
        width: 118,
        type: 'numericColumn',
        filter: 'agNumberColumnFilter',
        pinned: 'right',
        valueFormatter: (p: ValueFormatterParams<AppraisalPerson, number | null>) =>
          p.value == null ? '' : `${formatNumber(p.value, lang, 2)}${p.data?.adjustment ? ' *' : ''}`,
        tooltipValueGetter: (p) =>
          p.data?.adjustment
            ? t('appraisal.ui.adjustedTip', {
                original: p.data.originalTotal,
                reason: p.data.adjustment.reason,
                by: p.data.adjustment.by,
              })
            : undefined,
      },
      {
        colId: 'grade',
        field: 'grade',
        headerName: t('appraisal.report.grade'),
        width: 76,
        pinned: 'right',
        cellClass: 'wb-cell-grade',
      },
      {
        colId: 'outcomes',
        headerName: t('appraisal.ui.outcomes'),
        width: 220,
        valueGetter: (p) =>
          (p.data?.outcomes ?? [])
            .map(
              (o) =>
                `${t(`appraisal.outcome.${o.type}`)}${o.amount == null ? '' : ` ${formatMoney(o.amount, lang)}`}${o.status === 'proposed' ? '' : ` (${t(`appraisal.outcomeStatus.${o.status}`)})`}`,
            )
            .join(lang === 'zh-CN' ? '；' : '; '),
      },
      {
        colId: 'complete',
        headerName: t('appraisal.ui.ratingStatus'),
        width: 110,
        valueGetter: (p) => (p.data?.complete ? t('appraisal.ui.complete') : t('appraisal.ui.incomplete')),
        cellClassRules: { 'wb-cell-missing': (p) => !p.data?.complete },
      },
    ];
  }, [show.scheme.kpis, def, editable, t, lang]);
}
