import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A screen that crashed: say so plainly and offer a way back, never a stack trace. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error('[workbench] screen failed:', error);
  return (
    <Result
      status="error"
      title={t('shell.crashTitle')}
      subTitle={t('shell.crashText')}
      extra={
        <Button type="primary" onClick={() => window.location.assign('#/dashboard')}>
          {t('shell.backToDashboard')}
        </Button>
      }
    />
  );
}
