import { ContactsOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageHeader } from '../../components/PageHeader';
import { useLang } from '../../i18n/LanguageProvider';
import { changeRatio, formatChange, formatDate, formatMoney, formatNumber, formatPercent } from '../../i18n/format';
import { RelationsTabs } from './RelationsTabs';
import { VisitFormModal } from './VisitFormModal';

const KIND_COLOR: Record<string, string> = {
  order: 'blue',
  visit: 'green',
  care: 'magenta',
  survey: 'gold',
  ticket: 'red',
  note: 'gray',
  stage: 'purple',
};

/** One customer's page (issue 13 item 6): master data, grade and its reasons, contacts, yearly sales, one timeline. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = Number(useParams().id);
  const q = useOp('customers/get', { id });
  const [visiting, setVisiting] = useState(false);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const reasonText = (r: { key: string; params: Record<string, string | number> }) =>
    t(
      `customers.grade-reason.${r.key}`,
      Object.fromEntries(
        Object.entries(r.params).map(([k, v]) => [
          k,
          typeof v === 'number' ? formatNumber(v, lang, k.startsWith('margin') ? 1 : 0) : v,
        ]),
      ),
    );
  return (
    <div className="wb-page" data-testid="customer-page">
      <PageHeader
        icon={<ContactsOutlined />}
        title={c.name}
        subtitle={[c.code, c.ownerName, c.city].filter(Boolean).join(' · ')}
        extra={
          <Space>
            <Button type="primary" onClick={() => setVisiting(true)} data-testid="log-visit">
              {t('customers.ui.log-visit')}
            </Button>
            <RelationsTabs current="relations" />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('customers.ui.master-data')} size="small">
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('customers.ui.grade')}>
                <Tag color={c.grade === 'A' ? 'red' : c.grade === 'B' ? 'orange' : 'default'}>{c.grade ?? '—'}</Tag>
                {c.overridden && (
                  <Typography.Text type="secondary">
                    {t('customers.ui.overridden', { rule: c.ruleGrade ?? '—' })}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.lifecycle')}>
                {t(`customers.lifecycle.${c.lifecycle}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.sales12')}>{formatMoney(c.sales12, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.margin12')}>
                {formatPercent(c.sales12 ? c.profit12 / c.sales12 : null, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.cadence')}>
                {t('customers.ui.cadence-days', { days: c.cadenceDays })}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.next-visit')}>
                {formatDate(c.nextVisitDue, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.industry')}>{c.industry ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.source')}>{c.source ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.address')} span={2}>
                {c.address ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.ui.completeness')} span={2}>
                {formatPercent(c.completeness, lang, 0)}{' '}
                {c.missing.length > 0 &&
                  `· ${t('customers.ui.missing')}: ${c.missing.map((k) => t(`customers.missing.${k}`)).join('、')}`}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('customers.ui.grade-reasons')}</Typography.Title>
            <ul data-testid="grade-reasons">
              {c.gradeReasons.map((r, i) => (
                <li key={i}>{reasonText(r)}</li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('customers.ui.yearly-sales')} size="small">
            <Table
              size="small"
              pagination={false}
              rowKey="year"
              dataSource={c.yearlySales}
              columns={[
                { title: t('customers.ui.year'), dataIndex: 'year' },
                {
                  title: t('customers.ui.sales'),
                  dataIndex: 'sales',
                  align: 'right',
                  render: (v: number) => formatMoney(v, lang),
                },
                {
                  title: t('customers.ui.yoy'),
                  align: 'right',
                  render: (_: unknown, r, i) =>
                    i > 0 ? formatChange(changeRatio(r.sales, c.yearlySales[i - 1].sales), lang) : '—',
                },
              ]}
            />
          </Card>
          <Card title={t('customers.ui.contacts')} size="small" style={{ marginTop: 16 }}>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={c.contactList}
              columns={[
                { title: t('customers.ui.contact'), dataIndex: 'name' },
                { title: t('customers.ui.contact-title'), dataIndex: 'title' },
                {
                  title: t('customers.ui.role'),
                  dataIndex: 'role',
                  render: (v: string | null) => (v ? t(`customers.role.${v}`) : '—'),
                },
                { title: t('customers.ui.mobile'), dataIndex: 'mobile' },
                {
                  title: t('customers.ui.birthday'),
                  render: (_: unknown, k) =>
                    k.birthMonth
                      ? `${k.birthCalendar === 'lunar' ? t('customers.ui.lunar') : ''}${k.birthMonth}/${k.birthDay}`
                      : '—',
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('customers.ui.timeline')} size="small">
            <Timeline
              data-testid="customer-timeline"
              items={c.timeline.slice(0, 100).map((i) => ({
                color: KIND_COLOR[i.kind],
                children: (
                  <span>
                    <Typography.Text strong>{formatDate(i.date, lang)}</Typography.Text>{' '}
                    <Tag color={KIND_COLOR[i.kind]}>{t(`customers.timeline.${i.kind}`)}</Tag> {i.title}
                    {i.amount !== undefined && ` · ${formatMoney(i.amount, lang)}`}
                    {i.detail && <Typography.Text type="secondary"> · {i.detail}</Typography.Text>}
                  </span>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <VisitFormModal
        customer={visiting ? { id: c.id, name: c.name } : null}
        contacts={c.contactList}
        onClose={() => setVisiting(false)}
      />
    </div>
  );
}
