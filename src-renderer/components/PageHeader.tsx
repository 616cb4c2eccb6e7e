import { Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  icon?: ReactNode;
  /** Buttons and controls on the right. */
  extra?: ReactNode;
}

/** The same header on every screen: icon, title, one line of purpose, actions on the right. */
export function PageHeader({ title, subtitle, icon, extra }: Props) {
  return (
    <div className="wb-page-header">
      <div className="wb-page-header-text">
        {icon && <span className="wb-page-header-icon">{icon}</span>}
        <div>
          <Typography.Title level={3} className="wb-page-title">
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
      </div>
      {extra && <div className="wb-page-header-extra">{extra}</div>}
    </div>
  );
}
