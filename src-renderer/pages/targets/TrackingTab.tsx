import { Card, Col, Empty, Row, Segmented, Skeleton, Statistic, Table, Tag } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackingRow } from '../../../src-main/contract/targets';
import { useOp } from '../../backend/useOp';
import { EChart } from '../../components/EChart';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { PersonDrawer } from './PersonDrawer';
import { TargetVsActualChart } from './TargetVsActualChart';

/** A horizontal bar ranking; the best is on top, or the furthest behind with `worstOnTop`. */
function rankingOption(rows: TrackingRow[], label: (r: TrackingRow) => string, lang: string, name: string, worstOnTop = false): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => (a.ytd.completion ?? 0) - (b.ytd.completion ?? 0));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v, lang as 'en') },
    grid: { left: 110, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', inverse: worstOnTop, data: sorted.map(label), axisLabel: { width: 100, overflow: 'truncate' } },
    series: [
      {
        name,
        type: 'bar',
        data: sorted.map((r) => ({ value: r.ytd.completion ?? 0, itemStyle: { color: (r.ytd.completion ?? 0) >= 1 ? '#389e0d' : (r.ytd.completion ?? 0) >= 0.9 ? '#d48806' : '#cf1322' } })),
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 1 }], lineStyle: { color: '#8c8c8c' } },
      },
    ],
  };
}

/** Tracking (P2.6): target against actual by month, completion rankings, and who is behind plan this quarter. */
export function TrackingTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tracking = useOp('targets/tracking', { year });
  const [side, setSide] = useState<'bottom' | 'top'>('bottom');
  const [person, setPerson] = useState<TrackingRow | null>(null);
  const data = tracking.data;
  const teamOption = useMemo(() => (data ? rankingOption(data.teams, (r) => r.name, lang, t('targets.tracking.ytdCompletion')) : {}), [data, lang, t]);
  const peopleOption = useMemo(() => {
    if (!data) return {};
    const withTarget = data.people.filter((p) => p.ytd.target > 0);
    const sorted = [...withTarget].sort((a, b) => (a.ytd.completion ?? 0) - (b.ytd.completion ?? 0));
    const pick = side === 'bottom' ? sorted.slice(0, 12) : sorted.slice(-12);
    return rankingOption(pick, (r) => r.name, lang, t('targets.tracking.ytdCompletion'), side === 'bottom');
  }, [data, side, lang, t]);

  if (tracking.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (tracking.isError) return <ErrorState error={tracking.error} onRetry={() => void tracking.refetch()} />;
  if (!data || data.company.year.target === 0) return <Empty description={t('targets.tracking.noTargets', { year })} />;
  const behind = data.people.filter((p) => p.quarter.gap < 0).sort((a, b) => a.quarter.gap - b.quarter.gap);
  const c = data.company;

  return (
    <div className="wb-target-tracking" data-testid="target-tracking">
      <Row gutter={[16, 16]}>
        {(
          [
            ['month', t('targets.tracking.monthOf', { month: data.asOfMonth })],
            ['quarter', t('targets.tracking.quarterToDate', { quarter: data.quarter })],
            ['ytd', t('targets.tracking.yearToDate')],
            ['year', t('targets.tracking.wholeYear')],
          ] as const
        ).map(([k, title]) => (
          <Col xs={12} xl={6} key={k}>
            <Card size="small">
              <Statistic title={title} value={formatPercent(c[k].completion, lang)} />
              <div className={c[k].gap < 0 ? 'wb-negative' : 'wb-positive'}>{t('targets.tracking.gapLine', { actual: formatMoney(c[k].actual, lang), target: formatMoney(c[k].target, lang), gap: formatMoney(c[k].gap, lang) })}</div>
            </Card>
          </Col>
        ))}
        <Col xs={24}>
          <Card size="small" title={t('targets.tracking.chartTitle')}>
            <TargetVsActualChart months={data.months} asOfMonth={data.asOfMonth} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('targets.tracking.teamRanking')}>
            <EChart option={teamOption} height={Math.max(200, data.teams.length * 28 + 40)} ariaLabel={t('targets.tracking.teamRanking')} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('targets.tracking.peopleRanking')} extra={<Segmented size="small" value={side} onChange={(v) => setSide(v as 'bottom' | 'top')} options={[{ value: 'bottom', label: t('targets.tracking.bottom') }, { value: 'top', label: t('targets.tracking.top') }]} />}>
            <EChart option={peopleOption} height={380} ariaLabel={t('targets.tracking.peopleRanking')} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('targets.tracking.behindTitle', { quarter: data.quarter, count: behind.length })}>
            <Table<TrackingRow>
              size="small"
              rowKey="id"
              dataSource={behind}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              onRow={(r) => ({ onClick: () => setPerson(r), style: { cursor: 'pointer' }, 'data-testid': 'behind-row' } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('targets.grid.name'), render: (_, r) => `${r.name} · ${r.employeeNo}` },
                { title: t('targets.tracking.team'), dataIndex: 'team' },
                { title: t('targets.tracking.quarterTarget'), align: 'right', render: (_, r) => formatMoney(r.quarter.target, lang) },
                { title: t('targets.tracking.actual'), align: 'right', render: (_, r) => formatMoney(r.quarter.actual, lang) },
                { title: t('targets.tracking.completion'), align: 'right', render: (_, r) => <Tag color={(r.quarter.completion ?? 0) >= 0.9 ? 'gold' : 'red'}>{formatPercent(r.quarter.completion, lang)}</Tag> },
                { title: t('targets.tracking.gap'), align: 'right', render: (_, r) => <span className="wb-negative">{formatMoney(r.quarter.gap, lang)}</span> },
                { title: t('targets.tracking.ytdCompletion'), align: 'right', render: (_, r) => formatPercent(r.ytd.completion, lang) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <PersonDrawer year={year} person={person} onClose={() => setPerson(null)} />
    </div>
  );
}
