import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImprovementAction, SurveyDetail } from '../../../src-main/contract/survey';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

interface Values {
  finding: string;
  action: string;
  questionId?: number | null;
  ownerId?: number | null;
  dueDate?: Dayjs | null;
  status: ImprovementAction['status'];
  note?: string | null;
}

/** An improvement action (P4.7 "提出改进措施"): the finding and question behind it, owner, due date, status. */
export function ActionFormModal({
  survey,
  action,
  onClose,
}: {
  survey: SurveyDetail;
  action: ImprovementAction | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useOpMutation('survey/save-action');
  const staff = useOp('staff/list', { includeInactive: false }, { enabled: !!action });
  const editing = action && action !== 'new' ? action : null;

  useEffect(() => {
    if (!action) return;
    form.setFieldsValue({
      finding: editing?.finding ?? '',
      action: editing?.action ?? '',
      questionId: editing?.questionId ?? null,
      ownerId: editing?.ownerId ?? null,
      dueDate: editing?.dueDate ? dayjs(editing.dueDate) : dayjs().add(14, 'day'),
      status: editing?.status ?? 'open',
      note: editing?.note ?? '',
    });
  }, [action, editing, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await save.mutateAsync({
        ...(editing ? { id: editing.id } : {}),
        surveyId: survey.id,
        questionId: v.questionId ?? null,
        ownerId: v.ownerId ?? null,
        finding: v.finding,
        action: v.action,
        dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
        status: v.status,
        note: v.note || null,
      });
      onClose();
    } catch (e) {
      form.setFields([{ name: 'finding', errors: [errorMessage(e)] }]);
    }
  };

  return (
    <Modal
      open={!!action}
      title={editing ? t('survey.ui.actions.editTitle') : t('survey.ui.actions.newTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
      width={620}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="finding"
          label={t('survey.ui.actions.finding')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000 }]}
        >
          <Input.TextArea rows={2} placeholder={t('survey.ui.actions.findingHint')} data-testid="action-finding" />
        </Form.Item>
        <Form.Item name="questionId" label={t('survey.ui.actions.question')}>
          <Select
            allowClear
            placeholder={t('survey.ui.actions.noQuestion')}
            options={survey.questionList.map((q) => ({ value: q.id, label: `${q.code} ${q.text}` }))}
          />
        </Form.Item>
        <Form.Item
          name="action"
          label={t('survey.ui.actions.action')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000 }]}
        >
          <Input.TextArea rows={2} data-testid="action-action" />
        </Form.Item>
        <div className="wb-form-row">
          <Form.Item name="ownerId" label={t('survey.ui.actions.owner')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(staff.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.employeeNo})` }))}
            />
          </Form.Item>
          <Form.Item name="dueDate" label={t('survey.ui.actions.due')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="status" label={t('survey.ui.actions.status')}>
            <Select options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`survey.ui.actionStatus.${s}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('survey.ui.actions.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
