import { Card, InputNumber, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../backend/useOp';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDate } from '../../i18n/format';

/** P4.3 coverage: the A customers who got nothing at Spring Festival, and whose they are. */
export function CareCoverageCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [year, setYear] = useState(dayjs().year());
  const q = useOp('care/coverage', { year, occasion: 'chunjie' });
  const c = q.data;
  return (
    <Card
      size="small"
      title={t('customers.ui.coverage-title')}
      extra={<InputNumber min={2000} max={2099} value={year} onChange={(v) => v && setYear(v)} />}
      data-testid="care-coverage"
    >
      {c && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('customers.ui.coverage-summary', {
              covered: c.covered,
              total: c.aCustomers,
              from: formatDate(c.window.from, lang),
              to: formatDate(c.window.to, lang),
            })}
          </Typography.Text>
          <List
            size="small"
            dataSource={c.byPerson.filter((p) => p.uncovered > 0).slice(0, 20)}
            renderItem={(p) => (
              <List.Item>
                {p.name ?? '—'} ({p.employeeNo ?? '—'}):{' '}
                {t('customers.ui.coverage-person', { uncovered: p.uncovered, total: p.aCustomers })}
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}
