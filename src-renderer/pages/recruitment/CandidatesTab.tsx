import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, EDUCATION, type Candidate } from '../../../src-main/contract/recruit';
import { errorMessage } from '../../backend/ApiError';
import { uploadFile } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { tableExport } from '../../components/grid/tableExport';

const VERDICT_COLOR = { met: 'success', 'not-met': 'error', unknown: 'default' } as const;

/** P5.2: candidates of a plan, screened against its criteria; duplicates across channels are flagged. */
export function CandidatesTab({ onInterview }: { onInterview: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plans = useOp('recruit/plans', {});
  const [planId, setPlanId] = useState<number | undefined>();
  const plan = planId ?? plans.data?.[0]?.id;
  const list = useOp('recruit/candidates', plan ? { planId: plan } : {});
  const [adding, setAdding] = useState(false);
  const [screening, setScreening] = useState<Candidate | null>(null);
  const save = useOpMutation('recruit/candidate-save');
  const attach = useOpMutation('recruit/attach-resume');
  const [form] = Form.useForm();
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const add = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({
        planId: plan!,
        name: v.name,
        phone: v.phone ?? '',
        email: v.email ?? '',
        channel: v.channel,
        appliedDate: (v.appliedDate as dayjs.Dayjs).format('YYYY-MM-DD'),
        profile: {
          education: v.education ?? null,
          years: v.years ?? null,
          industry: v.industry ?? '',
          skills: v.skills ?? [],
        },
      });
      setAdding(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div data-testid="recruit-candidates">
      <div className="wb-toolbar">
        <Select
          style={{ width: 320 }}
          value={plan}
          onChange={setPlanId}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          data-testid="candidates-plan"
        />
        <Space>
          <ExportButton
            fileName={t('recruit.tabs.candidates')}
            rows={list.data?.length ?? 0}
            disabled={!list.data?.length}
            build={(format) => ({
              op: 'export/rows',
              input: tableExport(
                t('recruit.tabs.candidates'),
                [
                  { title: t('recruit.fields.name'), value: (c: Candidate) => c.name },
                  { title: t('recruit.fields.phone'), value: (c: Candidate) => c.phone },
                  { title: t('recruit.fields.email'), value: (c: Candidate) => c.email },
                  {
                    title: t('recruit.fields.channel'),
                    value: (c: Candidate) => (c.channel ? t(`recruit.channel.${c.channel}`) : null),
                  },
                  { title: t('recruit.fields.appliedDate'), value: (c: Candidate) => c.appliedDate, format: 'date' },
                  { title: t('recruit.fields.status'), value: (c: Candidate) => t(`recruit.status.${c.status}`) },
                  { title: t('recruit.fields.score'), value: (c: Candidate) => c.screening?.score, format: 'number' },
                  {
                    title: t('recruit.fields.decision'),
                    value: (c: Candidate) => (c.screenDecision ? t(`recruit.decision.${c.screenDecision}`) : null),
                  },
                  { title: t('recruit.fields.reason'), value: (c: Candidate) => c.screenReason },
                  {
                    title: t('recruit.fields.duplicates'),
                    value: (c: Candidate) => c.duplicates.map((d) => d.name).join('、'),
                  },
                ],
                list.data ?? [],
                format,
              ),
            })}
            testId="candidates-export"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!plan}
            onClick={() => setAdding(true)}
            data-testid="new-candidate"
          >
            {t('recruit.actions.newCandidate')}
          </Button>
        </Space>
      </div>
      <Table<Candidate>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('recruit.fields.name'), dataIndex: 'name' },
          {
            title: t('recruit.fields.channel'),
            dataIndex: 'channel',
            render: (c: string | null) => (c ? t(`recruit.channel.${c}`) : '—'),
          },
          { title: t('recruit.fields.appliedDate'), dataIndex: 'appliedDate' },
          {
            title: t('recruit.fields.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag>{t(`recruit.status.${s}`)}</Tag>,
          },
          {
            title: t('recruit.fields.score'),
            key: 'score',
            align: 'right',
            render: (_, c) => c.screening?.score ?? '—',
          },
          {
            title: t('recruit.fields.decision'),
            key: 'decision',
            render: (_, c) =>
              c.screenDecision
                ? `${t(`recruit.decision.${c.screenDecision}`)}${c.screenReason ? ` · ${c.screenReason}` : ''}`
                : '—',
          },
          {
            title: t('recruit.fields.duplicates'),
            key: 'dups',
            render: (_, c) =>
              c.duplicates.map((d) => (
                <Tag color="warning" key={d.id}>
                  {d.name} · {d.channel ? t(`recruit.channel.${d.channel}`) : ''}
                </Tag>
              )),
          },
          {
            title: '',
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => setScreening(c)}
                  disabled={c.status === 'hired'}
                  data-testid={`screen-${c.id}`}
                >
                  {t('recruit.actions.screen')}
                </Button>
                <Button size="small" onClick={() => onInterview(c.id)} data-testid={`interview-${c.id}`}>
                  {t('recruit.tabs.interviews')}
                </Button>
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void uploadFile(file)
                      .then(({ upload }) => attach.mutateAsync({ candidateId: c.id, file: { upload } }))
                      .catch((e: unknown) => message.error(errorMessage(e)));
                    return false;
                  }}
                >
                  <Button size="small" title={c.resume ?? undefined} data-testid={`resume-${c.id}`}>
                    {c.resume ? `📎 ${c.resume}` : t('recruit.actions.attachResume')}
                  </Button>
                </Upload>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('recruit.actions.newCandidate')}
        onOk={() => void add()}
        onCancel={() => setAdding(false)}
        confirmLoading={save.isPending}
        okText={t('recruit.actions.save')}
      >
        <Form form={form} layout="vertical" initialValues={{ channel: 'boss', appliedDate: dayjs() }}>
          <Form.Item
            name="name"
            label={t('recruit.fields.name')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input data-testid="candidate-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('recruit.fields.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('recruit.fields.email')}>
            <Input />
          </Form.Item>
          <Form.Item name="channel" label={t('recruit.fields.channel')}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`recruit.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="appliedDate" label={t('recruit.fields.appliedDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="education" label={t('recruit.fields.education')}>
            <Select allowClear options={EDUCATION.map((e) => ({ value: e, label: t(`recruit.education.${e}`) }))} />
          </Form.Item>
          <Form.Item name="years" label={t('recruit.fields.years')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="industry" label={t('recruit.fields.industry')}>
            <Input />
          </Form.Item>
          <Form.Item name="skills" label={t('recruit.fields.skills')}>
            <Select mode="tags" />
          </Form.Item>
        </Form>
      </Modal>
      {screening && <ScreenModal candidate={screening} onClose={() => setScreening(null)} />}
    </div>
  );
}

/** The candidate against each criterion, the suggestion, and the manager's decision with its reason. */
function ScreenModal({ candidate, onClose }: { candidate: Candidate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const result = useOp('recruit/screening', { candidateId: candidate.id });
  const screen = useOpMutation('recruit/screen');
  const [decision, setDecision] = useState<'pass' | 'hold' | 'reject' | undefined>();
  const [reason, setReason] = useState('');
  const chosen = decision ?? result.data?.suggested;
  const ok = async () => {
    try {
      await screen.mutateAsync({ candidateId: candidate.id, decision: chosen!, reason });
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={`${t('recruit.actions.screen')} · ${candidate.name}`}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={screen.isPending}
      okText={t('recruit.actions.save')}
      okButtonProps={{ 'data-testid': 'screen-save' } as Record<string, string>}
    >
      <Table
        rowKey="criterion"
        size="small"
        pagination={false}
        loading={result.isPending}
        dataSource={result.data?.items ?? []}
        columns={[
          {
            title: t('recruit.fields.criterion'),
            dataIndex: 'criterion',
            render: (c: string) => t(`recruit.criterion.${c}`),
          },
          { title: t('recruit.fields.required'), dataIndex: 'required' },
          { title: t('recruit.fields.given'), dataIndex: 'given', render: (v: string | null) => v ?? '—' },
          {
            title: t('recruit.fields.verdict'),
            dataIndex: 'verdict',
            render: (v: keyof typeof VERDICT_COLOR) => <Tag color={VERDICT_COLOR[v]}>{t(`recruit.verdict.${v}`)}</Tag>,
          },
        ]}
      />
      {result.data && (
        <p style={{ marginTop: 12 }} data-testid="screen-score">
          {t('recruit.fields.score')}: {result.data.score ?? '—'} ·{' '}
          {t('recruit.summary.suggested', { decision: t(`recruit.decision.${result.data.suggested}`) })}
        </p>
      )}
      <Radio.Group value={chosen} onChange={(e) => setDecision(e.target.value as 'pass')} data-testid="screen-decision">
        {(['pass', 'hold', 'reject'] as const).map((d) => (
          <Radio.Button key={d} value={d}>
            {t(`recruit.decision.${d}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
      <Input.TextArea
        style={{ marginTop: 12 }}
        placeholder={t('recruit.fields.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="screen-reason"
      />
    </Modal>
  );
}
