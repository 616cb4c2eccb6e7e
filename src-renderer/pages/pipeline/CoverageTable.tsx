import { Alert, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageRow } from '../../../src-main/contract/pipeline';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { listExport, type ListColumn } from '../../components/grid/gridExport';
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
  const nameOf = (r: CoverageRow) =>
    r.scope === 'company' ? t('pipeline.cli.company') : r.scope === 'team' ? r.name : `${r.employeeNo} ${r.name}`;
  const exportColumns: ListColumn<CoverageRow>[] = [
    { header: t('pipeline.col.name'), format: 'text', value: nameOf },
    { header: t('pipeline.col.target'), format: 'money', value: (r) => r.target },
    { header: t('pipeline.col.actual'), format: 'money', value: (r) => r.actual },
    { header: t('pipeline.col.gap'), format: 'money', value: (r) => r.gap },
    { header: t('pipeline.col.weighted'), format: 'money', value: (r) => r.weightedPipeline },
    { header: t('pipeline.col.coverage'), format: 'number', value: (r) => r.coverage },
    { header: t('pipeline.export.warning'), format: 'bool', value: (r) => r.warning },
  ];
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
        <ExportButton
          fileName={`${t('pipeline.export.coverage')} ${year}Q${quarter}`}
          rows={rows.length}
          disabled={!rows.length}
          build={(format) => ({
            op: 'export/rows',
            input: listExport(t('pipeline.export.coverage'), exportColumns, rows, format),
          })}
          testId="coverage-export"
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
            render: (_, r) => nameOf(r),
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
