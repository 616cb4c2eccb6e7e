import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CustomerServiceOutlined,
  DollarOutlined,
  ShopOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../src-main/contract/records';
import { changeRatio, formatChange, formatMoney, formatNumber, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { KpiCard as Kpi } from '../../components/KpiCard';

/** The five headline numbers: sales and profit this year, the team, customers, open tickets. */
export function KpiCards({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const change = changeRatio(data.ytdSales, data.ytdLastYear);
  const margin = data.ytdSales ? data.ytdProfit / data.ytdSales : null;

  const changeNode =
    change == null ? (
      <Typography.Text type="secondary">{t('dashboard.noLastYear')}</Typography.Text>
    ) : (
      <Typography.Text type={change >= 0 ? 'success' : 'danger'} data-testid="kpi-sales-change">
        {change >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatChange(change, lang)}{' '}
        <Typography.Text type="secondary">
          {t('dashboard.vsLastYear', { amount: formatMoney(data.ytdLastYear, lang) })}
        </Typography.Text>
      </Typography.Text>
    );

  return (
    <div className="wb-kpis">
      <Kpi
        testId="kpi-sales"
        icon={<DollarOutlined />}
        tone="blue"
        title={t('dashboard.kpi.ytdSales', { year: data.year })}
        value={formatMoney(data.ytdSales, lang)}
        footer={changeNode}
      />
      <Kpi
        testId="kpi-profit"
        icon={<WalletOutlined />}
        tone="green"
        title={t('dashboard.kpi.ytdProfit', { year: data.year })}
        value={formatMoney(data.ytdProfit, lang)}
        footer={
          <Typography.Text type="secondary">
            {margin == null ? '—' : t('dashboard.margin', { value: formatPercent(margin, lang) })}
          </Typography.Text>
        }
      />
      <Kpi
        testId="kpi-staff"
        icon={<TeamOutlined />}
        tone="purple"
        title={t('dashboard.kpi.activeStaff')}
        value={formatNumber(data.activeStaff, lang)}
        footer={<Typography.Text type="secondary">{t('dashboard.kpi.activeStaffHint')}</Typography.Text>}
      />
      <Kpi
        testId="kpi-customers"
        icon={<ShopOutlined />}
        tone="cyan"
        title={t('dashboard.kpi.customers')}
        value={formatNumber(data.customers, lang)}
        footer={<Typography.Text type="secondary">{t('dashboard.kpi.customersHint')}</Typography.Text>}
      />
      <Kpi
        testId="kpi-tickets"
        icon={<CustomerServiceOutlined />}
        tone={data.openTickets > 0 ? 'orange' : 'green'}
        title={t('dashboard.kpi.openTickets')}
        value={formatNumber(data.openTickets, lang)}
        footer={<Typography.Text type="secondary">{t('dashboard.kpi.openTicketsHint')}</Typography.Text>}
      />
    </div>
  );
}
