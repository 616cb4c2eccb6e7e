import { Card, Empty, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../src-main/contract/records';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** The best salespeople of the year so far, with their share of the leader's sales. */
export function TopPeople({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const best = Math.max(1, ...data.topPeople.map((p) => p.sales));
  return (
    <Card title={t('dashboard.top.title')} variant="outlined" className="wb-card-fill" data-testid="top-people">
      {data.topPeople.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.top.empty')} />
      ) : (
        <ol className="wb-rank">
          {data.topPeople.map((p, i) => (
            <li key={p.employeeNo}>
              <span className={`wb-rank-no ${i < 3 ? 'wb-rank-top' : ''}`}>{i + 1}</span>
              <div className="wb-rank-body">
                <div className="wb-rank-line">
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Typography.Text className="wb-num">{formatMoney(p.sales, lang)}</Typography.Text>
                </div>
                <div className="wb-rank-line">
                  <Typography.Text type="secondary" className="wb-small">
                    {p.employeeNo}
                    {p.team ? ` · ${p.team}` : ''}
                  </Typography.Text>
                </div>
                <Progress percent={(p.sales / best) * 100} showInfo={false} size="small" strokeColor="#1f5fd6" />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
