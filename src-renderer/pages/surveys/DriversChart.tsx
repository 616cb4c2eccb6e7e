import { Alert, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../backend/useOp';
import { EChart } from '../../components/EChart';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { BLUE } from './charts';

/** Key drivers (issue #5 item 8): each item's standardized weight on the NPS, with its correlation. */
export function DriversChart({ surveyId }: { surveyId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useOp('survey/drivers', { surveyId });
  const drivers = useMemo(() => [...(data.data?.drivers ?? [])].reverse(), [data.data]);
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => formatNumber(v, lang, 3),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: drivers.map((d) => d.text), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('survey.ui.drivers.beta'),
          data: drivers.map((d) => d.beta),
          itemStyle: { color: BLUE },
          barMaxWidth: 14,
        },
        {
          type: 'bar',
          name: t('survey.ui.drivers.r'),
          data: drivers.map((d) => d.r),
          itemStyle: { color: '#9bb8ee' },
          barMaxWidth: 14,
        },
      ],
    }),
    [drivers, lang, t],
  );
  return (
    <Card
      size="small"
      title={
        data.data?.outcome
          ? t('survey.ui.drivers.title', { outcome: data.data.outcome.text })
          : t('survey.ui.drivers.titlePlain')
      }
      data-testid="drivers"
    >
      {data.isError && <Alert type="warning" showIcon title={data.error.message} />}
      {data.data && !data.data.outcome && <Alert type="info" showIcon title={t('survey.ui.drivers.noOutcome')} />}
      {drivers.length > 0 && (
        <>
          <EChart
            option={option}
            height={Math.max(200, 50 + drivers.length * 30)}
            ariaLabel={t('survey.ui.drivers.titlePlain')}
          />
          <Typography.Text type="secondary">{t('survey.ui.drivers.help')}</Typography.Text>
        </>
      )}
    </Card>
  );
}
