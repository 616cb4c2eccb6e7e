import { Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_STAGES, type FunnelRow } from '../../../src-main/contract/recruit';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { tableExport } from '../../components/grid/tableExport';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** The funnel per plan and channel, time to hire and cost per hire; and whether the interview predicted the first appraisal. */
export function FunnelTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const plans = useOp('recruit/plans', {});
  const [planId, setPlanId] = useState<number | undefined>();
  const funnel = useOp('recruit/funnel', planId ? { planId } : {});
  const prediction = useOp('recruit/prediction', {});
  if (funnel.isError) return <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />;
  const rows = funnel.data ? [{ ...funnel.data, key: 'all' }, ...funnel.data.byChannel] : [];
  return (
    <div data-testid="recruit-funnel">
      <div className="wb-toolbar">
        <Select
          allowClear
          style={{ width: 320 }}
          placeholder={t('recruit.fields.plan')}
          value={planId}
          onChange={setPlanId}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
        <ExportButton
          fileName={t('recruit.tabs.funnel')}
          rows={rows.length}
          disabled={!rows.length}
          build={(format) => ({
            op: 'export/rows',
            input: tableExport(
              t('recruit.tabs.funnel'),
              [
                {
                  title: t('recruit.fields.channel'),
                  value: (r: FunnelRow) => (r.key === 'all' ? '∑' : r.key ? t(`recruit.channel.${r.key}`) : '—'),
                },
                ...FUNNEL_STAGES.map((s, i) => ({
                  title: t(`recruit.stage.${s}`),
                  value: (r: FunnelRow) => r.stages[i].count,
                  format: 'int' as const,
                })),
                {
                  title: t('recruit.summary.timeToHire', { days: '' }).trim(),
                  value: (r: FunnelRow) => r.timeToHireDays,
                  format: 'number',
                },
                {
                  title: t('recruit.summary.costPerHire', { cost: '' }).replace('¥', '').trim(),
                  value: (r: FunnelRow) => r.costPerHire,
                  format: 'money',
                },
              ],
              rows,
              format,
            ),
          })}
          testId="funnel-export"
        />
      </div>
      <Table<FunnelRow>
        rowKey="key"
        size="middle"
        pagination={false}
        loading={funnel.isPending}
        dataSource={rows}
        columns={[
          {
            title: t('recruit.fields.channel'),
            dataIndex: 'key',
            render: (k: string) => (k === 'all' ? '∑' : k ? t(`recruit.channel.${k}`) : '—'),
          },
          ...FUNNEL_STAGES.map((s, i) => ({
            title: t(`recruit.stage.${s}`),
            key: s,
            align: 'right' as const,
            render: (_: unknown, r: FunnelRow) => r.stages[i].count,
          })),
          {
            title: t('recruit.summary.timeToHire', { days: '' }).trim(),
            dataIndex: 'timeToHireDays',
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('recruit.summary.costPerHire', { cost: '' }).replace('¥', '').trim(),
            dataIndex: 'costPerHire',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatMoney(v, lang)),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('recruit.tabs.prediction')}
      </Typography.Title>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        loading={prediction.isPending}
        dataSource={[
          ...(prediction.data?.items ?? []),
          ...(prediction.data ? [{ key: '∑', label: '∑', ...prediction.data.overall }] : []),
        ]}
        columns={[
          { title: t('recruit.print.item'), dataIndex: 'label' },
          { title: t('recruit.fields.r'), dataIndex: 'r', render: (v: number | null) => v ?? '—' },
          { title: t('recruit.fields.n'), dataIndex: 'n' },
        ]}
      />
    </div>
  );
}
