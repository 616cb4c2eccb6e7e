import { App, AutoComplete, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, TICKET_CATEGORIES, TICKET_CHANNELS, type TicketDetail } from '../../../src-main/contract/tickets';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';

interface Values {
  customerId: number;
  contact?: string;
  orderNo?: string;
  contractId?: number;
  productId?: number;
  category: (typeof TICKET_CATEGORIES)[number];
  complaint: boolean;
  severity: (typeof SEVERITIES)[number];
  channel?: string;
  description: string;
  department: string;
  assigneeId?: number;
  openedAt?: Dayjs;
}

/**
 * P4.4: a new after-sales ticket with every field of the policy: the customer, contact, order or contract,
 * product, category, complaint flag, severity, channel, description, the department responsible (Settings'
 * list) and the assignee. The form checks what it can before sending (in the window's language); the
 * service checks the rest (an order or contract of another customer, an unknown department) and its
 * refusal is shown as it words it. Nothing is written until the service accepts the whole ticket.
 */
export function TicketForm({ onClose, onCreated }: { onClose: () => void; onCreated: (t: TicketDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const customerId = Form.useWatch('customerId', form);
  const customers = useOp('customers/list', { search, limit: 50 });
  const customer = useOp('customers/get', { id: customerId ?? 0 }, { enabled: !!customerId });
  const contracts = useOp('contracts/list', {});
  const products = useOp('pipeline/products', {});
  const settings = useOp('tickets/settings', {});
  const staff = useOp('staff/list', { includeInactive: false });
  const create = useOpMutation('tickets/create');
  const required = (field: string) => ({
    required: true,
    message: t('tickets.form.required', { field: t(`tickets.form.${field}`) }),
  });

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing beside each field
    }
    try {
      const created = await create.mutateAsync({
        customerId: v.customerId,
        contact: v.contact?.trim() || null,
        ...(v.orderNo?.trim() ? { orderNo: v.orderNo.trim() } : {}),
        contractId: v.contractId ?? null,
        productId: v.productId ?? null,
        category: v.category,
        complaint: v.complaint,
        severity: v.severity,
        channel: v.channel?.trim() || null,
        description: v.description.trim(),
        department: v.department,
        assigneeId: v.assigneeId ?? null,
        ...(v.openedAt ? { openedAt: v.openedAt.format('YYYY-MM-DDTHH:mm') } : {}),
      });
      message.success(t('tickets.form.created', { ticket: created.ticketNo }));
      onCreated(created);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const contacts = customer.data?.contactList ?? [];
  return (
    <Modal
      open
      width={720}
      title={t('tickets.form.title')}
      okText={t('tickets.form.create')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'ticket-form-ok' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ category: 'other', severity: 'medium', complaint: false }}
        data-testid="ticket-form"
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item name="customerId" label={t('tickets.form.customer')} rules={[required('customer')]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={customers.isFetching}
            options={(customers.data?.rows ?? []).map((c) => ({
              value: c.id,
              label: c.code ? `${c.code} ${c.name}` : c.name,
            }))}
            onChange={() => form.setFieldsValue({ contact: undefined, contractId: undefined })}
            data-testid="ticket-customer"
          />
        </Form.Item>
        <Form.Item name="contact" label={t('tickets.form.contact')} rules={[{ max: 100 }]}>
          <AutoComplete options={contacts.map((c) => ({ value: c.name }))} filterOption data-testid="ticket-contact" />
        </Form.Item>
        <Form.Item
          name="orderNo"
          label={t('tickets.form.order')}
          rules={[{ max: 50, message: t('tickets.form.tooLong', { field: t('tickets.form.order'), max: 50 }) }]}
        >
          <Input data-testid="ticket-order" />
        </Form.Item>
        <Form.Item name="contractId" label={t('tickets.form.contract')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(contracts.data ?? [])
              .filter((k) => k.customerId === customerId)
              .map((k) => ({ value: k.id, label: k.contractNo }))}
            notFoundContent={customerId ? t('tickets.form.noContracts') : t('tickets.form.customerFirst')}
          />
        </Form.Item>
        <Form.Item name="productId" label={t('tickets.form.product')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(products.data ?? []).map((p) => ({
              value: p.id,
              label: p.code ? `${p.code} ${p.name}` : p.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('tickets.form.category')} rules={[required('category')]}>
          <Select
            options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`tickets.category.${c}`) }))}
            data-testid="ticket-category"
          />
        </Form.Item>
        <Form.Item name="severity" label={t('tickets.form.severity')} rules={[required('severity')]}>
          <Select
            options={SEVERITIES.map((s) => ({ value: s, label: t(`tickets.severity.${s}`) }))}
            data-testid="ticket-severity"
          />
        </Form.Item>
        <Form.Item name="channel" label={t('tickets.form.channel')} rules={[{ max: 30 }]}>
          <AutoComplete
            options={TICKET_CHANNELS.map((c) => ({ value: t(`tickets.channel.${c}`) }))}
            data-testid="ticket-channel"
          />
        </Form.Item>
        <Form.Item name="department" label={t('tickets.form.department')} rules={[required('department')]}>
          <Select
            options={(settings.data?.departments ?? []).map((d) => ({ value: d, label: d }))}
            data-testid="ticket-department"
          />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('tickets.form.assignee')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.employeeNo} ${s.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="openedAt"
          label={t('tickets.form.openedAt')}
          extra={t('tickets.form.openedAtHint')}
          rules={[
            {
              validator: (_, v: Dayjs | undefined) =>
                v && v.isAfter(dayjs())
                  ? Promise.reject(new Error(t('tickets.form.openedInFuture')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="complaint" valuePropName="checked" label=" ">
          <Checkbox data-testid="ticket-complaint">{t('tickets.form.complaint')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="description"
          label={t('tickets.form.description')}
          style={{ gridColumn: '1 / span 2' }}
          rules={[
            { ...required('description'), whitespace: true },
            { max: 2000, message: t('tickets.form.tooLong', { field: t('tickets.form.description'), max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} data-testid="ticket-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
