import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUNDS, type ScorecardItem } from '../../../src-main/contract/recruit';
import { errorMessage } from '../../backend/ApiError';
import { invoke } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { htmlOf, PrintFrame } from '../../components/PrintFrame';

/** P5.3: the candidate's scorecards on the appraisal rubric, the panel's summary, offer and hire. */
export function InterviewsTab({
  candidateId,
  onCandidate,
}: {
  candidateId: number | null;
  onCandidate: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const candidates = useOp('recruit/candidates', {});
  const staff = useOp('staff/list', { includeInactive: false });
  const panel = useOp('recruit/interviews', { candidateId: candidateId ?? 0 }, { enabled: candidateId !== null });
  const candidate = candidates.data?.find((c) => c.id === candidateId);
  const score = useOpMutation('recruit/interview-score');
  const offer = useOpMutation('recruit/offer');
  const respond = useOpMutation('recruit/offer-response');
  const hire = useOpMutation('recruit/hire');
  const [form] = Form.useForm();
  const [hireForm] = Form.useForm();
  const [html, setHtml] = useState<string | null>(null);
  const run = (p: Promise<unknown>) => p.catch((e: unknown) => message.error(errorMessage(e)));

  const submit = async () => {
    const v = await form.validateFields();
    const scores = Object.fromEntries((panel.data?.items ?? []).map((i) => [i.key, v[`item_${i.key}`] as number]));
    await run(
      score
        .mutateAsync({
          candidateId: candidateId!,
          round: v.round,
          date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
          interviewer: v.interviewer,
          scores,
          recommendation: v.recommendation ?? null,
          notes: v.notes ?? '',
        })
        .then(() => form.resetFields()),
    );
  };
  const print = async () => {
    try {
      setHtml(htmlOf(await invoke('report/interview-scorecard', { candidateId: candidateId! })));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const levelOptions = (i: ScorecardItem) =>
    i.levels.map((l) => ({
      value: l.level,
      label: <Tooltip title={l.description}>{`${l.level} · ${l.label}`}</Tooltip>,
    }));

  return (
    <div data-testid="recruit-interviews">
      <div className="wb-toolbar">
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 320 }}
          value={candidateId ?? undefined}
          onChange={onCandidate}
          options={(candidates.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.name} · ${t(`recruit.status.${c.status}`)}`,
          }))}
          data-testid="interview-candidate"
        />
        <Button disabled={candidateId === null} onClick={() => void print()} data-testid="print-scorecard">
          {t('recruit.actions.printScorecard')}
        </Button>
      </div>
      {candidateId !== null && panel.data && (
        <>
          <Typography.Title level={5}>{t('recruit.summary.panel')}</Typography.Title>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={panel.data.summary.map((s) => ({
              ...s,
              label: panel.data.items.find((i) => i.key === s.key)?.label,
            }))}
            columns={[
              { title: t('recruit.print.item'), dataIndex: 'label' },
              { title: t('recruit.fields.mean'), dataIndex: 'mean', render: (v: number | null) => v ?? '—' },
              {
                title: t('recruit.fields.spread'),
                dataIndex: 'spread',
                render: (v: number | null) => (v === null ? '—' : v >= 2 ? <Tag color="warning">{v}</Tag> : v),
              },
              { title: t('recruit.fields.n'), dataIndex: 'n' },
            ]}
            data-testid="panel-summary"
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('recruit.actions.score')}
          </Typography.Title>
          <Form form={form} layout="inline" initialValues={{ round: 'first', date: dayjs() }} style={{ rowGap: 8 }}>
            <Form.Item name="round" label={t('recruit.fields.round')}>
              <Select
                style={{ width: 120 }}
                options={ROUNDS.map((r) => ({ value: r, label: t(`recruit.round.${r}`) }))}
              />
            </Form.Item>
            <Form.Item name="date" label={t('recruit.fields.date')}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="interviewer"
              label={t('recruit.fields.interviewer')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 200 }}
                options={(staff.data ?? []).map((s) => ({ value: s.employeeNo, label: `${s.name} (${s.employeeNo})` }))}
                data-testid="interviewer"
              />
            </Form.Item>
            {panel.data.items.map((i) => (
              <Form.Item
                key={i.key}
                name={`item_${i.key}`}
                label={i.label}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select style={{ width: 200 }} options={levelOptions(i)} data-testid={`level-${i.key}`} />
              </Form.Item>
            ))}
            <Form.Item name="recommendation" label={t('recruit.fields.recommendation')}>
              <Select
                allowClear
                style={{ width: 140 }}
                options={(['hire', 'hold', 'reject'] as const).map((r) => ({
                  value: r,
                  label: t(`recruit.recommendation.${r}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="notes" label={t('recruit.fields.notes')}>
              <Input />
            </Form.Item>
            <Button type="primary" onClick={() => void submit()} loading={score.isPending} data-testid="score-save">
              {t('recruit.actions.save')}
            </Button>
          </Form>
          {candidate && (
            <div style={{ marginTop: 24 }}>
              <Descriptions
                size="small"
                column={3}
                items={[
                  { key: 's', label: t('recruit.fields.status'), children: t(`recruit.status.${candidate.status}`) },
                  {
                    key: 'o',
                    label: t('recruit.actions.offer'),
                    children: candidate.offerDate
                      ? `${candidate.offerDate} ${candidate.offerResponse ? t(`recruit.actions.${candidate.offerResponse === 'accepted' ? 'accept' : 'decline'}`) : ''}`
                      : '—',
                  },
                  { key: 'e', label: t('recruit.fields.employeeNo'), children: candidate.employeeNo ?? '—' },
                ]}
              />
              <Space wrap style={{ marginTop: 8 }}>
                <Button
                  disabled={panel.data.cards.length === 0 || !!candidate.offerDate}
                  onClick={() =>
                    void run(offer.mutateAsync({ candidateId: candidate.id, date: dayjs().format('YYYY-MM-DD') }))
                  }
                  data-testid="make-offer"
                >
                  {t('recruit.actions.offer')}
                </Button>
                <Button
                  disabled={candidate.status !== 'offer' || !!candidate.offerResponse}
                  onClick={() => void run(respond.mutateAsync({ candidateId: candidate.id, response: 'accepted' }))}
                  data-testid="offer-accepted"
                >
                  {t('recruit.actions.accept')}
                </Button>
                <Form form={hireForm} layout="inline" initialValues={{ startDate: dayjs() }}>
                  <Form.Item name="employeeNo" rules={[{ required: true, message: t('common.required') }]}>
                    <Input placeholder={t('recruit.fields.employeeNo')} data-testid="hire-employee-no" />
                  </Form.Item>
                  <Form.Item name="startDate">
                    <DatePicker />
                  </Form.Item>
                  <Button
                    type="primary"
                    disabled={candidate.offerResponse !== 'accepted' || !!candidate.employeeNo}
                    data-testid="hire"
                    onClick={() =>
                      void hireForm.validateFields().then((v) =>
                        run(
                          hire
                            .mutateAsync({
                              candidateId: candidate.id,
                              employeeNo: v.employeeNo,
                              startDate: (v.startDate as dayjs.Dayjs).format('YYYY-MM-DD'),
                            })
                            .then((r) =>
                              message.success(
                                t('recruit.summary.hired', { name: r.staff.name, no: r.staff.employeeNo }),
                              ),
                            ),
                        ),
                      )
                    }
                  >
                    {t('recruit.actions.hire')}
                  </Button>
                </Form>
              </Space>
            </div>
          )}
        </>
      )}
      <PrintFrame title={t('recruit.print.scorecardTitle')} html={html} onClose={() => setHtml(null)} />
    </div>
  );
}
