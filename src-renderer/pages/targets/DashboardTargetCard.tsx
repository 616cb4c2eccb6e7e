import { Button, Card, Empty, Skeleton, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOp } from '../../backend/useOp';
import { DASHBOARD_TRACKING } from '../../firstReads';
import { formatMoney, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { TargetVsActualChart } from './TargetVsActualChart';

/** The dashboard's compact view of the year against plan (P2.6), with a way to the full tracking. */
export function DashboardTargetCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  // The server tracks the dashboard's year (`year` is the figures' year, the same by construction).
  const tracking = useOp('targets/tracking', DASHBOARD_TRACKING);
  const d = tracking.data;
  let body;
  if (tracking.isPending) body = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (!d || d.company.year.target === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('targets.tracking.noTargets', { year })} />;
  else
    body = (
      <>
        <Space size={32} wrap>
          <Statistic title={t('targets.tracking.yearToDate')} value={formatPercent(d.company.ytd.completion, lang)} />
          <Statistic
            title={t('targets.tracking.quarterToDate', { quarter: d.quarter })}
            value={formatPercent(d.company.quarter.completion, lang)}
          />
          <Statistic
            title={t('targets.tracking.gap')}
            value={formatMoney(d.company.ytd.gap, lang)}
            styles={{ content: { color: d.company.ytd.gap < 0 ? '#cf1322' : '#389e0d', fontSize: 18 } }}
          />
        </Space>
        <TargetVsActualChart months={d.months} asOfMonth={d.asOfMonth} height={220} />
      </>
    );
  return (
    <Card
      title={t('targets.dashboard.title', { year })}
      data-testid="dashboard-targets"
      extra={
        <Button type="link" onClick={() => navigate(`/targets?year=${year}&tab=tracking`)}>
          {t('targets.dashboard.open')}
        </Button>
      }
    >
      {body}
    </Card>
  );
}
