import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AREAS } from '../../layout/areas';

interface Planned {
  clause: string;
  text: string;
}

interface Props {
  area: 'targets' | 'surveys' | 'appraisals' | 'importExport';
}

/** An area not built yet: says plainly what it will do, clause by clause of the policy. No sample data. */
export function ComingPage({ area }: Props) {
  const { t } = useTranslation();
  const planned = t(`coming.${area}.items`, { returnObjects: true }) as Planned[];
  const now = t(`coming.${area}.meanwhile`, { returnObjects: true }) as { text: string; to?: string; link?: string; code?: string }[];
  const icon = AREAS.find((a) => a.key === area)?.icon;

  return (
    <div className="wb-page" data-testid={`coming-${area}`}>
      <PageHeader
        icon={icon}
        title={
          <>
            {t(`nav.${area}`)} <Tag icon={<ClockCircleOutlined />} color="gold" className="wb-coming-tag">{t('coming.badge')}</Tag>
          </>
        }
        subtitle={t(`coming.${area}.lead`)}
      />
      <Alert type="info" showIcon title={t('coming.notice')} className="wb-block" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('coming.planned')} variant="outlined">
            <ul className="wb-planned">
              {Array.isArray(planned) &&
                planned.map((p) => (
                  <li key={p.clause + p.text}>
                    <Tag color="blue" className="wb-clause">{p.clause}</Tag>
                    <Typography.Text>{p.text}</Typography.Text>
                  </li>
                ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('coming.meanwhileTitle')} variant="outlined">
            <ul className="wb-meanwhile">
              {Array.isArray(now) &&
                now.map((m) => (
                  <li key={m.text}>
                    <Typography.Text>{m.text}</Typography.Text>
                    {m.code && (
                      <div>
                        <Typography.Text code copyable>
                          {m.code}
                        </Typography.Text>
                      </div>
                    )}
                    {m.to && m.link && (
                      <>
                        {' '}
                        <Link to={m.to}>{m.link}</Link>
                      </>
                    )}
                  </li>
                ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
