import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPROVERS, type DiscountBand, type Strategy } from '../../../src-main/contract/plans';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** The strategy per year and product line (P2.4): positioning, list price, discount bands (the ones contract approval checks), promotion. */
export function StrategyTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const list = useOp('strategy/list', { year });
  const save = useOpMutation('strategy/save');
  const [editing, setEditing] = useState<Partial<Strategy> | null>(null);
  const [form] = Form.useForm<{
    productLine: string;
    positioning?: string;
    listPrice?: number;
    discountBands: DiscountBand[];
    promotionMethods?: string;
  }>();
  if (list.isError) return <ErrorState error={list.error} />;
  const bands = (b: DiscountBand[]) =>
    b.map((x) => `≤${x.maxDiscountPct}% → ${t(`plans.approver.${x.approver}`)}`).join(' · ');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('plans.ui.strategyHelp', { year })}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => setEditing({ discountBands: [] })}
      >
        {t('plans.ui.addStrategy')}
      </Button>
      <Table<Strategy>
        size="small"
        rowKey="id"
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: t('plans.ui.noStrategy', { year }) }}
        onRow={(s) => ({ onClick: () => setEditing(s), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('plans.ui.productLine'), dataIndex: 'productLine' },
          { title: t('plans.ui.positioning'), dataIndex: 'positioning' },
          {
            title: t('plans.ui.listPrice'),
            dataIndex: 'listPrice',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatMoney(v, lang)),
          },
          { title: t('plans.ui.bands'), dataIndex: 'discountBands', render: bands },
          { title: t('plans.ui.promotion'), dataIndex: 'promotionMethods' },
        ]}
      />
      <Modal
        open={!!editing}
        title={t('plans.ui.strategy', { year })}
        destroyOnHidden
        width={640}
        onCancel={() => setEditing(null)}
        confirmLoading={save.isPending}
        onOk={() =>
          void form
            .validateFields()
            .then((v) =>
              save.mutate(
                { year, ...v, discountBands: v.discountBands ?? [] },
                { onSuccess: () => setEditing(null), onError: (e) => void message.error(errorMessage(e)) },
              ),
            )
        }
      >
        <Form form={form} layout="vertical" initialValues={editing ?? {}}>
          <Form.Item
            name="productLine"
            label={t('plans.ui.productLine')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} disabled={!!editing?.id} />
          </Form.Item>
          <Form.Item name="positioning" label={t('plans.ui.positioning')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="listPrice" label={t('plans.ui.listPrice')}>
            <InputNumber min={0} prefix="¥" style={{ width: 200 }} />
          </Form.Item>
          <Form.List name="discountBands">
            {(fields, { add, remove }) => (
              <>
                <Typography.Text strong>{t('plans.ui.bands')}</Typography.Text>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'maxDiscountPct']}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <InputNumber min={0} max={100} suffix="%" prefix="≤" />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'approver']}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <Select
                        style={{ width: 180 }}
                        options={APPROVERS.map((a) => ({ value: a, label: t(`plans.approver.${a}`) }))}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ approver: 'manager' })}>
                  {t('plans.ui.addBand')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="promotionMethods" label={t('plans.ui.promotion')} style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
