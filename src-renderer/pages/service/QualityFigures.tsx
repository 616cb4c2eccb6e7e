import { CheckCircleOutlined, ClockCircleOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QualityGroup } from '../../../src-main/contract/tickets';
import { useOp } from '../../backend/useOp';
import { KpiCard } from '../../components/KpiCard';

const hours = (v: number | null) => (v === null ? '—' : `${v} h`);
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** P4.6: the year's service quality; the appraisal's complaint KPI reads the same clocks (P6.1). */
export function QualityFigures({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const q = useOp('tickets/sla', { from, to });
  if (!q.data) return null;
  const d = q.data;
  return (
    <>
      <div className="wb-kpis">
        <KpiCard
          testId="kpi-within"
          icon={<CheckCircleOutlined />}
          tone="green"
          title={t('tickets.kpi.within')}
          value={pct(d.withinTargetPct)}
          footer={t('tickets.kpi.tickets', { count: d.tickets })}
        />
        <KpiCard
          testId="kpi-resolution"
          icon={<ClockCircleOutlined />}
          tone="blue"
          title={t('tickets.kpi.resolution')}
          value={hours(d.medianResolutionHours)}
          footer={t('tickets.kpi.p90', { value: hours(d.p90ResolutionHours) })}
        />
        <KpiCard
          testId="kpi-response"
          icon={<ClockCircleOutlined />}
          tone="purple"
          title={t('tickets.kpi.response')}
          value={hours(d.medianResponseHours)}
          footer={t('tickets.kpi.p90', { value: hours(d.p90ResponseHours) })}
        />
        <KpiCard
          testId="kpi-complaints"
          icon={<WarningOutlined />}
          tone="orange"
          title={t('tickets.kpi.complaints')}
          value={d.complaintsPer100Orders === null ? '—' : String(d.complaintsPer100Orders)}
          footer={t('tickets.kpi.complaintCount', { count: d.complaints })}
        />
        <KpiCard
          testId="kpi-reopen"
          icon={<ReloadOutlined />}
          tone="red"
          title={t('tickets.kpi.reopen')}
          value={pct(d.reopenRatePct)}
        />
      </div>
      {d.missingSchedule.length > 0 && (
        <Alert type="warning" showIcon title={t('tickets.cli.no-schedule', { years: d.missingSchedule.join(', ') })} />
      )}
      <Card variant="outlined" style={{ marginTop: 16 }} title={t('tickets.byDepartment')}>
        <Table<QualityGroup>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={d.byDepartment}
          columns={[
            { title: t('tickets.col.department'), dataIndex: 'key' },
            { title: t('tickets.col.tickets'), dataIndex: 'tickets', align: 'right' },
            { title: t('tickets.kpi.within'), align: 'right', render: (_, r) => pct(r.withinTargetPct) },
            { title: t('tickets.kpi.resolution'), align: 'right', render: (_, r) => hours(r.medianResolutionHours) },
            { title: 'P90', align: 'right', render: (_, r) => hours(r.p90ResolutionHours) },
            { title: t('tickets.kpi.reopen'), align: 'right', render: (_, r) => pct(r.reopenRatePct) },
          ]}
        />
      </Card>
    </>
  );
}
