import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ManagerSelect } from './ManagerSelect';
import type { StaffMember, Team } from '../../../src-main/contract/team';
import { ApiError, errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';
import { fieldOfError } from './staffValidation';
import { useStaffRules } from './useStaffRules';

interface Values {
  employeeNo: string;
  name: string;
  teamId?: number | null;
  title?: string;
  managerId?: number | null;
  hireDate?: Dayjs | null;
  phone?: string;
  email?: string;
}

interface Props {
  open: boolean;
  staff: StaffMember[];
  teams: Team[];
  onClose: () => void;
  onCreated: (p: StaffMember) => void;
}

const asDate = (v: unknown) => (v && typeof v === 'object' && 'format' in v ? (v as Dayjs).format('YYYY-MM-DD') : null);

/** "Add salesperson": checked here with the contract's rules, then by the server (duplicates, managers…). */
export function AddStaffModal({ open, staff, teams, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useOpMutation('staff/create');
  const rules = useStaffRules();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    setFormError(null);
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    try {
      const person = await create.mutateAsync({
        employeeNo: v.employeeNo,
        name: v.name,
        teamId: v.teamId ?? null,
        title: v.title ?? '',
        managerId: v.managerId ?? null,
        hireDate: asDate(v.hireDate),
        phone: v.phone ?? '',
        email: v.email ?? '',
      });
      onClose();
      onCreated(person);
    } catch (e) {
      const field = e instanceof ApiError ? fieldOfError(e.code, e.details) : null;
      const text = errorMessage(e);
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else setFormError(text);
    }
  };

  return (
    <Modal
      open={open}
      title={t('team.add.title')}
      okText={t('team.add.submit')}
      okButtonProps={{ 'data-testid': 'add-staff-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} className="wb-block" />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="add-staff-form"
        onValuesChange={() => setFormError(null)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="employeeNo" label={t('fields.employeeNo')} required rules={rules('employeeNo')}>
              <Input autoFocus placeholder="S0025" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('fields.name')} required rules={rules('name')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="teamId" label={t('fields.teamId')}>
              <Select
                allowClear
                options={teams.filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
                placeholder={t('team.none')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label={t('fields.title')} rules={rules('title')}>
              <Input placeholder={t('team.add.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="managerId" label={t('fields.managerId')}>
              <ManagerSelect staff={staff} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hireDate" label={t('fields.hireDate')} rules={rules('hireDate', asDate)}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('fields.phone')} rules={rules('phone')}>
              <Input placeholder="138 0000 0000" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="email" label={t('fields.email')} rules={rules('email')}>
              <Input placeholder="name@example.com" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
