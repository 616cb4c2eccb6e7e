import {
  CloudUploadOutlined,
  DashboardOutlined,
  ReloadOutlined,
  RocketOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Col, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DashboardSummary } from '../../../src-main/contract/records';
import { errorMessage } from '../../backend/ApiError';
import { useOp } from '../../backend/useOp';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useRunJob } from '../../components/JobRunner';
import { PageHeader } from '../../components/PageHeader';
import { KpiCards } from './KpiCards';
import { MonthlySalesChart } from './MonthlySalesChart';
import { TeamSales } from './TeamSales';
import { TopPeople } from './TopPeople';
import { DashboardTargetCard } from '../targets/DashboardTargetCard';

function isEmpty(d: DashboardSummary): boolean {
  return (
    d.ytdSales === 0 &&
    d.ytdLastYear === 0 &&
    d.activeStaff === 0 &&
    d.customers === 0 &&
    d.months.every((m) => !m.sales && !m.lastYear)
  );
}

function DashboardSkeleton() {
  return (
    <div data-testid="dashboard-loading">
      <div className="wb-kpis">
        {[0, 1, 2, 3, 4].map((i) => (
          <Card key={i} className="wb-kpi">
            <Skeleton active paragraph={{ rows: 1 }} />
          </Card>
        ))}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** The manager's first screen: the year so far at a glance (sales, profit, team, customers, tickets). */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const runJob = useRunJob();
  const { message } = App.useApp();
  const summary = useOp('dashboard/summary', {});
  const info = useOp('system/info', {});
  const dbIsEmpty = !!info.data && Object.values(info.data.counts).every((n) => n === 0);

  const explore = async () => {
    try {
      await runJob('demo/create', { size: 'small' });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  let body;
  if (summary.isPending) body = <DashboardSkeleton />;
  else if (summary.isError) body = <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  else if (isEmpty(summary.data))
    body = (
      <Card variant="outlined" data-testid="dashboard-empty">
        <EmptyState
          title={t('dashboard.empty.title')}
          description={t('dashboard.empty.text')}
          action={
            <Space wrap>
              <Button type="primary" icon={<TeamOutlined />} onClick={() => navigate('/team')}>
                {t('dashboard.empty.addTeam')}
              </Button>
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/import-export')}>
                {t('dashboard.empty.import')}
              </Button>
              {dbIsEmpty && (
                <Button icon={<RocketOutlined />} onClick={() => void explore()}>
                  {t('dashboard.empty.demo')}
                </Button>
              )}
            </Space>
          }
        />
      </Card>
    );
  else
    body = (
      <div data-testid="dashboard">
        <KpiCards data={summary.data} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <MonthlySalesChart data={summary.data} />
              <TeamSales data={summary.data} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <TopPeople data={summary.data} />
              <DashboardTargetCard year={summary.data.year} />
            </Space>
          </Col>
        </Row>
      </div>
    );

  return (
    <div className="wb-page">
      <PageHeader
        icon={<DashboardOutlined />}
        title={t('nav.dashboard')}
        subtitle={summary.data ? t('dashboard.subtitle', { year: summary.data.year }) : t('dashboard.subtitleLoading')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void summary.refetch()}
            loading={summary.isFetching && !summary.isPending}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      {body}
    </div>
  );
}
