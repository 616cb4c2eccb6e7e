import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { formatMoneyCompact, monthLabel } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

export interface MonthFigures {
  month: number;
  target: number;
  actual: number;
  cumulativeTarget: number;
  cumulativeActual: number;
}

/** Target against actual by month (bars) with both running totals (lines), P2.6. */
export function TargetVsActualChart({
  months,
  asOfMonth,
  height = 320,
}: {
  months: MonthFigures[];
  asOfMonth: number;
  height?: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const option = useMemo<EChartsCoreOption>(() => {
    const money = (v: number) => formatMoneyCompact(v, lang);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatMoneyCompact(v, lang) },
      legend: { top: 0 },
      grid: { left: 64, right: 64, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month, lang)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: money } },
        { type: 'value', axisLabel: { formatter: money }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('targets.tracking.target'),
          type: 'bar',
          data: months.map((m) => m.target),
          itemStyle: { color: '#c7d6f5' },
        },
        {
          name: t('targets.tracking.actual'),
          type: 'bar',
          data: months.map((m) => (m.month <= asOfMonth ? m.actual : null)),
          itemStyle: { color: '#1f5fd6' },
        },
        {
          name: t('targets.tracking.cumTarget'),
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => m.cumulativeTarget),
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#8c8c8c' },
        },
        {
          name: t('targets.tracking.cumActual'),
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => (m.month <= asOfMonth ? m.cumulativeActual : null)),
          itemStyle: { color: '#d46b08' },
        },
      ],
    };
  }, [months, asOfMonth, lang, t]);
  return <EChart option={option} height={height} ariaLabel={t('targets.tracking.chartTitle')} />;
}
