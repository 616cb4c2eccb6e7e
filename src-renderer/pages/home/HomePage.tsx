import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  HomeOutlined,
  SmileOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Card, Col, Progress, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { HomeFigures, HomeRow } from '../../../src-main/contract/sales-report';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatMoneyCompact, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** A tile that opens the screen behind it (issue 15 item 6). */
function Tile({
  testId,
  icon,
  title,
  to,
  children,
}: {
  testId: string;
  icon: ReactNode;
  title: string;
  to: string;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Card
      hoverable
      data-testid={testId}
      onClick={() => void navigate(to)}
      title={
        <span>
          {icon} {title}
        </span>
      }
      size="small"
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

/**
 * The manager's home page: where we stand this month and quarter against target, who is behind the
 * working-day pace, and what needs the manager today. Every tile opens the screen behind it, filtered;
 * tiles of tables still empty say so.
 */
export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const home = useOp('home/show', {});
  if (home.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (home.isError) return <ErrorState error={home.error} onRetry={() => void home.refetch()} />;
  const h = home.data;
  const ym = `${h.year}-${String(h.month).padStart(2, '0')}`;
  const money = (x: number) => formatMoneyCompact(x, lang);
  const figures = (f: HomeFigures) => (
    <>
      <Typography.Text strong>{money(f.actual)}</Typography.Text>{' '}
      <Typography.Text type="secondary">/ {money(f.target)}</Typography.Text>
      <Progress
        percent={Math.round((f.completion ?? 0) * 1000) / 10}
        size="small"
        status={f.completion !== null && f.completion < h.pace.timeShare ? 'exception' : 'normal'}
      />
    </>
  );
  const noData = (k: string) => <Typography.Text type="secondary">{t(`plans.home.noData.${k}`)}</Typography.Text>;
  const rowCols = [
    {
      title: t('plans.home.col.name'),
      dataIndex: 'name',
      render: (v: string, r: HomeRow) => (r.employeeNo ? `${v} · ${r.team ?? ''}` : v),
    },
    {
      title: t('plans.home.col.month'),
      render: (_: unknown, r: HomeRow) => `${money(r.month.actual)} / ${money(r.month.target)}`,
    },
    {
      title: t('plans.home.col.completion'),
      align: 'right' as const,
      render: (_: unknown, r: HomeRow) => formatPercent(r.month.completion, lang),
    },
  ];
  return (
    <div data-testid="home-page">
      <PageHeader
        icon={<HomeOutlined />}
        title={t('plans.home.title')}
        subtitle={t('plans.home.subtitle', {
          asOf: h.asOf,
          time: formatPercent(h.pace.timeShare, lang),
          elapsed: h.pace.elapsedWorkingDays,
          days: h.pace.workingDays,
        })}
      />
      {!h.pace.officialCalendar && (
        <Typography.Paragraph type="warning">{t('plans.calendar.unofficial', { year: h.year })}</Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={8}>
          <Tile
            testId="home-month"
            icon={<AimOutlined />}
            title={t('plans.home.month', { month: ym })}
            to={`/targets?year=${h.year}&tab=tracking`}
          >
            {figures(h.company.month)}
            <Typography.Text type="secondary">
              {t('plans.home.pace', {
                time: formatPercent(h.pace.timeShare, lang),
                target: formatPercent(h.company.month.completion, lang),
              })}
            </Typography.Text>
          </Tile>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Tile
            testId="home-quarter"
            icon={<CalendarOutlined />}
            title={t('plans.home.quarter', { year: h.year, q: h.quarter })}
            to={`/targets?year=${h.year}&tab=tracking`}
          >
            {figures(h.company.quarter)}
          </Tile>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Tile
            testId="home-behind"
            icon={<AlertOutlined />}
            title={t('plans.home.behind', { count: h.behindCount })}
            to={`/plans?tab=suggestions&period=${ym}`}
          >
            {h.behind.length === 0
              ? noData('behind')
              : h.behind.slice(0, 5).map((p) => (
                  <div key={p.id}>
                    {p.name} <Typography.Text type="danger">{money(p.month.actual - p.expected)}</Typography.Text>
                  </div>
                ))}
          </Tile>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Tile
            testId="home-visits"
            icon={<CalendarOutlined />}
            title={t('plans.home.visits')}
            to="/visits?status=overdue"
          >
            {h.overdueVisits.hasData ? (
              <Typography.Title level={3}>{h.overdueVisits.count}</Typography.Title>
            ) : (
              noData('visits')
            )}
          </Tile>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Tile
            testId="home-tickets"
            icon={<AlertOutlined />}
            title={t('plans.home.tickets')}
            to="/service?sla=due-soon&sla=breached&status=new&status=in_progress&status=waiting"
          >
            {h.ticketsNearBreach.hasData ? (
              <Typography.Title level={3}>
                {h.ticketsNearBreach.count}{' '}
                <Tag color="red">{t('plans.home.breached', { count: h.ticketsNearBreach.breached })}</Tag>
              </Typography.Title>
            ) : (
              noData('tickets')
            )}
          </Tile>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Tile
            testId="home-contracts"
            icon={<FileDoneOutlined />}
            title={t('plans.home.contracts')}
            to="/contracts?status=in_review"
          >
            {h.contractsAwaiting.hasData ? (
              <Typography.Title level={3}>
                {h.contractsAwaiting.count} · {money(h.contractsAwaiting.amount)}
              </Typography.Title>
            ) : (
              noData('contracts')
            )}
          </Tile>
        </Col>
        <Col xs={24} xl={12}>
          <Tile
            testId="home-teams"
            icon={<TrophyOutlined />}
            title={t('plans.home.teams')}
            to={`/targets?year=${h.year}&tab=tracking`}
          >
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={h.teams}
              columns={rowCols}
              scroll={{ y: 260 }}
            />
          </Tile>
        </Col>
        <Col xs={24} xl={12}>
          <Tile
            testId="home-ranking"
            icon={<TrophyOutlined />}
            title={t('plans.home.ranking')}
            to={`/reports?period=${ym}`}
          >
            {h.ranking.length === 0 ? (
              noData('ranking')
            ) : (
              <Table size="small" pagination={false} rowKey="id" dataSource={h.ranking} columns={rowCols} />
            )}
          </Tile>
        </Col>
        <Col xs={24} md={12}>
          <Tile testId="home-survey" icon={<SmileOutlined />} title={t('plans.home.survey')} to="/surveys">
            {h.surveyTrend.length === 0
              ? noData('survey')
              : h.surveyTrend.map((m) => (
                  <div key={m.month}>
                    {m.month}: {m.satisfaction === null ? '—' : m.satisfaction.toFixed(2)}{' '}
                    <Typography.Text type="secondary">({m.responses})</Typography.Text>
                  </div>
                ))}
          </Tile>
        </Col>
        <Col xs={24} md={12}>
          <Tile
            testId="home-appraisal"
            icon={<AuditOutlined />}
            title={t('plans.home.appraisal')}
            to={h.appraisal?.status ? `/appraisals?quarter=${h.appraisal.quarter}` : '/appraisals'}
          >
            {h.appraisal?.status
              ? `${h.appraisal.quarter}: ${t(`appraisal.status.${h.appraisal.status}`)}`
              : noData('appraisal')}
          </Tile>
        </Col>
      </Row>
    </div>
  );
}
