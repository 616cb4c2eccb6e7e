import { ContactsOutlined } from '@ant-design/icons';
import { Card, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { GridApi } from 'ag-grid-community';
import {
  GRADES,
  LIFECYCLES,
  type CustomerSummary,
  type Grade,
  type Lifecycle,
} from '../../../src-main/contract/customers';
import { useOp } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../../components/ExportButton';
import { displayedRowsExport } from '../../components/grid/gridExport';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useLang } from '../../i18n/LanguageProvider';
import { formatPercent } from '../../i18n/format';
import { RelationsTabs } from './RelationsTabs';
import { useRelationColumnDefs } from './useRelationColumnDefs';

/** Customers (P3.1, P4.1): grade, lifecycle and completeness, filtered; a row opens the customer's page. */
export function RelationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [grade, setGrade] = useState<Grade | undefined>();
  const [lifecycle, setLifecycle] = useState<Lifecycle | undefined>();
  const [incompleteOnly, setIncompleteOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [api, setApi] = useState<GridApi<CustomerSummary> | null>(null);
  const list = useOp('customers/list', { grade: grade ?? null, lifecycle: lifecycle ?? null, incompleteOnly, search });
  const completeness = useOp('customers/completeness', {});
  const columnDefs = useRelationColumnDefs();
  return (
    <div className="wb-page wb-page-fill">
      <PageHeader
        icon={<ContactsOutlined />}
        title={t('customers.ui.title')}
        subtitle={t('customers.ui.subtitle')}
        extra={<RelationsTabs current="relations" />}
      />
      <Card variant="outlined" className="wb-card-fill wb-card-grid">
        <Space wrap style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            placeholder={t('customers.ui.search')}
            onSearch={setSearch}
            style={{ width: 220 }}
            data-testid="relations-search"
          />
          <Select
            allowClear
            placeholder={t('customers.ui.grade')}
            value={grade}
            onChange={setGrade}
            style={{ width: 110 }}
            options={GRADES.map((g) => ({ value: g, label: g }))}
          />
          <Select
            allowClear
            placeholder={t('customers.ui.lifecycle')}
            value={lifecycle}
            onChange={setLifecycle}
            style={{ width: 140 }}
            options={LIFECYCLES.map((l) => ({ value: l, label: t(`customers.lifecycle.${l}`) }))}
          />
          <Checkbox checked={incompleteOnly} onChange={(e) => setIncompleteOnly(e.target.checked)}>
            {t('customers.ui.incomplete-only')}
          </Checkbox>
          <ExportButton
            fileName={t('customers.ui.title')}
            rows={list.data?.rows.length ?? null}
            disabled={!api || !list.data?.rows.length}
            build={(format) =>
              api
                ? { op: 'export/rows', input: displayedRowsExport(api as GridApi, t('customers.ui.title'), format) }
                : null
            }
            testId="relations-export"
          />
          {completeness.data && (
            <Typography.Text type="secondary" data-testid="relations-completeness">
              {t('customers.ui.company-completeness', {
                score: formatPercent(completeness.data.company, lang, 0),
                count: completeness.data.worklist.length,
              })}
            </Typography.Text>
          )}
        </Space>
        {list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DataGrid
            rowData={list.data?.rows}
            columnDefs={columnDefs}
            loading={list.isLoading}
            getRowId={(p) => String(p.data.id)}
            onGridReady={(e) => setApi(e.api)}
            onRowClicked={(e) => e.data && navigate(`/relations/${e.data.id}`)}
            empty={{ title: t('customers.ui.empty') }}
            height="calc(100% - 40px)"
          />
        )}
      </Card>
    </div>
  );
}
