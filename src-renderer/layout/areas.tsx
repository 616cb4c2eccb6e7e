import {
  AimOutlined,
  AuditOutlined,
  FileTextOutlined,
  HomeOutlined,
  ScheduleOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  FileProtectOutlined,
  FunnelPlotOutlined,
  DashboardOutlined,
  ReadOutlined,
  ShopOutlined,
  SettingOutlined,
  SmileOutlined,
  SwapOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

interface Area {
  /** Menu key and i18n key under `nav.` */
  key: string;
  path: string;
  icon: ReactNode;
  /** Other routes that belong to the same area (highlight the same menu item). */
  also?: string[];
}

/** Every area of the policy, in the order of the sidebar. */
export const AREAS: Area[] = [
  { key: 'home', path: '/home', icon: <HomeOutlined /> },
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined /> },
  { key: 'team', path: '/team', icon: <TeamOutlined /> },
  { key: 'targets', path: '/targets', icon: <AimOutlined /> },
  { key: 'plans', path: '/plans', icon: <ScheduleOutlined /> },
  { key: 'reports', path: '/reports', icon: <FileTextOutlined /> },
  { key: 'records', path: '/customers', icon: <ShopOutlined />, also: ['/orders'] },
  { key: 'relations', path: '/relations', icon: <ContactsOutlined />, also: ['/visits', '/care'] },
  { key: 'pipeline', path: '/pipeline', icon: <FunnelPlotOutlined /> },
  { key: 'contracts', path: '/contracts', icon: <FileProtectOutlined /> },
  { key: 'service', path: '/service', icon: <CustomerServiceOutlined /> },
  { key: 'surveys', path: '/surveys', icon: <SmileOutlined /> },
  { key: 'appraisals', path: '/appraisals', icon: <AuditOutlined /> },
  { key: 'recruitment', path: '/recruitment', icon: <UserAddOutlined /> },
  { key: 'training', path: '/training', icon: <ReadOutlined /> },
  { key: 'importExport', path: '/import-export', icon: <SwapOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
];

export function areaOf(pathname: string): Area | undefined {
  return AREAS.find((a) => pathname.startsWith(a.path) || a.also?.some((p) => pathname.startsWith(p)));
}
