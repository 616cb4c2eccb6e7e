import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, TOPICS, type Course } from '../../../src-main/contract/training';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ExportButton } from '../../components/ExportButton';
import { tableExport } from '../../components/grid/tableExport';

/** P5.4: the hours each stage must train this year, and the courses by stage and topic. */
export function CoursesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const year = new Date().getFullYear();
  const reqs = useOp('training/requirements', { year });
  const courses = useOp('training/courses', {});
  const setReq = useOpMutation('training/set-requirement');
  const save = useOpMutation('training/course-save');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const add = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ title: v.title, stage: v.stage, topic: v.topic, passMark: v.passMark ?? null });
      setOpen(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div data-testid="training-plans">
      <Typography.Title level={5}>
        {t('training.fields.required')} · {year}
      </Typography.Title>
      <Table
        rowKey="stage"
        size="small"
        pagination={false}
        dataSource={STAGES.map(
          (stage) => reqs.data?.find((r) => r.stage === stage) ?? { year, stage, hours: null, topics: [] },
        )}
        columns={[
          { title: t('training.fields.stage'), dataIndex: 'stage', render: (s: string) => t(`training.stage.${s}`) },
          {
            title: t('training.fields.required'),
            key: 'hours',
            render: (_, r) => (
              <InputNumber
                min={0}
                defaultValue={r.hours ?? undefined}
                onBlur={(e) => {
                  const hours = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(hours) && hours !== r.hours)
                    void setReq
                      .mutateAsync({ year, stage: r.stage, hours, topics: r.topics })
                      .catch((x: unknown) => message.error(errorMessage(x)));
                }}
              />
            ),
          },
          {
            title: t('training.fields.topics'),
            dataIndex: 'topics',
            render: (ts: string[]) => ts.map((x) => <Tag key={x}>{t(`training.topic.${x}`)}</Tag>),
          },
        ]}
      />
      <div className="wb-toolbar" style={{ marginTop: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('training.fields.course')}
        </Typography.Title>
        <Space>
          <ExportButton
            fileName={t('training.fields.course')}
            rows={courses.data?.length ?? 0}
            disabled={!courses.data?.length}
            build={(format) => ({
              op: 'export/rows',
              input: tableExport(
                t('training.fields.course'),
                [
                  { title: t('training.fields.course'), value: (c: Course) => c.title },
                  { title: t('training.fields.stage'), value: (c: Course) => t(`training.stage.${c.stage}`) },
                  { title: t('training.fields.topic'), value: (c: Course) => t(`training.topic.${c.topic}`) },
                  { title: t('training.fields.passMark'), value: (c: Course) => c.passMark, format: 'number' },
                  { title: t('training.tabs.sessions'), value: (c: Course) => c.sessions, format: 'int' },
                ],
                courses.data ?? [],
                format,
              ),
            })}
            testId="courses-export"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('training.actions.newCourse')}
          </Button>
        </Space>
      </div>
      <Table<Course>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={courses.isPending}
        dataSource={courses.data ?? []}
        columns={[
          { title: t('training.fields.course'), dataIndex: 'title' },
          { title: t('training.fields.stage'), dataIndex: 'stage', render: (s: string) => t(`training.stage.${s}`) },
          { title: t('training.fields.topic'), dataIndex: 'topic', render: (s: string) => t(`training.topic.${s}`) },
          { title: t('training.fields.passMark'), dataIndex: 'passMark', render: (v: number | null) => v ?? '—' },
          { title: t('training.tabs.sessions'), dataIndex: 'sessions', align: 'right' },
        ]}
      />
      <Modal
        open={open}
        title={t('training.actions.newCourse')}
        onOk={() => void add()}
        onCancel={() => setOpen(false)}
        okText={t('training.actions.save')}
      >
        <Form form={form} layout="vertical" initialValues={{ stage: 'junior', topic: 'product', passMark: 60 }}>
          <Form.Item
            name="title"
            label={t('training.fields.course')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="stage" label={t('training.fields.stage')}>
            <Select options={STAGES.map((s) => ({ value: s, label: t(`training.stage.${s}`) }))} />
          </Form.Item>
          <Form.Item name="topic" label={t('training.fields.topic')}>
            <Select options={TOPICS.map((s) => ({ value: s, label: t(`training.topic.${s}`) }))} />
          </Form.Item>
          <Form.Item name="passMark" label={t('training.fields.passMark')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
