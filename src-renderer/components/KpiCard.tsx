import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface KpiCardProps {
  testId: string;
  icon: ReactNode;
  /** Colour of the icon's badge: a `wb-tone-*` class. */
  tone: string;
  title: string;
  value: string;
  footer?: ReactNode;
}

/** One headline figure with its icon and a footer line, as on the dashboard and the survey analysis. */
export function KpiCard({ testId, icon, tone, title, value, footer }: KpiCardProps) {
  return (
    <Card className="wb-kpi" variant="outlined" data-testid={testId}>
      <div className="wb-kpi-top">
        <span className={`wb-kpi-icon wb-tone-${tone}`}>{icon}</span>
        <Typography.Text type="secondary">{title}</Typography.Text>
      </div>
      <Statistic value={value} className="wb-kpi-value" />
      <div className="wb-kpi-footer">{footer}</div>
    </Card>
  );
}
