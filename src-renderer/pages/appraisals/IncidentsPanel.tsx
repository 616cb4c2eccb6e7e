import { App, Button, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AppraisalShow } from '../../../src-main/contract/appraisal';
import { useOp, useOpMutation } from '../../backend/useOp';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { errorMessage } from '../../backend/ApiError';

interface Values {
  person: string;
  date: Dayjs;
  kind: 'violation' | 'major-loss';
  description: string;
  evidence: string;
  lossAmount?: number;
}

/** P6.3: serious violations and major losses, recorded with evidence; they only ever lead to a dismissal PROPOSAL. */
export function IncidentsPanel({ show, open }: { show: AppraisalShow; open: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const list = useOp('appraisal/incidents', { quarter: show.quarter });
  const record = useOpMutation('appraisal/record-incident');
  const submit = async (v: Values) => {
    try {
      await record.mutateAsync({
        person: v.person,
        date: v.date.format('YYYY-MM-DD'),
        kind: v.kind,
        description: v.description,
        evidence: v.evidence,
        lossAmount: v.lossAmount ?? null,
      });
      message.success(t('appraisal.ui.incidentSaved'));
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div className="wb-appraisal-scroll">
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        disabled={!open}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        <Form.Item name="person" rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch
            style={{ width: 180 }}
            placeholder={t('appraisal.report.name')}
            optionFilterProp="label"
            options={show.people.map((p) => ({ value: p.employeeNo, label: `${p.name} ${p.employeeNo}` }))}
          />
        </Form.Item>
        <Form.Item name="date" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker placeholder={t('appraisal.report.date')} />
        </Form.Item>
        <Form.Item name="kind" initialValue="violation">
          <Select
            style={{ width: 150 }}
            options={(['violation', 'major-loss'] as const).map((k) => ({
              value: k,
              label: t(`appraisal.ui.incidentKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="description" rules={[{ required: true, message: t('common.required') }]}>
          <Input style={{ width: 220 }} placeholder={t('appraisal.ui.description')} />
        </Form.Item>
        <Form.Item name="evidence" rules={[{ required: true, message: t('appraisal.ui.evidenceRequired') }]}>
          <Input style={{ width: 220 }} placeholder={t('appraisal.ui.evidence')} />
        </Form.Item>
        <Form.Item name="lossAmount">
          <InputNumber min={0} style={{ width: 140 }} placeholder={t('appraisal.ui.loss')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('appraisal.ui.record')}
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: t('appraisal.report.date'), dataIndex: 'date' },
          { title: t('appraisal.report.name'), dataIndex: 'name', render: (v: string, r) => `${v} ${r.employeeNo}` },
          {
            title: t('appraisal.ui.kind'),
            dataIndex: 'kind',
            render: (v: string) => t(`appraisal.ui.incidentKind.${v}`),
          },
          { title: t('appraisal.ui.description'), dataIndex: 'description' },
          { title: t('appraisal.ui.evidence'), dataIndex: 'evidence' },
          {
            title: t('appraisal.ui.loss'),
            dataIndex: 'lossAmount',
            render: (v: number | null) => (v == null ? '—' : formatMoney(v, lang)),
          },
          { title: t('appraisal.ui.recordedBy'), dataIndex: 'recordedBy' },
        ]}
      />
    </div>
  );
}
