import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, EDUCATION, type RecruitPlan } from '../../../src-main/contract/recruit';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { tableExport } from '../../components/grid/tableExport';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { PlanActions } from './PlanActions';

const APPROVAL_COLOR = { draft: 'default', submitted: 'processing', approved: 'success', rejected: 'error' } as const;

interface PlanForm {
  title: string;
  teamId?: number;
  jobTitle?: string;
  headcount: number;
  budget?: number;
  channels?: (typeof CHANNELS)[number][];
  requestedBy?: string;
  education?: (typeof EDUCATION)[number];
  minYears?: number;
  industries?: string[];
  skills?: string[];
  experienceKinds?: string[];
  languages?: string[];
  locations?: string[];
  period?: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
}

/** P5.1: the recruitment plans with their approval and progress against headcount. */
export function PlansTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const plans = useOp('recruit/plans', {});
  const teams = useOp('teams/list', {});
  const save = useOpMutation('recruit/plan-save');
  const [form] = Form.useForm<PlanForm>();
  const [open, setOpen] = useState(false);
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;

  const create = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({
        title: v.title,
        teamId: v.teamId ?? null,
        jobTitle: v.jobTitle ?? null,
        headcount: v.headcount,
        budget: v.budget ?? 0,
        channels: v.channels ?? [],
        requestedBy: v.requestedBy || null,
        startDate: v.period?.[0]?.format('YYYY-MM-DD') ?? null,
        endDate: v.period?.[1]?.format('YYYY-MM-DD') ?? null,
        criteria: {
          ...(v.education ? { education: v.education } : {}),
          ...(v.minYears != null ? { minYears: v.minYears } : {}),
          ...(v.industries?.length ? { industries: v.industries } : {}),
          ...(v.skills?.length ? { skills: v.skills } : {}),
          ...(v.experienceKinds?.length ? { experienceKinds: v.experienceKinds } : {}),
          ...(v.languages?.length ? { languages: v.languages } : {}),
          ...(v.locations?.length ? { locations: v.locations } : {}),
        },
      });
      setOpen(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div data-testid="recruit-plans">
      <div className="wb-toolbar">
        <span />
        <Space>
          <ExportButton
            fileName={t('recruit.tabs.plans')}
            rows={plans.data?.length ?? 0}
            disabled={!plans.data?.length}
            build={(format) => ({
              op: 'export/rows',
              input: tableExport(
                t('recruit.tabs.plans'),
                [
                  { title: t('recruit.fields.title'), value: (p: RecruitPlan) => p.title },
                  { title: t('recruit.fields.team'), value: (p: RecruitPlan) => p.team },
                  { title: t('recruit.fields.headcount'), value: (p: RecruitPlan) => p.headcount, format: 'int' },
                  { title: t('recruit.stage.applied'), value: (p: RecruitPlan) => p.progress.applied, format: 'int' },
                  { title: t('recruit.stage.hired'), value: (p: RecruitPlan) => p.progress.hired, format: 'int' },
                  {
                    title: t('recruit.fields.channels'),
                    value: (p: RecruitPlan) => p.channels.map((c) => t(`recruit.channel.${c}`)).join('、'),
                  },
                  { title: t('recruit.fields.budget'), value: (p: RecruitPlan) => p.budget, format: 'money' },
                  { title: t('recruit.fields.spent'), value: (p: RecruitPlan) => p.spent, format: 'money' },
                  {
                    title: t('recruit.fields.approval'),
                    value: (p: RecruitPlan) => t(`recruit.approval.${p.approval}`),
                  },
                ],
                plans.data ?? [],
                format,
              ),
            })}
            testId="plans-export"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-plan">
            {t('recruit.actions.newPlan')}
          </Button>
        </Space>
      </div>
      <Table<RecruitPlan>
        rowKey="id"
        size="middle"
        loading={plans.isPending}
        dataSource={plans.data ?? []}
        pagination={false}
        columns={[
          { title: t('recruit.fields.title'), dataIndex: 'title' },
          { title: t('recruit.fields.team'), dataIndex: 'team', render: (v: string | null) => v ?? '—' },
          { title: t('recruit.fields.headcount'), dataIndex: 'headcount', align: 'right' },
          {
            title: t('recruit.fields.progress'),
            key: 'progress',
            render: (_, p) => `${p.progress.hired} / ${p.headcount} (${p.progress.applied})`,
          },
          {
            title: t('recruit.fields.channels'),
            dataIndex: 'channels',
            render: (cs: string[]) => cs.map((c) => <Tag key={c}>{t(`recruit.channel.${c}`)}</Tag>),
          },
          {
            title: t('recruit.fields.budget'),
            key: 'budget',
            align: 'right',
            render: (_, p) => `${formatMoney(p.spent, lang)} / ${formatMoney(p.budget, lang)}`,
          },
          {
            title: t('recruit.fields.approval'),
            dataIndex: 'approval',
            render: (a: RecruitPlan['approval']) => <Tag color={APPROVAL_COLOR[a]}>{t(`recruit.approval.${a}`)}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_, p) => <PlanActions plan={p} />,
          },
        ]}
      />
      <Modal
        open={open}
        title={t('recruit.actions.newPlan')}
        onOk={() => void create()}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        okText={t('recruit.actions.save')}
        width={640}
      >
        <Form form={form} layout="vertical" initialValues={{ headcount: 1 }}>
          <Form.Item
            name="title"
            label={t('recruit.fields.title')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input data-testid="plan-title" />
          </Form.Item>
          <Form.Item name="teamId" label={t('recruit.fields.team')}>
            <Select allowClear options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="jobTitle" label={t('recruit.fields.jobTitle')}>
            <Input />
          </Form.Item>
          <Form.Item name="headcount" label={t('recruit.fields.headcount')} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="budget" label={t('recruit.fields.budget')}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="channels" label={t('recruit.fields.channels')}>
            <Select mode="multiple" options={CHANNELS.map((c) => ({ value: c, label: t(`recruit.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="requestedBy" label={t('recruit.fields.requestedBy')}>
            <Input />
          </Form.Item>
          <Form.Item name="education" label={t('recruit.criterion.education')}>
            <Select allowClear options={EDUCATION.map((e) => ({ value: e, label: t(`recruit.education.${e}`) }))} />
          </Form.Item>
          <Form.Item name="minYears" label={t('recruit.criterion.minYears')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="industries" label={t('recruit.criterion.industries')}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="skills" label={t('recruit.criterion.skills')}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="experienceKinds" label={t('recruit.criterion.experienceKinds')}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="languages" label={t('recruit.criterion.languages')}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="locations" label={t('recruit.criterion.locations')}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="period" label={`${t('recruit.fields.startDate')} – ${t('recruit.fields.endDate')}`}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
