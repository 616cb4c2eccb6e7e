import { ShopOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../src-main/contract/records';
import { ServerGrid } from '../../components/grid/ServerGrid';
import { PageHeader } from '../../components/PageHeader';
import { RecordsTabs } from './RecordsTabs';
import { useOrderColumnDefs } from './useOrderColumnDefs';

/** Orders (P2.6): every order line, sorted and filtered on the server so a million rows scroll smoothly. */
export function OrdersPage() {
  const { t } = useTranslation();
  const columnDefs = useOrderColumnDefs();
  return (
    <div className="wb-page wb-page-fill">
      <PageHeader
        icon={<ShopOutlined />}
        title={t('nav.records')}
        subtitle={t('records.orders.subtitle')}
        extra={<RecordsTabs current="orders" />}
      />
      <Card variant="outlined" className="wb-card-fill wb-card-grid">
        <ServerGrid<OrderRow>
          op="orders/page"
          columnDefs={columnDefs}
          totalKey="records.orders.total"
          emptyKey="records.orders"
          searchPlaceholder={t('records.orders.search')}
          testId="orders-grid"
          exportName={t('exportButton.file.orders')}
        />
      </Card>
    </div>
  );
}
