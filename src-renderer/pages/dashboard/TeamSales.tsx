import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../src-main/contract/records';
import { EChart } from '../../components/EChart';
import { formatMoney, formatMoneyCompact } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** Sales of the year so far by team, largest first. */
export function TeamSales({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const teams = useMemo(() => [...data.teams].sort((a, b) => a.sales - b.sales), [data.teams]);

  const option = useMemo(
    () => ({
      grid: { left: 8, right: 80, top: 8, bottom: 8 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatMoney(Number(v), lang),
      },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatMoneyCompact(v, lang) },
        splitLine: { lineStyle: { color: '#eef1f6' } },
      },
      yAxis: {
        type: 'category',
        data: teams.map((x) => x.name || t('dashboard.teams.none')),
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          itemStyle: { color: '#13a8a8', borderRadius: [0, 4, 4, 0] },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatMoneyCompact(p.value, lang),
          },
          data: teams.map((x) => x.sales),
        },
      ],
    }),
    [teams, lang, t],
  );

  return (
    <Card title={t('dashboard.teams.title')} variant="outlined" className="wb-card-fill" data-testid="team-sales">
      {teams.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.teams.empty')} />
      ) : (
        <EChart option={option} height={Math.max(160, teams.length * 44 + 24)} ariaLabel={t('dashboard.teams.title')} />
      )}
    </Card>
  );
}
