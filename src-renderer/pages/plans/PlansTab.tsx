import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  PLAN_CHANNELS,
  type PlanActivity,
  type SalesPlan,
} from '../../../src-main/contract/plans';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

function Activities({ plan }: { plan: SalesPlan }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const acts = useOp('plans/activities', { planId: plan.id });
  const save = useOpMutation('plans/activity-save');
  const setStatus = (a: PlanActivity, status: PlanActivity['status']) =>
    save.mutate(
      {
        id: a.id,
        planId: a.planId,
        customerId: a.customerId,
        date: a.date,
        kind: a.kind,
        title: a.title,
        status,
        budget: a.budget,
        spent: a.spent,
        outcome: a.outcome,
        creditedSales: a.creditedSales,
      },
      { onError: (e) => void message.error(errorMessage(e)) },
    );
  if (acts.isError) return <ErrorState error={acts.error} compact />;
  return (
    <Table<PlanActivity>
      size="small"
      rowKey="id"
      loading={acts.isPending}
      dataSource={acts.data}
      pagination={false}
      locale={{ emptyText: t('plans.ui.noActivities') }}
      columns={[
        { title: t('plans.ui.date'), dataIndex: 'date' },
        { title: t('plans.ui.kind'), dataIndex: 'kind', render: (k: string) => t(`plans.kind.${k}`) },
        { title: t('plans.ui.activity'), dataIndex: 'title' },
        { title: t('plans.ui.owner'), dataIndex: 'owner' },
        {
          title: t('plans.ui.budget'),
          dataIndex: 'budget',
          align: 'right',
          render: (v: number) => formatMoney(v, lang),
        },
        { title: t('plans.ui.spent'), dataIndex: 'spent', align: 'right', render: (v: number) => formatMoney(v, lang) },
        {
          title: t('plans.ui.credited'),
          dataIndex: 'creditedSales',
          align: 'right',
          render: (v: number) => formatMoney(v, lang),
        },
        {
          title: t('plans.ui.status'),
          dataIndex: 'status',
          render: (_: string, a) => (
            <Select
              size="small"
              value={a.status}
              onChange={(s) => setStatus(a, s)}
              options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))}
              style={{ width: 110 }}
            />
          ),
        },
      ]}
    />
  );
}

interface PlanForm {
  team?: string;
  person?: string;
  title?: string;
  channels: string[];
  methods?: string;
  timing?: string;
  budget: number;
  expectedSales: number;
}

/** Plans of the period with plan against done (P2.5, P2.6); activities under each. */
export function PlansTab({ period }: { period: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const plans = useOp('plans/list', { period });
  const teams = useOp('teams/list', {});
  const save = useOpMutation('plans/save');
  const addAct = useOpMutation('plans/activity-save');
  const [open, setOpen] = useState(false);
  const [actFor, setActFor] = useState<SalesPlan | null>(null);
  const [form] = Form.useForm<PlanForm>();
  const [actForm] = Form.useForm<{ date: string; kind: PlanActivity['kind']; title: string; budget: number }>();
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
        {t('plans.ui.newPlan')}
      </Button>
      {plans.data?.length === 0 ? (
        <EmptyState title={t('plans.ui.noPlans', { period })} description={t('plans.ui.noPlansHelp')} />
      ) : (
        <Table<SalesPlan>
          size="small"
          rowKey="id"
          loading={plans.isPending}
          dataSource={plans.data}
          expandable={{ expandedRowRender: (p) => <Activities plan={p} /> }}
          columns={[
            { title: t('plans.ui.who'), render: (_: unknown, p) => p.person ?? p.team ?? t('plans.report.company') },
            { title: t('plans.ui.planTitle'), dataIndex: 'title' },
            {
              title: t('plans.ui.channels'),
              dataIndex: 'channels',
              render: (c: string[]) => c.map((x) => <Tag key={x}>{t(`plans.channel.${x}`)}</Tag>),
            },
            {
              title: t('plans.ui.budget'),
              align: 'right',
              render: (_: unknown, p) => `${formatMoney(p.progress.spent, lang)} / ${formatMoney(p.budget, lang)}`,
            },
            {
              title: t('plans.ui.sales'),
              align: 'right',
              render: (_: unknown, p) =>
                `${formatMoney(p.progress.actualSales, lang)} / ${formatMoney(p.expectedSales, lang)}`,
            },
            {
              title: t('plans.ui.done'),
              align: 'right',
              render: (_: unknown, p) => `${p.progress.done} / ${p.progress.activities}`,
            },
            {
              title: '',
              render: (_: unknown, p) => (
                <Button size="small" onClick={() => setActFor(p)}>
                  {t('plans.ui.addActivity')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={open}
        title={t('plans.ui.newPlan')}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        destroyOnHidden
        onOk={() =>
          void form.validateFields().then((v) =>
            save.mutate(
              {
                period,
                ...v,
                team: v.team || undefined,
                person: v.person?.trim() || undefined,
                channels: v.channels as SalesPlan['channels'] as never,
                budget: v.budget ?? 0,
                expectedSales: v.expectedSales ?? 0,
              },
              { onSuccess: () => setOpen(false), onError: (e) => void message.error(errorMessage(e)) },
            ),
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={{ channels: ['direct'], budget: 0, expectedSales: 0 }}>
          <Form.Item name="team" label={t('plans.ui.team')}>
            <Select
              allowClear
              options={(teams.data ?? []).map((x: { name: string }) => ({ value: x.name, label: x.name }))}
            />
          </Form.Item>
          <Form.Item name="person" label={t('plans.ui.person')}>
            <Input placeholder="S0001" />
          </Form.Item>
          <Form.Item name="title" label={t('plans.ui.planTitle')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="channels" label={t('plans.ui.channels')}>
            <Checkbox.Group options={PLAN_CHANNELS.map((c) => ({ value: c, label: t(`plans.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="methods" label={t('plans.ui.methods')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="timing" label={t('plans.ui.timing')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="budget" label={t('plans.ui.budget')}>
            <InputNumber min={0} style={{ width: 200 }} prefix="¥" />
          </Form.Item>
          <Form.Item name="expectedSales" label={t('plans.ui.expectedSales')}>
            <InputNumber min={0} style={{ width: 200 }} prefix="¥" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!actFor}
        title={t('plans.ui.addActivity')}
        onCancel={() => setActFor(null)}
        destroyOnHidden
        confirmLoading={addAct.isPending}
        onOk={() =>
          void actForm
            .validateFields()
            .then((v) =>
              addAct.mutate(
                { planId: actFor!.id, ...v, budget: v.budget ?? 0 },
                { onSuccess: () => setActFor(null), onError: (e) => void message.error(errorMessage(e)) },
              ),
            )
        }
      >
        <Form form={actForm} layout="vertical" initialValues={{ kind: 'visit', budget: 0 }}>
          <Form.Item
            name="date"
            label={t('plans.ui.date')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('validation.date') }]}
          >
            <Input placeholder="2026-06-15" />
          </Form.Item>
          <Form.Item name="kind" label={t('plans.ui.kind')}>
            <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`plans.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('plans.ui.activity')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="budget" label={t('plans.ui.budget')}>
            <InputNumber min={0} style={{ width: 200 }} prefix="¥" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
