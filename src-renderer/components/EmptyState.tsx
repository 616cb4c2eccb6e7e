import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
}

/** A friendly "nothing here yet" with the next step to take. */
export function EmptyState({ title, description, action }: Props) {
  return (
    <div className="wb-empty">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <div>
            <Typography.Title level={5}>{title}</Typography.Title>
            {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
          </div>
        }
      >
        {action}
      </Empty>
    </div>
  );
}
