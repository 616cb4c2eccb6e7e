import { Alert, Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyPlan, WaveTrendPoint } from '../../../src-main/contract/survey';
import { useOp } from '../../backend/useOp';
import { EChart } from '../../components/EChart';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { BLUE } from './charts';
import { fmtCi, fmtNps, fmtP, fmtPct } from './surveyFormat';

type WaveComparison = NonNullable<WaveTrendPoint['change']>;

function ChangeTag({ c }: { c: WaveComparison }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (c.change === null) return <Tag>{t('survey.ui.waves.noChange')}</Tag>;
  const color = c.significant ? (c.change > 0 ? 'green' : 'red') : 'default';
  return (
    <Tag color={color} data-testid="wave-change">
      {fmtNps(c.change, lang)} · p = {fmtP(c.p)} ·{' '}
      {c.tooSmall
        ? t('survey.ui.tooSmall')
        : c.significant
          ? t('survey.ui.waves.significant')
          : t('survey.ui.waves.notSignificant')}
    </Tag>
  );
}

/** The chain of waves ending at this survey: NPS with its interval and CSAT per wave (issue #5 items 7, 10). */
function TrendChart({ points }: { points: WaveTrendPoint[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v, lang, 1) },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => p.name) },
      yAxis: [
        { type: 'value', name: 'NPS', min: -100, max: 100 },
        { type: 'value', name: 'CSAT %', min: 0, max: 100, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'line',
          name: 'NPS',
          data: points.map((p) => p.nps.score),
          itemStyle: { color: BLUE },
          label: { show: true, formatter: (x: { value: number }) => fmtNps(x.value, lang) },
        },
        {
          type: 'line',
          name: t('survey.ui.waves.ciLow'),
          data: points.map((p) => p.nps.ci95?.[0] ?? null),
          lineStyle: { type: 'dashed', opacity: 0.5 },
          itemStyle: { color: BLUE },
          symbol: 'none',
        },
        {
          type: 'line',
          name: t('survey.ui.waves.ciHigh'),
          data: points.map((p) => p.nps.ci95?.[1] ?? null),
          lineStyle: { type: 'dashed', opacity: 0.5 },
          itemStyle: { color: BLUE },
          symbol: 'none',
        },
        { type: 'line', name: 'CSAT', yAxisIndex: 1, data: points.map((p) => p.csat), itemStyle: { color: '#2f9e58' } },
      ],
    }),
    [points, lang, t],
  );
  return <EChart option={option} height={260} ariaLabel={t('survey.ui.waves.trend')} />;
}

/** Waves: the trend across earlier waves and a significance test of the NPS change against any survey. */
export function WavesPanel({ surveyId, surveys }: { surveyId: number; surveys: SurveyPlan[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const trend = useOp('survey/trend', { surveyId });
  const others = surveys.filter((s) => s.id !== surveyId && s.responses > 0);
  const [other, setOther] = useState<number | undefined>(undefined);
  const compare = useOp(
    'survey/compare',
    { earlierId: other ?? 0, laterId: surveyId },
    { enabled: other !== undefined },
  );
  const points = trend.data ?? [];
  return (
    <Card size="small" title={t('survey.ui.waves.title')}>
      {points.length > 1 ? (
        <>
          <TrendChart points={points} />
          <Space wrap>
            {points.slice(1).map((p, i) => (
              <span key={p.surveyId}>
                <Typography.Text type="secondary">
                  {points[i].name} → {p.name}:{' '}
                </Typography.Text>
                {p.change && <ChangeTag c={p.change} />}
              </span>
            ))}
          </Space>
        </>
      ) : (
        <Alert type="info" showIcon title={t('survey.ui.waves.single')} />
      )}
      <div className="wb-waves-compare">
        <Typography.Text>{t('survey.ui.waves.compareWith')}</Typography.Text>
        <Select
          allowClear
          style={{ width: 320 }}
          value={other}
          onChange={setOther}
          placeholder={t('survey.ui.waves.pick')}
          options={others.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="wave-compare"
        />
      </div>
      {compare.data && (
        <Descriptions size="small" column={1} bordered className="wb-waves-result">
          <Descriptions.Item label={compare.data.earlier.name}>
            NPS {fmtNps(compare.data.earlier.nps.score, lang)} ({fmtCi(compare.data.earlier.nps.ci95, lang)}), n ={' '}
            {compare.data.earlier.nps.n}, CSAT {fmtPct(compare.data.earlier.csat, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={compare.data.later.name}>
            NPS {fmtNps(compare.data.later.nps.score, lang)} ({fmtCi(compare.data.later.nps.ci95, lang)}), n ={' '}
            {compare.data.later.nps.n}, CSAT {fmtPct(compare.data.later.csat, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('survey.ui.waves.change')}>
            <ChangeTag c={compare.data.change} />
          </Descriptions.Item>
        </Descriptions>
      )}
      {compare.isError && <Alert type="warning" showIcon title={compare.error.message} />}
    </Card>
  );
}
