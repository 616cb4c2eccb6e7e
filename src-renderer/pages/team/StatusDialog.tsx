import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../src-main/contract/team';
import { useOpMutation } from '../../backend/useOp';
import { errorMessage } from '../../backend/ApiError';

export interface StatusRequest {
  person: StaffMember;
  status: 'active' | 'inactive';
}

interface Props {
  request: StatusRequest | null;
  onClose: () => void;
  onDone: (person: StaffMember) => void;
}

/** Deactivate (asks the leaving date) or reactivate a salesperson; the history is always kept. */
export function StatusDialog({ request, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ leftDate: Dayjs | null; reason?: string }>();
  const setStatus = useOpMutation('staff/set-status');
  const leaving = request?.status === 'inactive';

  const submit = async () => {
    if (!request) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    try {
      const person = await setStatus.mutateAsync({
        id: request.person.id,
        status: request.status,
        leftDate: leaving && values.leftDate ? values.leftDate.format('YYYY-MM-DD') : null,
        reason: values.reason ?? '',
      });
      onClose();
      onDone(person);
    } catch (e) {
      form.setFields([{ name: leaving ? 'leftDate' : 'reason', errors: [errorMessage(e)] }]);
    }
  };

  return (
    <Modal
      open={!!request}
      title={
        request
          ? t(leaving ? 'team.status.deactivateTitle' : 'team.status.reactivateTitle', { name: request.person.name })
          : ''
      }
      okText={t(leaving ? 'team.actions.deactivate' : 'team.actions.reactivate')}
      okButtonProps={{ danger: leaving, 'data-testid': 'status-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={setStatus.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(leaving ? 'team.status.deactivateText' : 'team.status.reactivateText')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ leftDate: dayjs() }}>
        {leaving && (
          <Form.Item
            name="leftDate"
            label={t('fields.leftDate')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: 200 }} data-testid="left-date" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('team.status.reason')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('team.status.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
