import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../backend/useOp';
import { errorMessage } from '../../backend/ApiError';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** "Start empty": only the company name is asked; everything else is entered or imported later. */
export function StartEmptyModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ companyName: string }>();
  const start = useOpMutation('system/start-empty');

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    try {
      await start.mutateAsync({ companyName: values.companyName });
      onClose();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'companyName', errors: [errorMessage(e)] }]);
    }
  };

  return (
    <Modal
      open={open}
      title={t('welcome.empty.formTitle')}
      okText={t('welcome.empty.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} preserve={false}>
        <Form.Item
          name="companyName"
          label={t('fields.companyName')}
          extra={t('welcome.empty.hint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 100, message: t('common.tooLong', { max: 100 }) },
          ]}
        >
          <Input autoFocus placeholder={t('welcome.empty.placeholder')} data-testid="company-name-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
