import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, TrainingSession } from '../../../src-main/contract/training';
import { errorMessage } from '../../backend/ApiError';
import { invoke } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ExportButton } from '../../components/ExportButton';
import { tableExport } from '../../components/grid/tableExport';
import { htmlOf, PrintFrame } from '../../components/PrintFrame';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { FeedbackPanel } from './FeedbackPanel';

/** P5.4, P5.5: sessions with their participants; enrol before, attendance and scores after, the sign-in sheet to print. */
export function SessionsTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const sessions = useOp('training/sessions', {});
  const courses = useOp('training/courses', {});
  const save = useOpMutation('training/session-save');
  const [selected, setSelected] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [form] = Form.useForm();
  const session = sessions.data?.find((s) => s.id === selected) ?? null;
  const add = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({
        courseId: v.courseId,
        date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
        trainer: v.trainer ?? '',
        trainerKind: v.trainerKind ?? null,
        place: v.place ?? '',
        online: Boolean(v.online),
        hours: v.hours,
        cost: v.cost ?? 0,
      });
      setOpen(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const print = async (id: number) => {
    try {
      setHtml(htmlOf(await invoke('report/sign-in-sheet', { sessionId: id })));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div data-testid="training-sessions">
      <div className="wb-toolbar">
        <span />
        <Space>
          <ExportButton
            fileName={t('training.tabs.sessions')}
            rows={sessions.data?.length ?? 0}
            disabled={!sessions.data?.length}
            build={(format) => ({
              op: 'export/rows',
              input: tableExport(
                t('training.tabs.sessions'),
                [
                  { title: t('training.fields.date'), value: (s: TrainingSession) => s.date, format: 'date' },
                  { title: t('training.fields.course'), value: (s: TrainingSession) => s.course },
                  { title: t('training.fields.topic'), value: (s: TrainingSession) => t(`training.topic.${s.topic}`) },
                  { title: t('training.fields.trainer'), value: (s: TrainingSession) => s.trainer },
                  {
                    title: t('training.fields.trainerKind'),
                    value: (s: TrainingSession) => (s.trainerKind ? t(`training.trainerKind.${s.trainerKind}`) : null),
                  },
                  {
                    title: t('training.fields.place'),
                    value: (s: TrainingSession) => (s.online ? t('training.online') : s.place),
                  },
                  { title: t('training.fields.hours'), value: (s: TrainingSession) => s.hours, format: 'number' },
                  { title: t('training.fields.cost'), value: (s: TrainingSession) => s.cost, format: 'money' },
                  { title: t('training.fields.enrolled'), value: (s: TrainingSession) => s.enrolled, format: 'int' },
                  {
                    title: t('training.fields.attended'),
                    value: (s: TrainingSession) => (s.held ? s.attended : null),
                    format: 'int',
                  },
                  {
                    title: t('training.feedback.n'),
                    value: (s: TrainingSession) => (s.feedbackSurveyId === null ? null : s.feedbackResponses),
                    format: 'int',
                  },
                ],
                sessions.data ?? [],
                format,
              ),
            })}
            testId="sessions-export"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('training.actions.newSession')}
          </Button>
        </Space>
      </div>
      <Table<TrainingSession>
        rowKey="id"
        size="middle"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={{ pageSize: 10 }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selected ? [selected] : [],
          onChange: (keys) => setSelected(Number(keys[0])),
        }}
        columns={[
          { title: t('training.fields.date'), dataIndex: 'date' },
          { title: t('training.fields.course'), dataIndex: 'course' },
          { title: t('training.fields.trainer'), dataIndex: 'trainer', render: (v: string | null) => v ?? '—' },
          {
            title: t('training.fields.place'),
            key: 'place',
            render: (_, s) => (s.online ? t('training.online') : (s.place ?? '—')),
          },
          { title: t('training.fields.hours'), dataIndex: 'hours', align: 'right' },
          {
            title: t('training.fields.cost'),
            dataIndex: 'cost',
            align: 'right',
            render: (v: number) => formatMoney(v, lang),
          },
          { title: t('training.fields.enrolled'), dataIndex: 'enrolled', align: 'right' },
          {
            title: t('training.fields.attended'),
            key: 'attended',
            align: 'right',
            render: (_, s) => (s.held ? s.attended : <Tag>{t('training.summary.notHeld')}</Tag>),
          },
          {
            title: '',
            key: 'print',
            render: (_, s) => (
              <Button size="small" onClick={() => void print(s.id)} data-testid={`sign-in-${s.id}`}>
                {t('training.actions.printSignIn')}
              </Button>
            ),
          },
        ]}
      />
      {session && <Participants session={session} />}
      <Modal
        open={open}
        title={t('training.actions.newSession')}
        onOk={() => void add()}
        onCancel={() => setOpen(false)}
        okText={t('training.actions.save')}
      >
        <Form form={form} layout="vertical" initialValues={{ hours: 2, date: dayjs() }}>
          <Form.Item
            name="courseId"
            label={t('training.fields.course')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
          <Form.Item name="date" label={t('training.fields.date')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="trainer" label={t('training.fields.trainer')}>
            <Input />
          </Form.Item>
          <Form.Item name="trainerKind" label={t('training.fields.trainerKind')}>
            <Select
              allowClear
              options={(['internal', 'external'] as const).map((k) => ({
                value: k,
                label: t(`training.trainerKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="place" label={t('training.fields.place')}>
            <Input />
          </Form.Item>
          <Form.Item name="online" valuePropName="checked">
            <Checkbox>{t('training.online')}</Checkbox>
          </Form.Item>
          <Form.Item name="hours" label={t('training.fields.hours')}>
            <InputNumber min={0.5} step={0.5} />
          </Form.Item>
          <Form.Item name="cost" label={t('training.fields.cost')}>
            <InputNumber min={0} />
          </Form.Item>
        </Form>
      </Modal>
      <PrintFrame title={t('training.print.signInTitle')} html={html} onClose={() => setHtml(null)} />
    </div>
  );
}

/** The participants of one session: enrol people before it, enter attendance, scores and mastery after it. */
function Participants({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = useOp('training/participants', { sessionId: session.id });
  const staff = useOp('staff/list', { includeInactive: false });
  const enrol = useOpMutation('training/enrol');
  const attend = useOpMutation('training/attendance');
  const [chosen, setChosen] = useState<string[]>([]);
  const [edits, setEdits] = useState<Record<string, Partial<Participant>>>({});
  const rows = (people.data ?? []).map((r) => ({ ...r, ...edits[r.employeeNo] }));
  const patch = (no: string, p: Partial<Participant>) => setEdits((e) => ({ ...e, [no]: { ...e[no], ...p } }));
  const run = (p: Promise<unknown>) => p.catch((e: unknown) => message.error(errorMessage(e)));
  return (
    <div style={{ marginTop: 16 }} data-testid="participants">
      <Space style={{ marginBottom: 8 }} wrap>
        <strong>
          {session.course} · {session.date}
        </strong>
        <Select
          mode="multiple"
          style={{ minWidth: 320 }}
          value={chosen}
          onChange={setChosen}
          optionFilterProp="label"
          options={(staff.data ?? []).map((s) => ({ value: s.employeeNo, label: `${s.name} (${s.employeeNo})` }))}
        />
        <Button
          disabled={!chosen.length}
          onClick={() =>
            void run(enrol.mutateAsync({ sessionId: session.id, people: chosen }).then(() => setChosen([])))
          }
        >
          {t('training.actions.enrol')}
        </Button>
        <Button
          type="primary"
          disabled={!rows.length}
          onClick={() =>
            void run(
              attend
                .mutateAsync({
                  sessionId: session.id,
                  rows: rows.map((r) => ({
                    person: r.employeeNo,
                    attended: r.attended,
                    testScore: r.attended ? r.testScore : null,
                    mastery: r.attended ? r.mastery : null,
                  })),
                })
                .then(() => setEdits({})),
            )
          }
          data-testid="save-attendance"
        >
          {t('training.actions.attendance')}
        </Button>
        <ExportButton
          fileName={`${session.course} ${session.date}`}
          rows={rows.length}
          disabled={!rows.length}
          build={(format) => ({
            op: 'export/rows',
            input: tableExport(
              `${session.course} ${session.date}`,
              [
                { title: t('training.fields.employeeNo'), value: (r: Participant) => r.employeeNo },
                { title: t('training.fields.name'), value: (r: Participant) => r.name },
                { title: t('training.fields.team'), value: (r: Participant) => r.team },
                { title: t('training.fields.attended'), value: (r: Participant) => r.attended, format: 'bool' },
                { title: t('training.fields.testScore'), value: (r: Participant) => r.testScore, format: 'number' },
                { title: t('training.fields.passed'), value: (r: Participant) => r.passed, format: 'bool' },
                { title: t('training.fields.mastery'), value: (r: Participant) => r.mastery, format: 'int' },
                { title: t('training.fields.feedback'), value: (r: Participant) => r.feedback },
              ],
              people.data ?? [],
              format,
            ),
          })}
          testId="participants-export"
        />
      </Space>
      <Table<Participant>
        rowKey="employeeNo"
        size="small"
        pagination={false}
        loading={people.isPending}
        dataSource={rows}
        columns={[
          { title: t('training.fields.employeeNo'), dataIndex: 'employeeNo' },
          { title: t('training.fields.name'), dataIndex: 'name' },
          {
            title: t('training.fields.attended'),
            key: 'a',
            render: (_, r) => (
              <Checkbox checked={r.attended} onChange={(e) => patch(r.employeeNo, { attended: e.target.checked })} />
            ),
          },
          {
            title: t('training.fields.testScore'),
            key: 's',
            render: (_, r) => (
              <InputNumber
                min={0}
                max={100}
                value={r.testScore}
                onChange={(v) => patch(r.employeeNo, { testScore: v })}
              />
            ),
          },
          {
            title: t('training.fields.mastery'),
            key: 'm',
            render: (_, r) => (
              <InputNumber min={1} max={5} value={r.mastery} onChange={(v) => patch(r.employeeNo, { mastery: v })} />
            ),
          },
          {
            title: t('training.fields.passed'),
            dataIndex: 'passed',
            render: (v: boolean | null) => (v === null ? '—' : v ? '✓' : '✗'),
          },
          { title: t('training.fields.feedback'), dataIndex: 'enrolledReason', render: (v: string | null) => v ?? '' },
        ]}
      />
      <FeedbackPanel session={session} people={people.data ?? []} />
    </div>
  );
}
