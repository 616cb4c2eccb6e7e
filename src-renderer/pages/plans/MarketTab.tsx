import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Modal, Row, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Competitor, LostOpportunity, MarketNewsItem } from '../../../src-main/contract/plans';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** Shares typed as "华东 18, 华南 9": region and percent. */
function parseShares(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (text ?? '').split(/[,，;；]/)) {
    const m = part.trim().match(/^(.+?)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*%?$/);
    if (m) out[m[1].trim()] = Number(m[2]);
  }
  return out;
}

/** The deals lost to one competitor, under its row (P1.5, P2.3). */
function LostDeals({ list }: { list: LostOpportunity[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table<LostOpportunity>
      size="small"
      rowKey="id"
      dataSource={list}
      pagination={false}
      data-testid="lost-deals"
      columns={[
        { title: t('plans.ui.date'), dataIndex: 'date' },
        { title: t('plans.ui.opportunity'), dataIndex: 'title' },
        { title: t('plans.ui.customer'), dataIndex: 'customer' },
        { title: t('plans.ui.owner'), dataIndex: 'owner' },
        {
          title: t('plans.ui.amount'),
          align: 'right',
          render: (_, o) => (o.amount === null ? '—' : formatMoney(o.amount, lang)),
        },
        { title: t('plans.ui.lostReason'), dataIndex: 'reason' },
      ]}
    />
  );
}

/** Tie a news item to a lost deal: those lost to the chosen competitor, else all, newest first. */
function LostOpportunitySelect({
  competitorId,
  value,
  onChange,
}: {
  competitorId?: number;
  value?: number;
  onChange?: (v: number | undefined) => void;
}) {
  const lost = useOp('market/lost-opportunities', competitorId ? { competitorId } : {});
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={lost.isLoading}
      value={value}
      onChange={onChange}
      data-testid="news-opportunity"
      options={(lost.data ?? []).map((o) => ({
        value: o.id,
        label: `${o.date} · ${o.customer} · ${o.title}${o.competitor ? ` · ${o.competitor}` : ''}`,
      }))}
    />
  );
}

/** Competitors with the deals lost to them, and market news tied to a year and to a lost deal (P1.5, P2.3). */
export function MarketTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const competitors = useOp('market/competitors', {});
  const news = useOp('market/news', { year });
  const saveC = useOpMutation('market/competitor-save');
  const saveN = useOpMutation('market/news-save');
  const [cOpen, setCOpen] = useState(false);
  const [nOpen, setNOpen] = useState(false);
  const [cForm] = Form.useForm<{
    name: string;
    products?: string;
    pricePoints?: string;
    shares?: string;
    strengths?: string;
    weaknesses?: string;
    recentMoves?: string;
  }>();
  const [nForm] = Form.useForm<{
    date: string;
    source?: string;
    region?: string;
    productLine?: string;
    note: string;
    link?: string;
    competitorId?: number;
    opportunityId?: number;
  }>();
  const newsCompetitor = Form.useWatch('competitorId', nForm);
  if (competitors.isError) return <ErrorState error={competitors.error} />;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('plans.ui.competitors')}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => setCOpen(true)}>
              {t('plans.ui.add')}
            </Button>
          }
        >
          <Table<Competitor>
            size="small"
            rowKey="id"
            dataSource={competitors.data}
            pagination={false}
            locale={{ emptyText: t('plans.ui.noCompetitors') }}
            expandable={{
              rowExpandable: (c) => c.lost.count > 0,
              expandedRowRender: (c) => <LostDeals list={c.lost.opportunities} />,
            }}
            columns={[
              { title: t('plans.ui.name'), dataIndex: 'name' },
              { title: t('plans.ui.products'), dataIndex: 'products' },
              {
                title: t('plans.ui.shares'),
                dataIndex: 'shares',
                render: (s: Record<string, number>) =>
                  Object.entries(s)
                    .map(([k, v]) => `${k} ${v}%`)
                    .join(', '),
              },
              { title: t('plans.ui.strengths'), dataIndex: 'strengths' },
              { title: t('plans.ui.weaknesses'), dataIndex: 'weaknesses' },
              { title: t('plans.ui.recentMoves'), dataIndex: 'recentMoves' },
              {
                title: t('plans.ui.lostTo'),
                align: 'right',
                render: (_, c) => (c.lost.count === 0 ? '—' : `${c.lost.count} · ${formatMoney(c.lost.amount, lang)}`),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('plans.ui.news', { year })}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => setNOpen(true)}>
              {t('plans.ui.add')}
            </Button>
          }
        >
          <Table<MarketNewsItem>
            size="small"
            rowKey="id"
            dataSource={news.data}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: t('plans.ui.noNews') }}
            columns={[
              { title: t('plans.ui.date'), dataIndex: 'date' },
              { title: t('plans.ui.source'), dataIndex: 'source' },
              { title: t('plans.ui.region'), dataIndex: 'region' },
              { title: t('plans.ui.productLine'), dataIndex: 'productLine' },
              {
                title: t('plans.ui.note'),
                dataIndex: 'note',
                render: (v: string, n) =>
                  n.link ? (
                    <a href={n.link} target="_blank" rel="noreferrer">
                      {v}
                    </a>
                  ) : (
                    v
                  ),
              },
              { title: t('plans.ui.competitor'), dataIndex: 'competitor' },
              { title: t('plans.ui.opportunity'), dataIndex: 'opportunity' },
            ]}
          />
        </Card>
      </Col>
      <Modal
        open={cOpen}
        title={t('plans.ui.competitor')}
        destroyOnHidden
        onCancel={() => setCOpen(false)}
        confirmLoading={saveC.isPending}
        onOk={() =>
          void cForm
            .validateFields()
            .then(({ shares, ...v }) =>
              saveC.mutate(
                { ...v, shares: parseShares(shares) },
                { onSuccess: () => setCOpen(false), onError: (e) => void message.error(errorMessage(e)) },
              ),
            )
        }
      >
        <Form form={cForm} layout="vertical">
          <Form.Item
            name="name"
            label={t('plans.ui.name')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="products" label={t('plans.ui.products')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="pricePoints" label={t('plans.ui.pricePoints')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="shares" label={t('plans.ui.shares')} extra={t('plans.ui.sharesHelp')}>
            <Input />
          </Form.Item>
          <Form.Item name="strengths" label={t('plans.ui.strengths')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="weaknesses" label={t('plans.ui.weaknesses')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="recentMoves" label={t('plans.ui.recentMoves')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={nOpen}
        title={t('plans.ui.newsItem')}
        destroyOnHidden
        onCancel={() => setNOpen(false)}
        confirmLoading={saveN.isPending}
        onOk={() =>
          void nForm
            .validateFields()
            .then((v) =>
              saveN.mutate(
                { ...v, year },
                { onSuccess: () => setNOpen(false), onError: (e) => void message.error(errorMessage(e)) },
              ),
            )
        }
      >
        <Form form={nForm} layout="vertical">
          <Form.Item
            name="date"
            label={t('plans.ui.date')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('validation.date') }]}
          >
            <Input placeholder={`${year}-03-01`} />
          </Form.Item>
          <Form.Item name="source" label={t('plans.ui.source')}>
            <Input />
          </Form.Item>
          <Form.Item name="region" label={t('plans.ui.region')}>
            <Input />
          </Form.Item>
          <Form.Item name="productLine" label={t('plans.ui.productLine')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('plans.ui.note')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="link" label={t('plans.ui.link')}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="competitorId" label={t('plans.ui.competitor')}>
            <Select allowClear options={(competitors.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="opportunityId" label={t('plans.ui.lostOpportunity')}>
            <LostOpportunitySelect competitorId={newsCompetitor} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
