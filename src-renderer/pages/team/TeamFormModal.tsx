import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ManagerSelect } from './ManagerSelect';
import type { StaffMember, Team } from '../../../src-main/contract/team';
import { ApiError, errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';

interface Props {
  /** null: closed; 'new': create; a team: rename/edit it. */
  team: Team | 'new' | null;
  staff: StaffMember[];
  onClose: () => void;
  onSaved: (team: Team) => void;
}

interface Values {
  name: string;
  region?: string | null;
  managerId?: number | null;
}

/** Create a team or change its name, region and manager. */
export function TeamFormModal({ team, staff, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useOpMutation('teams/create');
  const update = useOpMutation('teams/update');
  const editing = team && team !== 'new' ? team : null;

  useEffect(() => {
    if (team)
      form.setFieldsValue(
        editing
          ? { name: editing.name, region: editing.region, managerId: editing.managerId }
          : { name: '', region: '', managerId: null },
      );
  }, [team, editing, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const input = { name: v.name, region: v.region ?? '', managerId: v.managerId ?? null };
    try {
      const saved = editing ? await update.mutateAsync({ id: editing.id, ...input }) : await create.mutateAsync(input);
      onClose();
      onSaved(saved);
    } catch (e) {
      const field = e instanceof ApiError && typeof e.details.field === 'string' ? e.details.field : 'name';
      form.setFields([{ name: field as keyof Values, errors: [errorMessage(e)] }]);
    }
  };

  return (
    <Modal
      open={!!team}
      title={editing ? t('teams.editTitle', { name: editing.name }) : t('teams.newTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'team-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('teams.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 50, message: t('common.tooLong', { max: 50 }) },
          ]}
        >
          <Input autoFocus data-testid="team-name-input" />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('fields.region')}
          rules={[{ max: 50, message: t('common.tooLong', { max: 50 }) }]}
        >
          <Input placeholder={t('teams.regionPlaceholder')} />
        </Form.Item>
        <Form.Item name="managerId" label={t('fields.managerId')}>
          <ManagerSelect staff={staff} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
