import { BankOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../backend/transport';
import { useOp } from '../backend/useOp';
import { useLang, useSetLang } from '../i18n/LanguageProvider';
import type { Lang } from '../i18n/lang';
import { AREAS, areaOf } from './areas';
import { WindowFileDrop } from './WindowFileDrop';

/** The window's frame: sidebar with every area of the policy, header with the company, the screen. */
export function AppShell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const info = useOp('system/info', {});
  const lang = useLang();
  const setLang = useSetLang();
  const selected = areaOf(location.pathname)?.key ?? '';

  const items = AREAS.map((a) => ({
    key: a.key,
    icon: a.icon,
    label: (
      <span className="wb-nav-label" data-testid={`nav-${a.key}`}>
        {t(`nav.${a.key}`)}
      </span>
    ),
  }));

  return (
    <Layout className="wb-shell">
      <Layout.Sider width={224} className="wb-sider">
        <div className="wb-brand">
          <div className="wb-brand-mark">{t('app.mark')}</div>
          <div className="wb-brand-name">{t('app.name')}</div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={({ key }) => navigate(AREAS.find((a) => a.key === key)?.path ?? '/')}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="wb-header">
          <div className="wb-company" data-testid="company-name">
            <BankOutlined />
            <Typography.Text strong>{info.data?.companyName || t('shell.noCompany')}</Typography.Text>
            {!isDesktop() && (
              <Tooltip title={t('shell.browserModeHint')}>
                <Tag color="blue">{t('shell.browserMode')}</Tag>
              </Tooltip>
            )}
          </div>
          <Dropdown
            menu={{
              selectedKeys: [lang],
              items: [
                { key: 'zh-CN', label: '简体中文' },
                { key: 'en', label: 'English' },
              ],
              onClick: ({ key }) => void setLang(key as Lang),
            }}
          >
            <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch">
              {lang === 'zh-CN' ? '简体中文' : 'English'}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="wb-content">
          <Outlet />
        </Layout.Content>
        <WindowFileDrop />
      </Layout>
    </Layout>
  );
}
