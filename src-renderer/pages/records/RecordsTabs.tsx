import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Switches between the two lists of the area "Customers & Orders". */
export function RecordsTabs({ current }: { current: 'customers' | 'orders' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Segmented
      value={current}
      onChange={(v) => navigate(`/${v}`)}
      options={[
        { value: 'customers', label: t('records.customers.tab') },
        { value: 'orders', label: t('records.orders.tab') },
      ]}
      data-testid="records-tabs"
    />
  );
}
