import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../src-main/contract/records';
import { EChart } from '../../components/EChart';
import { formatMoney, formatMoneyCompact, monthLabel } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** Monthly sales of this year (bars) against last year (line). */
export function MonthlySalesChart({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const thisYear = t('dashboard.chart.thisYear', { year: data.year });
  const lastYear = t('dashboard.chart.lastYear', { year: data.year - 1 });

  const option = useMemo(
    () => ({
      color: ['#1f5fd6', '#f59e0b'],
      grid: { left: 8, right: 16, top: 40, bottom: 8 },
      legend: { top: 0, right: 0, data: [thisYear, lastYear] },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatMoney(v, lang) : '—'),
      },
      xAxis: {
        type: 'category',
        data: data.months.map((m) => monthLabel(m.month, lang)),
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatMoneyCompact(v, lang) },
        splitLine: { lineStyle: { color: '#eef1f6' } },
      },
      series: [
        {
          name: thisYear,
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { borderRadius: [4, 4, 0, 0] },
          data: data.months.map((m) => m.sales),
        },
        { name: lastYear, type: 'line', smooth: true, symbolSize: 6, data: data.months.map((m) => m.lastYear) },
      ],
    }),
    [data, lang, thisYear, lastYear],
  );

  return (
    <Card title={t('dashboard.chart.title')} variant="outlined" className="wb-card-fill" data-testid="monthly-chart">
      <EChart option={option} height={320} ariaLabel={t('dashboard.chart.title')} />
    </Card>
  );
}
