import { Card, Col, Row, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionStats, SurveyAnalysis, SurveyDetail } from '../../../src-main/contract/survey';
import { EChart } from '../../components/EChart';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { BLUE, NPS_VALUE_COLOR, SCALE_COLORS } from './charts';
import { fmtMean, fmtPct } from './surveyFormat';

const short = (s: string, n = 18) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Every 5-point item as one 100% bar, very dissatisfied (red) to very satisfied (green). */
function SatisfactionBars({ a, survey }: { a: SurveyAnalysis; survey: SurveyDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const option = useMemo(() => {
    const items = a.questions.filter((q) => q.type === 'likert5' && q.n > 0).reverse();
    const first = survey.questionList.find((q) => q.type === 'likert5');
    const labels = first?.options.labels?.[lang] ?? ['1', '2', '3', '4', '5'];
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => `${formatNumber(v, lang, 1)}%`,
      },
      legend: { top: 0, data: labels },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: items.map((q) => short(q.text)),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [1, 2, 3, 4, 5].map((v) => ({
        name: labels[v - 1],
        type: 'bar',
        stack: 'all',
        barWidth: 14,
        itemStyle: { color: SCALE_COLORS[5][v - 1] },
        data: items.map((q) => (q.n ? (100 * (q.distribution[String(v)] ?? 0)) / q.n : 0)),
      })),
    };
  }, [a, survey, lang]);
  const count = a.questions.filter((q) => q.type === 'likert5' && q.n > 0).length;
  if (!count) return null;
  return (
    <EChart option={option} height={Math.max(180, 60 + count * 26)} ariaLabel={t('survey.ui.charts.satisfaction')} />
  );
}

/** One question's answers as bars (NPS coloured by class). */
function DistributionChart({ q }: { q: QuestionStats }) {
  const { t } = useTranslation();
  const keys = Object.keys(q.distribution);
  // Many named options (a 15-option multiple choice) do not fit under a third of the page: bars lie down,
  // one option a line, so no label overlaps another (issue 12 item 6).
  const lying = keys.length > 6 && (q.type === 'choice' || q.type === 'multi');
  const option = useMemo(() => {
    const scale = q.type === 'likert5' ? SCALE_COLORS[5] : q.type === 'ces7' ? SCALE_COLORS[7] : null;
    if (lying) {
      return {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        yAxis: {
          type: 'category',
          inverse: true,
          data: keys,
          axisLabel: { interval: 0, width: 140, overflow: 'truncate' },
        },
        xAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            name: t('survey.ui.questions.answersCol'),
            barMaxWidth: 18,
            label: { show: true, position: 'right' },
            data: keys.map((k) => ({ value: q.distribution[k], itemStyle: { color: BLUE } })),
          },
        ],
      };
    }
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: keys.map((k) => short(k, 14)),
        axisLabel: { interval: 0, rotate: keys.length > 6 && q.type !== 'nps' ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('survey.ui.questions.answersCol'),
          barMaxWidth: 42,
          label: { show: true, position: 'top' },
          data: keys.map((k, i) => ({
            value: q.distribution[k],
            itemStyle: { color: q.type === 'nps' ? NPS_VALUE_COLOR(Number(k)) : scale ? scale[i] : BLUE },
          })),
        },
      ],
    };
  }, [q, t, keys, lying]);
  return (
    <EChart
      option={option}
      height={lying ? Math.max(240, 24 + keys.length * 24) : 240}
      ariaLabel={t('survey.ui.charts.distribution', { question: q.text })}
    />
  );
}

/** Per question (issue #5 item 6): answers, mean, CSAT / top-2-box, spread; the chosen one as bars. */
export function QuestionResults({ a, survey }: { a: SurveyAnalysis; survey: SurveyDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const charted = a.questions.filter((q) => Object.keys(q.distribution).length > 0);
  const [selected, setSelected] = useState<number | null>(null);
  const q = charted.find((x) => x.id === selected) ?? charted.find((x) => x.type === 'nps') ?? charted[0];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('survey.ui.questions.resultsTitle')}>
          <Table<QuestionStats>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={a.questions}
            onRow={(r) => ({
              onClick: () => Object.keys(r.distribution).length && setSelected(r.id),
              className: r.id === q?.id ? 'wb-row-selected' : 'wb-row-clickable',
            })}
            columns={[
              {
                title: t('survey.ui.questions.text'),
                dataIndex: 'text',
                ellipsis: { showTitle: true },
                render: (v: string, r) => (
                  <span>
                    <span className="wb-question-code-inline">{r.code}</span> {v}
                  </span>
                ),
              },
              {
                title: t('survey.ui.questions.type'),
                dataIndex: 'type',
                width: 120,
                ellipsis: true,
                render: (v: string) => t(`survey.ui.type.${v}`),
              },
              {
                title: 'n',
                dataIndex: 'n',
                width: 70,
                align: 'right',
                render: (v: number, r) =>
                  r.tooSmall && v > 0 ? <Tag color="warning">{v}</Tag> : formatNumber(v, lang),
              },
              {
                title: t('survey.ui.questions.mean'),
                dataIndex: 'mean',
                width: 80,
                align: 'right',
                render: (v: number | null) => fmtMean(v, lang),
              },
              {
                title: 'CSAT',
                dataIndex: 'csat',
                width: 80,
                align: 'right',
                render: (v: number | null) => fmtPct(v, lang),
              },
              {
                title: t('survey.ui.questions.top2'),
                dataIndex: 'top2',
                width: 90,
                align: 'right',
                render: (v: number | null) => fmtPct(v, lang),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title={q ? t('survey.ui.charts.distribution', { question: q.text }) : t('survey.ui.charts.distributionNone')}
          data-testid="distribution-card"
        >
          {q && <DistributionChart q={q} />}
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('survey.ui.charts.satisfaction')}>
          <SatisfactionBars a={a} survey={survey} />
        </Card>
      </Col>
    </Row>
  );
}
