import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupStats } from '../../../src-main/contract/survey';
import { escapeHtml } from '../../components/chartText';
import { EChart } from '../../components/EChart';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { BLUE } from './charts';

const MAX_PEOPLE = 40;

interface Api {
  value: (dim: number) => number;
  coord: (v: [number, number]) => [number, number];
  size: (v: [number, number]) => [number, number];
  style: (s: object) => object;
}

/**
 * NPS with its 95% interval per salesperson (issue #5 item 10), error-bar style: a whisker from the
 * interval's low to high end and the score as a dot; grey when fewer than 30 answers (too small to judge).
 */
export function SalespersonNps({ people }: { people: GroupStats[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const shown = useMemo(
    () =>
      [...people]
        .filter((p) => p.nps !== null)
        .sort((a, b) => b.n - a.n)
        .slice(0, MAX_PEOPLE)
        .sort((a, b) => (a.nps ?? 0) - (b.nps ?? 0)),
    [people],
  );
  const option = useMemo(() => {
    const names = shown.map((p) => p.label);
    const color = (p: GroupStats) => (p.tooSmall ? '#9aa3b2' : BLUE);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (x: { dataIndex: number }) => {
          const p = shown[x.dataIndex];
          return `${escapeHtml(p.label)}<br/>NPS ${formatNumber(p.nps, lang, 1)} (95%: ${formatNumber(p.ci95?.[0], lang, 1)} … ${formatNumber(p.ci95?.[1], lang, 1)})<br/>n = ${p.n}${p.tooSmall ? ` · ${escapeHtml(t('survey.ui.tooSmall'))}` : ''}`;
        },
      },
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: -100, max: 100, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', data: names, axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        {
          type: 'custom',
          name: '95%',
          renderItem: (_: unknown, api: Api) => {
            const y = api.value(0);
            const lo = api.coord([api.value(1), y]);
            const hi = api.coord([api.value(2), y]);
            const cap = api.size([0, 1])[1] * 0.25;
            const style = api.style({ stroke: api.value(3) ? '#9aa3b2' : BLUE, lineWidth: 1.5, fill: 'none' });
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
                { type: 'line', shape: { x1: lo[0], y1: lo[1] - cap, x2: lo[0], y2: lo[1] + cap }, style },
                { type: 'line', shape: { x1: hi[0], y1: hi[1] - cap, x2: hi[0], y2: hi[1] + cap }, style },
              ],
            };
          },
          encode: { y: 0, x: [1, 2] },
          data: shown.map((p, i) => [i, p.ci95?.[0] ?? p.nps, p.ci95?.[1] ?? p.nps, p.tooSmall ? 1 : 0]),
          z: 1,
        },
        {
          type: 'scatter',
          name: 'NPS',
          symbolSize: 9,
          data: shown.map((p) => ({ value: [p.nps, p.label], itemStyle: { color: color(p) } })),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#6b7280' },
            data: [{ xAxis: 0 }],
            label: { show: false },
          },
          z: 2,
        },
      ],
    };
  }, [shown, lang, t]);
  return (
    <Card size="small" title={t('survey.ui.charts.bySalesperson')} data-testid="salesperson-nps">
      {shown.length ? (
        <>
          <EChart
            option={option}
            height={Math.max(200, 40 + shown.length * 24)}
            ariaLabel={t('survey.ui.charts.bySalesperson')}
          />
          <Typography.Text type="secondary">
            {t('survey.ui.charts.bySalespersonNote')}
            {people.length > MAX_PEOPLE &&
              ` ${t('survey.ui.charts.topPeople', { shown: MAX_PEOPLE, total: people.length })}`}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('survey.ui.charts.noNps')}</Typography.Text>
      )}
    </Card>
  );
}
