import { Alert, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageRow } from '../../../src-main/contract/pipeline';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** P2.6: weighted pipeline closing in the period beside the remaining gap; coverage below the threshold warns. */
export function CoverageTable({ teamId }: { teamId?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [year, setYear] = useState(dayjs().year());
  const [quarter, setQuarter] = useState(Math.floor(dayjs().month() / 3) + 1);
  const cov = useOp('pipeline/coverage', { year, quarter, ...(teamId ? { teamId } : {}) });
  if (cov.error) return <ErrorState error={cov.error} onRetry={() => cov.refetch()} />;
  const rows = cov.data ? [cov.data.company, ...cov.data.teams, ...cov.data.people] : [];
  const money = (v: number) => formatMoney(v, lang);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          value={year}
          onChange={setYear}
          options={[-1, 0, 1].map((d) => ({ value: dayjs().year() + d, label: String(dayjs().year() + d) }))}
        />
        <Select
          value={quarter}
          onChange={setQuarter}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
        />
      </Space>
      {cov.data && (
        <Alert
          type="info"
          showIcon
          title={t('pipeline.coverageNote', { threshold: cov.data.threshold, from: cov.data.from, to: cov.data.to })}
        />
      )}
      <Table<CoverageRow>
        size="small"
        loading={cov.isLoading}
        rowKey={(r) => `${r.scope}-${r.id ?? 0}`}
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        data-testid="coverage-table"
        columns={[
          {
            title: t('pipeline.col.name'),
            render: (_, r) =>
              r.scope === 'company'
                ? t('pipeline.cli.company')
                : r.scope === 'team'
                  ? r.name
                  : `${r.employeeNo} ${r.name}`,
          },
          { title: t('pipeline.col.target'), align: 'right', render: (_, r) => money(r.target) },
          { title: t('pipeline.col.actual'), align: 'right', render: (_, r) => money(r.actual) },
          { title: t('pipeline.col.gap'), align: 'right', render: (_, r) => money(r.gap) },
          { title: t('pipeline.col.weighted'), align: 'right', render: (_, r) => money(r.weightedPipeline) },
          {
            title: t('pipeline.col.coverage'),
            align: 'right',
            render: (_, r) =>
              r.coverage === null ? '—' : <Tag color={r.warning ? 'red' : 'green'}>{`${r.coverage}×`}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
