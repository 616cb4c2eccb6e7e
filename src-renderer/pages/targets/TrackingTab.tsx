import { Card, Col, Empty, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackingRow } from '../../../src-main/contract/targets';
import { useOp } from '../../backend/useOp';
import { EChart, type ChartClick } from '../../components/EChart';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney, formatPercent, monthLabel } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { TargetPersonDrawer } from './TargetPersonDrawer';
import { TargetVsActualChart } from './TargetVsActualChart';

/**
 * A horizontal bar ranking; the best is on top, or the furthest behind with `worstOnTop`. Returns the
 * rows in chart order too, so that a click on a bar or on its label finds its row (P2.6 click-through).
 */
function rankingOption(
  rows: TrackingRow[],
  label: (r: TrackingRow) => string,
  lang: string,
  name: string,
  worstOnTop = false,
): { option: EChartsCoreOption; rows: TrackingRow[] } {
  const sorted = [...rows].sort((a, b) => (a.ytd.completion ?? 0) - (b.ytd.completion ?? 0));
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v, lang as 'en') },
    grid: { left: 110, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: {
      type: 'category',
      inverse: worstOnTop,
      triggerEvent: true,
      data: sorted.map(label),
      axisLabel: { width: 100, overflow: 'truncate' },
    },
    series: [
      {
        name,
        type: 'bar',
        data: sorted.map((r) => ({
          value: r.ytd.completion ?? 0,
          itemStyle: {
            color: (r.ytd.completion ?? 0) >= 1 ? '#389e0d' : (r.ytd.completion ?? 0) >= 0.9 ? '#d48806' : '#cf1322',
          },
        })),
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 1 }], lineStyle: { color: '#8c8c8c' } },
      },
    ],
  };
  return { option, rows: sorted };
}

/** The row a click on a ranking means: its bar, or its label on the category axis. */
function clicked(e: ChartClick, rows: TrackingRow[], label: (r: TrackingRow) => string): TrackingRow | undefined {
  if (e.componentType === 'series' && e.dataIndex !== undefined) return rows[e.dataIndex];
  if (e.componentType === 'yAxis') return rows.find((r) => label(r) === e.value);
  return undefined;
}

/** Both rankings label their bars with the person's or the team's name. */
const nameOf = (r: TrackingRow) => r.name;

/** Tracking (P2.6): target against actual by month, completion rankings, and who is behind plan this quarter. */
export function TrackingTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tracking = useOp('targets/tracking', { year });
  const [side, setSide] = useState<'bottom' | 'top'>('bottom');
  const [person, setPerson] = useState<TrackingRow | null>(null);
  // A click on a team's bar narrows the people ranking to that team.
  const [team, setTeam] = useState<string | null>(null);
  const data = tracking.data;
  const teamChart = useMemo(
    () =>
      data ? rankingOption(data.teams, nameOf, lang, t('targets.tracking.ytdCompletion')) : { option: {}, rows: [] },
    [data, lang, t],
  );
  const peopleChart = useMemo(() => {
    if (!data) return { option: {}, rows: [] };
    const withTarget = data.people.filter((p) => p.ytd.target > 0 && (team === null || p.team === team));
    const sorted = [...withTarget].sort((a, b) => (a.ytd.completion ?? 0) - (b.ytd.completion ?? 0));
    const pick = side === 'bottom' ? sorted.slice(0, 12) : sorted.slice(-12);
    return rankingOption(pick, nameOf, lang, t('targets.tracking.ytdCompletion'), side === 'bottom');
  }, [data, side, team, lang, t]);

  if (tracking.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (tracking.isError) return <ErrorState error={tracking.error} onRetry={() => void tracking.refetch()} />;
  if (!data || data.company.year.target === 0) return <Empty description={t('targets.tracking.noTargets', { year })} />;
  const behind = data.people.filter((p) => p.quarter.gap < 0).sort((a, b) => a.quarter.gap - b.quarter.gap);
  const c = data.company;
  const first = 3 * data.quarter - 2;
  const qtdRange =
    first === data.asOfMonth
      ? monthLabel(first, lang)
      : `${monthLabel(first, lang)}–${monthLabel(data.asOfMonth, lang)}`;

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
              <div className={c[k].gap < 0 ? 'wb-negative' : 'wb-positive'}>
                {t('targets.tracking.gapLine', {
                  actual: formatMoney(c[k].actual, lang),
                  target: formatMoney(c[k].target, lang),
                  gap: formatMoney(c[k].gap, lang),
                })}
              </div>
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
            <EChart
              option={teamChart.option}
              height={Math.max(200, data.teams.length * 28 + 40)}
              ariaLabel={t('targets.tracking.teamRanking')}
              onClick={(e) => {
                const r = clicked(e, teamChart.rows, nameOf);
                if (r) setTeam(r.name === team ? null : r.name);
              }}
            />
            <Typography.Text type="secondary">{t('targets.tracking.teamClickHint')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('targets.tracking.peopleRanking')}
            extra={
              <Space>
                {team !== null && (
                  <Tag closable onClose={() => setTeam(null)} data-testid="ranking-team-filter">
                    {t('targets.tracking.teamFilter', { team })}
                  </Tag>
                )}
                <Segmented
                  size="small"
                  value={side}
                  onChange={(v) => setSide(v as 'bottom' | 'top')}
                  options={[
                    { value: 'bottom', label: t('targets.tracking.bottom') },
                    { value: 'top', label: t('targets.tracking.top') },
                  ]}
                />
              </Space>
            }
          >
            <div data-testid="people-ranking">
              <EChart
                option={peopleChart.option}
                height={380}
                ariaLabel={t('targets.tracking.peopleRanking')}
                onClick={(e) => {
                  const r = clicked(e, peopleChart.rows, nameOf);
                  if (r) setPerson(r);
                }}
              />
            </div>
            <Typography.Text type="secondary">{t('targets.tracking.personClickHint')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={t('targets.tracking.behindTitle', {
              quarter: data.quarter,
              month: data.asOfMonth,
              count: behind.length,
            })}
          >
            <Table<TrackingRow>
              size="small"
              rowKey="id"
              dataSource={behind}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              onRow={(r) =>
                ({
                  onClick: () => setPerson(r),
                  style: { cursor: 'pointer' },
                  'data-testid': 'behind-row',
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t('targets.grid.name'), render: (_, r) => `${r.name} · ${r.employeeNo}` },
                { title: t('targets.tracking.team'), dataIndex: 'team' },
                // P2.6: the quarter's figures are to date (its months up to asOfMonth); the whole quarter's target is its own column.
                {
                  title: t('targets.tracking.quarterTarget', { quarter: data.quarter, range: qtdRange }),
                  align: 'right',
                  render: (_, r) => formatMoney(r.quarter.target, lang),
                },
                {
                  title: t('targets.tracking.qtdActual', { quarter: data.quarter }),
                  align: 'right',
                  render: (_, r) => formatMoney(r.quarter.actual, lang),
                },
                {
                  title: t('targets.tracking.qtdCompletion', { quarter: data.quarter }),
                  align: 'right',
                  render: (_, r) => (
                    <Tag color={(r.quarter.completion ?? 0) >= 0.9 ? 'gold' : 'red'}>
                      {formatPercent(r.quarter.completion, lang)}
                    </Tag>
                  ),
                },
                {
                  title: t('targets.tracking.qtdGap', { quarter: data.quarter }),
                  align: 'right',
                  render: (_, r) => <span className="wb-negative">{formatMoney(r.quarter.gap, lang)}</span>,
                },
                {
                  title: t('targets.tracking.quarterTargetFull', { quarter: data.quarter }),
                  align: 'right',
                  render: (_, r) => formatMoney(r.quarterTarget, lang),
                },
                {
                  title: t('targets.tracking.ytdCompletion'),
                  align: 'right',
                  render: (_, r) => formatPercent(r.ytd.completion, lang),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <TargetPersonDrawer year={year} person={person} onClose={() => setPerson(null)} />
    </div>
  );
}
