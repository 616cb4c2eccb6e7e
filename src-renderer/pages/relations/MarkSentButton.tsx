import { App, Button, DatePicker, Form, Input, Modal, Radio, Tooltip, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_CHANNELS, CARE_SENT_WINDOW_DAYS, type CareListItem } from '../../../src-main/contract/care';
import { errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDate } from '../../i18n/format';
import { careCellRender, sentWindow, useCareDayLabels } from './careDays';

type Channel = (typeof CARE_CHANNELS)[number];
interface Values {
  channel: Channel;
  date: Dayjs;
  note?: string;
}

/**
 * Marks one greeting as sent (P4.3): its channel, the day it went out and a note. The date picker offers
 * only the days on which the care list counts it as sent for this occasion (a fortnight either side of it,
 * never after today), and marks the holidays, festivals and this customer's own occasions on its days.
 */
export function MarkSentButton({ item }: { item: CareListItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const mark = useOpMutation('care/mark-sent');
  const occasion = dayjs(item.date);
  const span = sentWindow(occasion, dayjs());
  const years = span ? [span.from.year(), span.to.year()] : [occasion.year()];
  const labels = useCareDayLabels(years, item.customerId, open);
  if (item.sent)
    return (
      <Tooltip title={[formatDate(item.sent.date, lang), item.sent.note].filter(Boolean).join(' · ')}>
        <span data-testid={`sent-${item.customerId}-${item.occasionKey}`}>
          {t(`customers.channel.${item.sent.channel ?? 'phone'}`)} ✓
        </span>
      </Tooltip>
    );
  if (!span)
    return (
      <Tooltip
        title={t('customers.ui.mark-sent-not-yet', {
          date: formatDate(occasion.subtract(CARE_SENT_WINDOW_DAYS, 'day').format('YYYY-MM-DD'), lang),
        })}
      >
        <Button size="small" disabled data-testid={`mark-sent-${item.customerId}-${item.occasionKey}`}>
          {t('customers.ui.mark-sent')}
        </Button>
      </Tooltip>
    );
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await mark.mutateAsync({
        customerId: item.customerId!,
        contactId: item.contactId ?? null,
        occasionKey: item.occasionKey,
        occasionDate: item.date,
        date: v.date.format('YYYY-MM-DD'),
        channel: v.channel,
        note: v.note ?? '',
      });
      message.success(t('customers.ui.marked-sent', { name: item.contact ?? item.customer ?? '' }));
      setOpen(false);
    } catch (e) {
      form.setFields([{ name: 'date', errors: [errorMessage(e)] }]);
    }
  };
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        data-testid={`mark-sent-${item.customerId}-${item.occasionKey}`}
      >
        {t('customers.ui.mark-sent')}
      </Button>
      <Modal
        open={open}
        title={t('customers.ui.mark-sent-title', {
          occasion: item.occasion,
          name: item.contact ?? item.customer ?? '',
        })}
        onOk={() => void submit()}
        okText={t('customers.ui.mark-sent')}
        okButtonProps={{ 'data-testid': 'mark-sent-ok' } as ButtonProps}
        confirmLoading={mark.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ channel: item.mobile ? 'sms' : item.email ? 'email' : 'phone', date: span.to }}
          data-testid="mark-sent-form"
        >
          <Form.Item name="channel" label={t('customers.ui.channel')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={CARE_CHANNELS.map((c) => ({
                value: c,
                label: <span data-testid={`channel-${c}`}>{t(`customers.channel.${c}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('customers.ui.sent-on')}
            rules={[{ required: true }]}
            extra={
              <Typography.Text type="secondary">
                {t('customers.ui.sent-window', {
                  occasion: formatDate(item.date, lang),
                  from: formatDate(span.from.format('YYYY-MM-DD'), lang),
                  to: formatDate(span.to.format('YYYY-MM-DD'), lang),
                })}
              </Typography.Text>
            }
          >
            <DatePicker
              style={{ width: '100%' }}
              allowClear={false}
              minDate={span.from}
              maxDate={span.to}
              cellRender={careCellRender(labels)}
              data-testid="sent-date"
            />
          </Form.Item>
          <Form.Item name="note" label={t('customers.ui.note')}>
            <Input.TextArea maxLength={500} rows={2} data-testid="sent-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
