import { ScheduleOutlined } from '@ant-design/icons';
import { Input, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { MarketTab } from './MarketTab';
import { PlansTab } from './PlansTab';
import { StrategyTab } from './StrategyTab';
import { SuggestionsTab } from './SuggestionsTab';

const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Sales plans and activities, gap-driven suggestions, market and competitors, strategy (P1.3, P1.5, P2.3–P2.6). */
export function PlansPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'plans';
  const period = params.get('period') ?? thisMonth();
  const set = (patch: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), ...patch }, { replace: true });
  return (
    <div data-testid="plans-page">
      <PageHeader
        icon={<ScheduleOutlined />}
        title={t('plans.ui.title')}
        subtitle={t('plans.ui.subtitle')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('plans.ui.period')}</Typography.Text>
            <Input
              value={period}
              onChange={(e) => set({ period: e.target.value.trim() })}
              style={{ width: 160 }}
              placeholder="2026-06 / 2026Q2"
              data-testid="plans-period"
            />
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'plans', label: t('plans.ui.tabs.plans'), children: <PlansTab period={period} /> },
          { key: 'suggestions', label: t('plans.ui.tabs.suggestions'), children: <SuggestionsTab period={period} /> },
          {
            key: 'market',
            label: t('plans.ui.tabs.market'),
            children: <MarketTab year={Number(period.slice(0, 4)) || new Date().getFullYear()} />,
          },
          {
            key: 'strategy',
            label: t('plans.ui.tabs.strategy'),
            children: <StrategyTab year={Number(period.slice(0, 4)) || new Date().getFullYear()} />,
          },
        ]}
      />
    </div>
  );
}
