import { App, Button, Dropdown } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CARE_CHANNELS, type CareListItem } from '../../../src-main/contract/care';
import { errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';

/** Marks one greeting as sent today through the chosen channel (P4.3). */
export function MarkSentButton({ item }: { item: CareListItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mark = useOpMutation('care/mark-sent');
  if (item.sent) return <span>{t(`customers.channel.${item.sent.channel ?? 'phone'}`)} ✓</span>;
  const send = async (channel: (typeof CARE_CHANNELS)[number]) => {
    try {
      await mark.mutateAsync({
        customerId: item.customerId!,
        contactId: item.contactId ?? null,
        occasionKey: item.occasionKey,
        date: dayjs().format('YYYY-MM-DD'),
        channel,
      });
      message.success(t('customers.ui.marked-sent', { name: item.contact ?? item.customer ?? '' }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Dropdown
      menu={{
        items: CARE_CHANNELS.map((c) => ({ key: c, label: t(`customers.channel.${c}`) })),
        onClick: ({ key }) => void send(key as (typeof CARE_CHANNELS)[number]),
      }}
    >
      <Button size="small" loading={mark.isPending} data-testid={`mark-sent-${item.customerId}-${item.occasionKey}`}>
        {t('customers.ui.mark-sent')}
      </Button>
    </Dropdown>
  );
}
