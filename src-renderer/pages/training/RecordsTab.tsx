import { InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingRecord } from '../../../src-main/contract/training';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { tableExport } from '../../components/grid/tableExport';

/** P5.5: each person's hours this year against their stage's requirement, and the courses passed. */
export function RecordsTab() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const records = useOp('training/records', { year });
  if (records.isError) return <ErrorState error={records.error} onRetry={() => void records.refetch()} />;
  return (
    <div data-testid="training-records">
      <div className="wb-toolbar">
        <InputNumber
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('training.fields.year')}
        />
        <ExportButton
          fileName={`${t('training.tabs.records')} ${year}`}
          rows={records.data?.length ?? 0}
          disabled={!records.data?.length}
          build={(format) => ({
            op: 'export/rows',
            input: tableExport(
              `${t('training.tabs.records')} ${year}`,
              [
                { title: t('training.fields.employeeNo'), value: (r: TrainingRecord) => r.employeeNo },
                { title: t('training.fields.name'), value: (r: TrainingRecord) => r.name },
                { title: t('training.fields.team'), value: (r: TrainingRecord) => r.team },
                { title: t('training.fields.stage'), value: (r: TrainingRecord) => t(`training.stage.${r.stage}`) },
                { title: t('training.fields.hours'), value: (r: TrainingRecord) => r.hours, format: 'number' },
                { title: t('training.fields.required'), value: (r: TrainingRecord) => r.required, format: 'number' },
                { title: t('training.fields.short'), value: (r: TrainingRecord) => r.short, format: 'number' },
                { title: t('training.fields.passed'), value: (r: TrainingRecord) => r.passed, format: 'int' },
              ],
              records.data ?? [],
              format,
            ),
          })}
          testId="records-export"
        />
      </div>
      <Table<TrainingRecord>
        rowKey="employeeNo"
        size="middle"
        loading={records.isPending}
        dataSource={records.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('training.fields.employeeNo'), dataIndex: 'employeeNo' },
          { title: t('training.fields.name'), dataIndex: 'name' },
          { title: t('training.fields.team'), dataIndex: 'team', render: (v: string | null) => v ?? '—' },
          { title: t('training.fields.stage'), dataIndex: 'stage', render: (s: string) => t(`training.stage.${s}`) },
          { title: t('training.fields.hours'), dataIndex: 'hours', align: 'right' },
          {
            title: t('training.fields.required'),
            dataIndex: 'required',
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('training.fields.short'),
            dataIndex: 'short',
            align: 'right',
            render: (v: number) => (v > 0 ? <Tag color="warning">{v}</Tag> : '0'),
          },
          { title: t('training.fields.passed'), dataIndex: 'passed', align: 'right' },
        ]}
      />
    </div>
  );
}
