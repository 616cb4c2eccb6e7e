import { CalendarOutlined } from '@ant-design/icons';
import type { ColDef, GridApi } from 'ag-grid-community';
import { Button, Card, Input, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DueItem } from '../../../src-main/contract/care';
import { useOp } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../../components/ExportButton';
import { displayedRowsExport } from '../../components/grid/gridExport';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDate, formatPercent } from '../../i18n/format';
import { RelationsTabs } from './RelationsTabs';
import { VisitFormModal } from './VisitFormModal';
import { VisitsCalendar } from './VisitsCalendar';

/** Visits due and overdue (P4.2) by grade and days overdue, cadence compliance, and the visit calendar. */
export function VisitsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  // a link may open the list filtered: ?person=NO, ?status=overdue (the home page's "overdue visits")
  const [params] = useSearchParams();
  const [person, setPerson] = useState(params.get('person') ?? '');
  const overdueOnly = params.get('status') === 'overdue';
  const [visiting, setVisiting] = useState<{ id: number; name: string } | null>(null);
  const [api, setApi] = useState<GridApi<DueItem> | null>(null);
  const due = useOp('visits/due', { person: person || null });
  const compliance = useOp('visits/compliance', { person: person || null });
  const columnDefs = useMemo<ColDef<DueItem>[]>(
    () => [
      { field: 'grade', headerName: t('customers.ui.grade'), width: 80 },
      { field: 'customer', headerName: t('customers.ui.name'), flex: 2, minWidth: 200 },
      { field: 'salespersonName', headerName: t('customers.ui.owner'), width: 110 },
      { field: 'team', headerName: t('customers.ui.team'), width: 110 },
      {
        field: 'lastVisit',
        context: { exportFormat: 'date' },
        headerName: t('customers.ui.last-visit'),
        width: 120,
        valueFormatter: (p) => formatDate(p.value, lang),
      },
      {
        field: 'dueDate',
        context: { exportFormat: 'date' },
        headerName: t('customers.ui.due-date'),
        width: 120,
        valueFormatter: (p) => formatDate(p.value, lang),
      },
      {
        field: 'daysOverdue',
        context: { exportFormat: 'int' },
        headerName: t('customers.ui.days-overdue'),
        width: 110,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        cellClass: (p) => ((p.value as number) > 0 ? 'wb-cell-alert' : undefined),
        valueFormatter: (p) =>
          (p.value as number) > 0 ? String(p.value) : t('customers.ui.due-in', { days: -(p.value as number) }),
      },
      {
        colId: 'action',
        headerName: '',
        width: 110,
        sortable: false,
        filter: false,
        cellRenderer: (p: { data?: DueItem }) =>
          p.data ? (
            <Button
              size="small"
              onClick={() => setVisiting({ id: p.data!.customerId, name: p.data!.customer })}
              data-testid={`log-visit-${p.data.code ?? p.data.customerId}`}
            >
              {t('customers.ui.log-visit')}
            </Button>
          ) : null,
      },
    ],
    [t, lang],
  );
  const overdue = due.data?.items.filter((i) => i.status === 'overdue').length ?? 0;
  return (
    <div className="wb-page">
      <PageHeader
        icon={<CalendarOutlined />}
        title={t('customers.ui.visits-title')}
        subtitle={t('customers.ui.visits-subtitle')}
        extra={<RelationsTabs current="visits" />}
      />
      <Space wrap size="large" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={person}
          placeholder={t('customers.ui.person')}
          onSearch={setPerson}
          style={{ width: 200 }}
        />
        <Statistic title={t('customers.ui.overdue')} value={overdue} data-testid="overdue-count" />
        <Statistic title={t('customers.ui.due-soon')} value={(due.data?.items.length ?? 0) - overdue} />
        <Statistic title={t('customers.ui.compliance')} value={formatPercent(compliance.data?.company ?? null, lang)} />
      </Space>
      <Card
        size="small"
        title={t('customers.ui.due-list')}
        style={{ marginBottom: 16 }}
        extra={
          <ExportButton
            fileName={t('customers.ui.due-list')}
            rows={due.data?.items.length ?? null}
            disabled={!api || !due.data?.items.length}
            build={(format) =>
              api
                ? { op: 'export/rows', input: displayedRowsExport(api as GridApi, t('customers.ui.due-list'), format) }
                : null
            }
            testId="due-export"
          />
        }
      >
        {due.error ? (
          <ErrorState error={due.error} onRetry={() => void due.refetch()} />
        ) : (
          <DataGrid
            rowData={due.data?.items}
            columnDefs={columnDefs}
            loading={due.isLoading}
            getRowId={(p) => String(p.data.customerId)}
            onGridReady={(e) => setApi(e.api)}
            initialState={
              overdueOnly
                ? { filter: { filterModel: { daysOverdue: { filterType: 'number', type: 'greaterThan', filter: 0 } } } }
                : undefined
            }
            empty={{ title: t('customers.ui.nothing-due') }}
            height={420}
          />
        )}
        <Typography.Text type="secondary">{t('customers.ui.cadence-note')}</Typography.Text>
      </Card>
      <VisitsCalendar person={person} />
      <VisitFormModal customer={visiting} onClose={() => setVisiting(null)} />
    </div>
  );
}
