import { Alert, Skeleton, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalibrationTeam } from '../../../src-main/contract/appraisal';
import { useOp } from '../../backend/useOp';
import { EChart } from '../../components/EChart';
import { ErrorState } from '../../components/ErrorState';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** Calibration (P6.4): score and grade distribution by team against the target distribution. */
export function CalibrationPanel({ quarter }: { quarter: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const cal = useOp('appraisal/calibration', { quarter });
  const option = useMemo(() => {
    const h = cal.data?.histogram ?? [];
    return {
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: h.map((b) => `${b.from}–${b.to}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('appraisal.ui.people'), data: h.map((b) => b.count) }],
    };
  }, [cal.data, t]);
  if (cal.isPending) return <Skeleton active />;
  if (cal.isError) return <ErrorState error={cal.error} onRetry={() => void cal.refetch()} compact />;
  const { grades, teams, company } = cal.data;
  const departing = teams.filter((x) => x.departs);
  const groupText = (g: CalibrationTeam['groups'][number]) =>
    `${g.grades.join('+')}: ${formatNumber(g.actual, lang, 0)}% / ${g.target}%`;
  return (
    <div className="wb-appraisal-calibration wb-appraisal-scroll">
      {departing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('appraisal.ui.departs', { teams: departing.map((x) => x.team).join('、') })}
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="team"
        dataSource={[...teams, company]}
        columns={[
          {
            title: t('appraisal.ui.team'),
            dataIndex: 'team',
            render: (v: string, r) =>
              r.departs ? (
                <span>
                  {v} <Tag color="orange">{t('appraisal.ui.offTarget')}</Tag>
                </span>
              ) : (
                v
              ),
          },
          { title: t('appraisal.ui.people'), dataIndex: 'people' },
          { title: t('appraisal.ui.mean'), dataIndex: 'mean', render: (v: number | null) => formatNumber(v, lang, 1) },
          {
            title: t('appraisal.ui.range'),
            key: 'range',
            render: (_: unknown, r) =>
              r.min == null ? '—' : `${formatNumber(r.min, lang, 1)} – ${formatNumber(r.max, lang, 1)}`,
          },
          ...grades.map((g) => ({ title: g, key: g, render: (_: unknown, r: CalibrationTeam) => r.grades[g] ?? 0 })),
          {
            title: t('appraisal.ui.distribution'),
            key: 'groups',
            render: (_: unknown, r) => r.groups.map(groupText).join('；'),
          },
        ]}
      />
      <EChart option={option} height={220} ariaLabel={t('appraisal.ui.histogram')} />
    </div>
  );
}
