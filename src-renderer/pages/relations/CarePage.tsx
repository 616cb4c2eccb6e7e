import { GiftOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { Alert, Button, Card, DatePicker, Input, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareListItem } from '../../../src-main/contract/care';
import { saveDownload } from '../../backend/download';
import { invoke } from '../../backend/transport';
import { useOp } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDate } from '../../i18n/format';
import { CareCoverageCard } from './CareCoverageCard';
import { CareSettingsCard } from './CareSettingsCard';
import { careCellRender, useCareDayLabels } from './careDays';
import { MarkSentButton } from './MarkSentButton';
import { RelationsTabs } from './RelationsTabs';

/** The daily or weekly care list (P4.3): who to greet, the greeting filled in, sent or not; export for SMS/e-mail tools. */
export function CarePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [days, setDays] = useState(1);
  const [person, setPerson] = useState('');
  const input = { date: date.format('YYYY-MM-DD'), days, person: person || null };
  const list = useOp('care/list', input);
  // The company-wide days of the year: whether its official schedule is known, and the picker's marks.
  const calendar = useOp('care/calendar', { year: date.year(), companyOnly: true });
  const labels = useCareDayLabels([date.year()]);
  const columnDefs = useMemo<ColDef<CareListItem>[]>(
    () => [
      {
        field: 'date',
        headerName: t('customers.care.columns.date'),
        width: 110,
        valueFormatter: (p) => formatDate(p.value, lang),
      },
      { field: 'occasion', headerName: t('customers.care.columns.occasion'), width: 130 },
      { field: 'customer', headerName: t('customers.care.columns.customer'), flex: 1, minWidth: 180 },
      { field: 'contact', headerName: t('customers.care.columns.contact'), width: 100 },
      { field: 'mobile', headerName: t('customers.care.columns.mobile'), width: 130 },
      { field: 'salespersonName', headerName: t('customers.care.columns.salesperson'), width: 100 },
      { field: 'text', headerName: t('customers.care.columns.text'), flex: 2, minWidth: 260, tooltipField: 'text' },
      {
        colId: 'sent',
        headerName: t('customers.care.columns.sent'),
        width: 120,
        sortable: false,
        filter: false,
        cellRenderer: (p: { data?: CareListItem }) => (p.data ? <MarkSentButton item={p.data} /> : null),
      },
    ],
    [t, lang],
  );
  const exportAs = async (format: 'xlsx' | 'csv') => saveDownload(await invoke('care/export', { ...input, format }));
  return (
    <div className="wb-page">
      <PageHeader
        icon={<GiftOutlined />}
        title={t('customers.ui.care-title')}
        subtitle={t('customers.ui.care-subtitle')}
        extra={<RelationsTabs current="care" />}
      />
      {calendar.data && !calendar.data.officialSchedule && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('customers.cli.not-official', { year: date.year() })}
          data-testid="care-not-official"
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          value={date}
          onChange={(d) => d && setDate(d)}
          allowClear={false}
          cellRender={careCellRender(labels)}
          data-testid="care-date"
        />
        <Segmented
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={[
            { value: 1, label: t('customers.ui.day') },
            { value: 7, label: t('customers.ui.week') },
          ]}
        />
        <Input.Search allowClear placeholder={t('customers.ui.person')} onSearch={setPerson} style={{ width: 200 }} />
        <Button onClick={() => void exportAs('xlsx')}>{t('customers.ui.export-xlsx')}</Button>
        <Button onClick={() => void exportAs('csv')}>{t('customers.ui.export-csv')}</Button>
      </Space>
      <Card
        size="small"
        title={t('customers.ui.care-list', { count: list.data?.items.length ?? 0 })}
        style={{ marginBottom: 16 }}
      >
        {list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DataGrid
            rowData={list.data?.items}
            columnDefs={columnDefs}
            loading={list.isLoading}
            getRowId={(p) => `${p.data.date}|${p.data.occasionKey}|${p.data.customerId}|${p.data.contactId ?? ''}`}
            empty={{ title: t('customers.ui.nothing-to-send') }}
            height={420}
          />
        )}
      </Card>
      <CareCoverageCard />
      <CareSettingsCard />
    </div>
  );
}
