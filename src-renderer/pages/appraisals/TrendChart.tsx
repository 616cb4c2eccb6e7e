import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../backend/useOp';
import { EChart } from '../../components/EChart';

/** A person's appraisal history across quarters (P5.6): total score per quarter, grade in the label. */
export function TrendChart({ person }: { person: string }) {
  const { t } = useTranslation();
  const history = useOp('appraisal/history', { person });
  const option = useMemo(() => {
    const points = history.data ?? [];
    return {
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => p.quarter) },
      yAxis: { type: 'value', min: 0, max: 120 },
      series: [
        {
          type: 'line',
          name: t('appraisal.report.total'),
          data: points.map((p) => p.total),
          label: { show: true, formatter: (x: { dataIndex: number }) => points[x.dataIndex]?.grade ?? '' },
        },
      ],
    };
  }, [history.data, t]);
  return <EChart option={option} height={180} ariaLabel={t('appraisal.ui.trend')} />;
}
