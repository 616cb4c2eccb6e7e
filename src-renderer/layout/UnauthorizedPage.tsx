import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Browser mode, HTTP 401: the token belongs to an earlier run of `npm run web`. */
export function UnauthorizedPage() {
  const { t } = useTranslation();
  return (
    <div className="wb-splash" data-testid="unauthorized">
      <Result
        status="403"
        title={t('transport.unauthorizedTitle')}
        subTitle={
          <Typography.Paragraph type="secondary" style={{ maxWidth: 520, margin: '0 auto' }}>
            {t('transport.unauthorizedText')}
          </Typography.Paragraph>
        }
        extra={<Typography.Text code>npm run web</Typography.Text>}
      />
    </div>
  );
}
