import { SettingOutlined } from '@ant-design/icons';
import { Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { BackupsCard } from './BackupsCard';
import { DataCard } from './DataCard';
import { GeneralCard } from './GeneralCard';
import { SalesProcessCard } from './SalesProcessCard';

/** Settings: language, company name, where the data lives, backups and restore. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useOp('settings/get', {});
  const info = useOp('system/info', {});

  let body;
  if (settings.isPending || info.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (settings.isError || info.isError)
    body = (
      <ErrorState
        error={settings.error ?? info.error}
        onRetry={() => {
          void settings.refetch();
          void info.refetch();
        }}
      />
    );
  else
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <GeneralCard settings={settings.data} />
        </Col>
        <Col xs={24} xl={12}>
          <DataCard info={info.data} />
        </Col>
        <Col span={24}>
          <SalesProcessCard />
        </Col>
        <Col span={24}>
          <BackupsCard />
        </Col>
      </Row>
    );

  return (
    <div className="wb-page">
      <PageHeader icon={<SettingOutlined />} title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      {body}
    </div>
  );
}
