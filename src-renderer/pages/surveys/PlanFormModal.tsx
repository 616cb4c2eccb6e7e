import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyPlan } from '../../../src-main/contract/survey';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';

interface Props {
  /** null: closed; 'new': a new plan; a plan: edit it. */
  plan: SurveyPlan | 'new' | null;
  surveys: SurveyPlan[];
  onClose: () => void;
  onSaved?: (plan: SurveyPlan) => void;
}

interface Values {
  name: string;
  purpose?: string | null;
  method: SurveyPlan['method'];
  period?: [Dayjs | null, Dayjs | null] | null;
  status: SurveyPlan['status'];
  teamIds: number[];
  staffIds: number[];
  segments: string[];
  note?: string | null;
  previousWaveId?: number | null;
}

const METHODS = ['questionnaire', 'phone', 'after-sales'] as const;
const STATUSES = ['planned', 'running', 'closed'] as const;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The survey plan (P4.7 "制定调查计划"): purpose, period, method, which customers, status, earlier wave. */
export function PlanFormModal({ plan, surveys, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useOpMutation('survey/save-plan');
  const teams = useOp('teams/list', {}, { enabled: !!plan });
  const staff = useOp('staff/list', { includeInactive: false }, { enabled: !!plan });
  const editing = plan && plan !== 'new' ? plan : null;

  useEffect(() => {
    if (!plan) return;
    const p = editing;
    form.setFieldsValue({
      name: p?.name ?? '',
      purpose: p?.purpose ?? '',
      method: p?.method ?? 'phone',
      period: p
        ? [p.startDate ? dayjs(p.startDate) : null, p.endDate ? dayjs(p.endDate) : null]
        : [dayjs(), dayjs().add(1, 'month')],
      status: p?.status ?? 'running',
      teamIds: p?.audience.teamIds ?? [],
      staffIds: p?.audience.staffIds ?? [],
      segments: p?.audience.segments ?? [],
      note: p?.audience.note ?? '',
      previousWaveId: p?.previousWaveId ?? null,
    });
  }, [plan, editing, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const saved = await save.mutateAsync({
        ...(editing ? { id: editing.id } : {}),
        name: v.name,
        purpose: v.purpose || null,
        method: v.method,
        startDate: day(v.period?.[0]),
        endDate: day(v.period?.[1]),
        status: v.status,
        audience: {
          teamIds: v.teamIds ?? [],
          staffIds: v.staffIds ?? [],
          segments: v.segments ?? [],
          note: v.note || null,
        },
        previousWaveId: v.previousWaveId ?? null,
      });
      onClose();
      onSaved?.(saved);
    } catch (e) {
      form.setFields([{ name: 'name', errors: [errorMessage(e)] }]);
    }
  };

  return (
    <Modal
      open={!!plan}
      width={780}
      title={editing ? t('survey.ui.plan.editTitle', { name: editing.name }) : t('survey.ui.plan.newTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'plan-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" className="wb-plan-form">
        <Form.Item
          name="name"
          label={t('survey.ui.plan.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 100, message: t('common.tooLong', { max: 100 }) },
          ]}
        >
          <Input autoFocus data-testid="plan-name" />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('survey.ui.plan.purpose')}
          rules={[{ max: 1000, message: t('common.tooLong', { max: 1000 }) }]}
        >
          <Input.TextArea rows={2} placeholder={t('survey.ui.plan.purposeHint')} />
        </Form.Item>
        <div className="wb-form-row">
          <Form.Item name="method" label={t('survey.ui.plan.method')} rules={[{ required: true }]}>
            <Select
              options={METHODS.map((m) => ({ value: m, label: t(`survey.ui.method.${m}`) }))}
              data-testid="plan-method"
            />
          </Form.Item>
          <Form.Item name="status" label={t('survey.ui.plan.status')} rules={[{ required: true }]}>
            <Select
              options={STATUSES.map((s) => ({ value: s, label: t(`survey.ui.status.${s}`) }))}
              data-testid="plan-status"
            />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('survey.ui.plan.period')}
            rules={[
              {
                validator: (_, v: Values['period']) =>
                  v?.[0] && v?.[1] && v[1].isBefore(v[0])
                    ? Promise.reject(new Error(t('survey.ui.plan.endBeforeStart')))
                    : Promise.resolve(),
              },
            ]}
          >
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
        </div>
        <Form.Item
          label={t('survey.ui.plan.audience')}
          tooltip={t('survey.ui.plan.audienceHint')}
          style={{ marginBottom: 0 }}
        >
          <div className="wb-form-row">
            <Form.Item name="teamIds">
              <Select
                mode="multiple"
                allowClear
                placeholder={t('survey.ui.plan.teams')}
                options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                optionFilterProp="label"
              />
            </Form.Item>
            <Form.Item name="staffIds">
              <Select
                mode="multiple"
                allowClear
                placeholder={t('survey.ui.plan.salespeople')}
                options={(staff.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.employeeNo})` }))}
                optionFilterProp="label"
              />
            </Form.Item>
            <Form.Item name="segments">
              <Select
                mode="tags"
                allowClear
                placeholder={t('survey.ui.plan.segments')}
                options={[...new Set(surveys.flatMap((s) => s.audience.segments))].map((s) => ({ value: s, label: s }))}
              />
            </Form.Item>
          </div>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('survey.ui.plan.note')}
          rules={[{ max: 500, message: t('common.tooLong', { max: 500 }) }]}
        >
          <Input placeholder={t('survey.ui.plan.noteHint')} />
        </Form.Item>
        <Form.Item
          name="previousWaveId"
          label={t('survey.ui.plan.previousWave')}
          tooltip={t('survey.ui.plan.previousWaveHint')}
        >
          <Select
            allowClear
            placeholder={t('survey.ui.plan.noPreviousWave')}
            options={surveys.filter((s) => s.id !== editing?.id).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
