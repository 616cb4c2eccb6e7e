import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { VISIT_STATUSES, VISIT_TYPES } from '../../../src-main/contract/care';
import type { ContactRecord } from '../../../src-main/contract/customers';
import { errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';

interface Props {
  customer: { id: number; name: string } | null;
  contacts?: ContactRecord[];
  onClose: () => void;
}

interface Values {
  date: Dayjs;
  type: (typeof VISIT_TYPES)[number];
  status: (typeof VISIT_STATUSES)[number];
  contactId?: number;
  purpose?: string;
  outcome?: string;
  nextStep?: string;
  nextDate?: Dayjs;
}

/** The fast visit form (P4.2): date, type, contact met, purpose, outcome, next step and its date. */
export function VisitFormModal({ customer, contacts = [], onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const log = useOpMutation('visits/log');
  const submit = async () => {
    const v = await form.validateFields();
    if (!customer) return;
    try {
      await log.mutateAsync({
        customerId: customer.id,
        date: v.date.format('YYYY-MM-DD'),
        type: v.type,
        status: v.status,
        contactId: v.contactId ?? null,
        purpose: v.purpose ?? '',
        outcome: v.outcome ?? '',
        nextStep: v.nextStep ?? '',
        nextDate: v.nextDate ? v.nextDate.format('YYYY-MM-DD') : '',
      });
      message.success(t('customers.ui.visit-saved', { name: customer.name }));
      form.resetFields();
      onClose();
    } catch (e) {
      form.setFields([{ name: 'date', errors: [errorMessage(e)] }]);
    }
  };
  return (
    <Modal
      open={customer !== null}
      title={t('customers.ui.log-visit-title', { name: customer?.name ?? '' })}
      onOk={() => void submit()}
      okText={t('customers.ui.save')}
      confirmLoading={log.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), type: 'on-site', status: 'done' }}
        data-testid="visit-form"
      >
        <Form.Item name="date" label={t('customers.ui.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="type" label={t('customers.ui.visit-type')}>
          <Select options={VISIT_TYPES.map((v) => ({ value: v, label: t(`customers.visit-type.${v}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('customers.ui.status')}>
          <Select options={VISIT_STATUSES.map((v) => ({ value: v, label: t(`customers.visit-status.${v}`) }))} />
        </Form.Item>
        {contacts.length > 0 && (
          <Form.Item name="contactId" label={t('customers.ui.contact')}>
            <Select
              allowClear
              options={contacts.map((c) => ({ value: c.id, label: `${c.name}${c.title ? ` · ${c.title}` : ''}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="purpose" label={t('customers.ui.purpose')}>
          <Input maxLength={500} data-testid="visit-purpose" />
        </Form.Item>
        <Form.Item name="outcome" label={t('customers.ui.outcome')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('customers.ui.next-step')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="nextDate" label={t('customers.ui.next-date')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
