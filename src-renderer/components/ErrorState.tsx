import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../backend/ApiError';

interface Props {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}

/** A failed load: the server's message (already in the user's language) and a retry button. */
export function ErrorState({ error, onRetry, compact }: Props) {
  const { t } = useTranslation();
  return (
    <Result
      status={compact ? 'warning' : 'error'}
      title={t('common.loadFailed')}
      subTitle={errorMessage(error)}
      className={compact ? 'wb-result-compact' : undefined}
      extra={
        onRetry && (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
