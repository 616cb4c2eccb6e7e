import { ShopOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../src-main/contract/records';
import { ServerGrid } from '../../components/grid/ServerGrid';
import { PageHeader } from '../../components/PageHeader';
import { RecordsTabs } from './RecordsTabs';
import { useCustomerColumnDefs } from './useCustomerColumnDefs';

/** Customers (P1.4, P3.1, P4.1): every customer with owner, orders and revenue. */
export function CustomersPage() {
  const { t } = useTranslation();
  const columnDefs = useCustomerColumnDefs();
  return (
    <div className="wb-page wb-page-fill">
      <PageHeader
        icon={<ShopOutlined />}
        title={t('nav.records')}
        subtitle={t('records.customers.subtitle')}
        extra={<RecordsTabs current="customers" />}
      />
      <Card variant="outlined" className="wb-card-fill wb-card-grid">
        <ServerGrid<CustomerRow>
          op="customers/page"
          columnDefs={columnDefs}
          totalKey="records.customers.total"
          emptyKey="records.customers"
          searchPlaceholder={t('records.customers.search')}
          testId="customers-grid"
          exportName={t('exportButton.file.customers')}
        />
      </Card>
    </div>
  );
}
