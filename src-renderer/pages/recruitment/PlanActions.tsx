import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type RecruitPlan } from '../../../src-main/contract/recruit';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';

type Dialog = 'approve' | 'reject' | 'cost' | null;

/**
 * A plan's next steps (P5.1): the requesting manager submits it, that manager's own superior approves or
 * rejects it (with a reason), what each channel cost is recorded against the budget, and a filled plan is
 * closed. The services refuse anyone else's approval (recruit/approver-not-superior).
 */
export function PlanActions({ plan }: { plan: RecruitPlan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const staff = useOp('staff/list', { includeInactive: false });
  const submit = useOpMutation('recruit/plan-submit');
  const approve = useOpMutation('recruit/plan-approve');
  const close = useOpMutation('recruit/plan-close');
  const cost = useOpMutation('recruit/cost-add');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const fail = (e: unknown) => message.error(errorMessage(e));
  const ok = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'cost')
        await cost.mutateAsync({
          planId: plan.id,
          channel: v.channel,
          date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
          amount: v.amount,
          note: v.note ?? '',
        });
      else
        await approve.mutateAsync({
          id: plan.id,
          approver: v.approver,
          approve: dialog === 'approve',
          reason: v.reason ?? '',
        });
      setDialog(null);
      form.resetFields();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space size={4} wrap>
      {(plan.approval === 'draft' || plan.approval === 'rejected') && (
        <Button size="small" onClick={() => void submit.mutateAsync({ id: plan.id }).catch(fail)}>
          {t('recruit.actions.submit')}
        </Button>
      )}
      {plan.approval === 'submitted' && (
        <>
          <Button
            size="small"
            type="primary"
            onClick={() => setDialog('approve')}
            data-testid={`plan-approve-${plan.id}`}
          >
            {t('recruit.actions.approve')}
          </Button>
          <Button size="small" danger onClick={() => setDialog('reject')}>
            {t('recruit.actions.reject')}
          </Button>
        </>
      )}
      {plan.approval === 'approved' && plan.status === 'open' && (
        <>
          <Button size="small" onClick={() => setDialog('cost')} data-testid={`plan-cost-${plan.id}`}>
            {t('recruit.actions.addCost')}
          </Button>
          <Button size="small" onClick={() => void close.mutateAsync({ id: plan.id }).catch(fail)}>
            {t('recruit.actions.close')}
          </Button>
        </>
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? `${t(`recruit.actions.${dialog === 'cost' ? 'addCost' : dialog}`)} · ${plan.title}` : ''}
        onOk={() => void ok()}
        onCancel={() => setDialog(null)}
        confirmLoading={approve.isPending || cost.isPending}
        okButtonProps={{ 'data-testid': 'plan-dialog-ok' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
          {dialog === 'cost' ? (
            <>
              <Form.Item
                name="channel"
                label={t('recruit.fields.channel')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select
                  options={CHANNELS.map((c) => ({ value: c, label: t(`recruit.channel.${c}`) }))}
                  data-testid="cost-channel"
                />
              </Form.Item>
              <Form.Item name="date" label={t('recruit.fields.date')}>
                <DatePicker />
              </Form.Item>
              <Form.Item
                name="amount"
                label={t('recruit.fields.amount')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber min={0} data-testid="cost-amount" />
              </Form.Item>
              <Form.Item name="note" label={t('recruit.fields.notes')}>
                <Input />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="approver"
                label={t('recruit.fields.approver')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(staff.data ?? []).map((s) => ({
                    value: s.employeeNo,
                    label: `${s.name} (${s.employeeNo})`,
                  }))}
                  data-testid="plan-approver"
                />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('recruit.fields.reason')}
                rules={dialog === 'reject' ? [{ required: true, message: t('common.required') }] : []}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
