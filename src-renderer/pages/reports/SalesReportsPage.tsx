import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SalesReportListItem } from '../../../src-main/contract/sales-report';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { ReportView } from './ReportView';

const lastMonth = () => {
  const d = new Date();
  d.setDate(0);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/**
 * The weekly and monthly sales reports (P2.6, P5.6): generate one for a team or the company, and the
 * list of the reports kept, each reopened exactly as it was made, with the manager's comments.
 */
export function SalesReportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [period, setPeriod] = useState(params.get('period') ?? lastMonth());
  const [team, setTeam] = useState<string | undefined>(undefined);
  const [reportLang, setReportLang] = useState<'zh-CN' | 'en'>(lang);
  const open = Number(params.get('id')) || null;
  const list = useOp('sales-report/list', {});
  const teams = useOp('teams/list', {});
  const generate = useOpMutation('sales-report/generate');

  const make = () =>
    generate.mutate(
      { period: period.trim(), ...(team ? { team } : {}), lang: reportLang },
      { onSuccess: (r) => setParams({ id: String(r.id) }), onError: (e) => void message.error(errorMessage(e)) },
    );

  if (open) return <ReportView id={open} onBack={() => setParams({})} />;
  return (
    <div data-testid="reports-page">
      <PageHeader icon={<FileTextOutlined />} title={t('plans.reports.title')} subtitle={t('plans.reports.subtitle')} />
      <Card title={t('plans.reports.generate')} style={{ marginBottom: 16 }}>
        <Row gutter={12} align="bottom">
          <Col>
            <Typography.Text type="secondary">{t('plans.reports.period')}</Typography.Text>
            <Input
              data-testid="report-period"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              placeholder="2026-06 / 2026-W23"
              style={{ width: 180, display: 'block' }}
            />
          </Col>
          <Col>
            <Typography.Text type="secondary">{t('plans.reports.scope')}</Typography.Text>
            <Select
              style={{ width: 200, display: 'block' }}
              allowClear
              placeholder={t('plans.report.company')}
              value={team}
              onChange={setTeam}
              options={(teams.data ?? []).map((x: { name: string }) => ({ value: x.name, label: x.name }))}
            />
          </Col>
          <Col>
            <Typography.Text type="secondary">{t('plans.reports.language')}</Typography.Text>
            <Select
              style={{ width: 140, display: 'block' }}
              value={reportLang}
              onChange={setReportLang}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Col>
          <Col>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              loading={generate.isPending}
              onClick={make}
              data-testid="report-generate"
            >
              {t('plans.reports.make')}
            </Button>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('plans.reports.frozen')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('plans.reports.kept')}>
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} compact />}
        {list.data?.length === 0 && <EmptyState title={t('plans.reports.none')} />}
        {!!list.data?.length && (
          <Table<SalesReportListItem>
            size="small"
            rowKey="id"
            dataSource={list.data}
            onRow={(r) => ({ onClick: () => setParams({ id: String(r.id) }), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('plans.reports.period'), dataIndex: 'period' },
              {
                title: t('plans.reports.scope'),
                dataIndex: 'team',
                render: (v: string | null) => v ?? t('plans.report.company'),
              },
              {
                title: t('plans.reports.language'),
                dataIndex: 'lang',
                render: (v: string) => (v === 'en' ? 'English' : '中文'),
              },
              {
                title: t('plans.reports.made'),
                render: (_: unknown, r) => `${formatDateTime(r.createdAt, lang)} · ${r.createdBy}`,
              },
              { title: t('plans.reports.comments'), dataIndex: 'comments', align: 'right' },
              {
                title: '',
                render: (_: unknown, r) => (
                  <Space>
                    <Button size="small" data-testid={`open-report-${r.id}`}>
                      {t('plans.reports.open')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
