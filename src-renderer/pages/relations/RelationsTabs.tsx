import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Switches between the three screens of the area "Customer relations": customers, visits, care. */
export function RelationsTabs({ current }: { current: 'relations' | 'visits' | 'care' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Segmented
      value={current}
      onChange={(v) => navigate(`/${v}`)}
      options={[
        { value: 'relations', label: t('customers.ui.tab-customers') },
        { value: 'visits', label: t('customers.ui.tab-visits') },
        { value: 'care', label: t('customers.ui.tab-care') },
      ]}
      data-testid="relations-tabs"
    />
  );
}
