import { FunnelPlotOutlined } from '@ant-design/icons';
import { Card, DatePicker, Select, Space, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../backend/useOp';
import { PageHeader } from '../../components/PageHeader';
import { CoverageTable } from './CoverageTable';
import { OpportunityBoard } from './OpportunityBoard';
import { OpportunityGrid } from './OpportunityGrid';
import './pipeline.css';

/** P3.1, P3.2, P2.6: the opportunities by stage (board and grid) and the pipeline against the target gap. */
export function PipelinePage() {
  const { t } = useTranslation();
  const teams = useOp('teams/list', {});
  const staff = useOp('staff/list', { includeInactive: false });
  const [teamId, setTeamId] = useState<number | undefined>();
  const [staffId, setStaffId] = useState<number | undefined>();
  const [productId, setProductId] = useState<number | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const products = useOp('pipeline/products', {});
  // P3.1: by team, person, product and the period the deals are expected to close in
  const filter = {
    ...(teamId ? { teamId } : {}),
    ...(staffId ? { staffId } : {}),
    ...(productId ? { productId } : {}),
    ...(period?.[0] ? { from: period[0].format('YYYY-MM-DD') } : {}),
    ...(period?.[1] ? { to: period[1].format('YYYY-MM-DD') } : {}),
  };
  const people = (staff.data ?? []).filter((s) => !teamId || s.teamId === teamId);
  const filters = (
    <Space>
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('pipeline.filter.team')}
        value={teamId}
        onChange={(v) => (setTeamId(v), setStaffId(undefined))}
        options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        data-testid="pipeline-team"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 180 }}
        placeholder={t('pipeline.filter.person')}
        value={staffId}
        onChange={setStaffId}
        options={people.map((s) => ({ value: s.id, label: `${s.employeeNo} ${s.name}` }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
        placeholder={t('pipeline.filter.product')}
        value={productId}
        onChange={setProductId}
        options={(products.data ?? []).map((p) => ({ value: p.id, label: p.code ? `${p.code} ${p.name}` : p.name }))}
        data-testid="pipeline-product"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={period}
        onChange={(v) => setPeriod(v)}
        placeholder={[t('pipeline.filter.closeFrom'), t('pipeline.filter.closeTo')]}
        data-testid="pipeline-period"
      />
    </Space>
  );
  return (
    <div className="wb-page">
      <PageHeader
        icon={<FunnelPlotOutlined />}
        title={t('nav.pipeline')}
        subtitle={t('pipeline.subtitle')}
        extra={filters}
      />
      <Card variant="outlined">
        <Tabs
          items={[
            { key: 'board', label: t('pipeline.tabs.board'), children: <OpportunityBoard filter={filter} /> },
            { key: 'grid', label: t('pipeline.tabs.grid'), children: <OpportunityGrid filter={filter} /> },
            { key: 'coverage', label: t('pipeline.tabs.coverage'), children: <CoverageTable teamId={teamId} /> },
          ]}
        />
      </Card>
    </div>
  );
}
