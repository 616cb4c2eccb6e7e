import { FunnelPlotOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Divider, Form, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../../../src-main/contract/pipeline';
import { SEVERITIES, type Severity } from '../../../src-main/contract/tickets';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';

interface PipelineValues {
  probabilities: Record<Stage, number>;
  coverageThreshold: number;
}
interface ServiceValues {
  sla: Record<Severity, { response: number; resolution: number }>;
  departments: string[];
}
interface ApprovalValues {
  managerDiscountPct: number;
  managerAmount: number;
  secondDiscountPct: number;
  secondAmount: number;
  secondApprover: string | null;
}

/**
 * Settings → the sales process (P3.1, P2.6, P3.3, P4.4, P4.6): what each stage implies, the coverage
 * threshold, the approval thresholds and the second approver, the service-level targets by severity and
 * the departments. Each part saves on its own; the service checks it again and audits the change (who,
 * when, before and after), so a refusal (an unknown approver, a department still on open tickets) is shown
 * beside the part that caused it and nothing is saved.
 */
export function SalesProcessCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pipeline = useOp('pipeline/settings', {});
  const tickets = useOp('tickets/settings', {});
  const contracts = useOp('contracts/settings', {});
  const staff = useOp('staff/list', { includeInactive: false });
  const savePipeline = useOpMutation('pipeline/set-settings');
  const saveTickets = useOpMutation('tickets/set-settings');
  const saveContracts = useOpMutation('contracts/set-settings');
  const [pForm] = Form.useForm<PipelineValues>();
  const [sForm] = Form.useForm<ServiceValues>();
  const [aForm] = Form.useForm<ApprovalValues>();

  useEffect(() => {
    if (pipeline.data) pForm.setFieldsValue(pipeline.data);
  }, [pipeline.data, pForm]);
  useEffect(() => {
    if (tickets.data) sForm.setFieldsValue(tickets.data);
  }, [tickets.data, sForm]);
  useEffect(() => {
    if (contracts.data) aForm.setFieldsValue(contracts.data);
  }, [contracts.data, aForm]);

  const save = async <V,>(form: FormInstance<V>, send: (v: V) => Promise<unknown>) => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // each field says what is wrong
    try {
      await send(v);
      message.success(t('settings.sales.saved'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const need = (label: string) => ({ required: true, message: t('settings.sales.required', { field: label }) });
  const pct = { min: 0, max: 100, precision: 1 } as const;

  return (
    <Card
      title={
        <>
          <FunnelPlotOutlined /> {t('settings.sales.title')}
        </>
      }
      variant="outlined"
      data-testid="settings-sales"
    >
      <Typography.Title level={5}>{t('settings.sales.pipeline')}</Typography.Title>
      <Form form={pForm} layout="vertical" data-testid="settings-pipeline">
        <Row gutter={12}>
          {STAGES.map((s, i) => (
            <Col key={s} xs={12} md={6} xl={3}>
              <Form.Item
                name={['probabilities', s]}
                label={t(`pipeline.stage.${s}`)}
                dependencies={i > 0 && i < 5 ? [['probabilities', STAGES[i - 1]]] : []}
                rules={[
                  need(t(`pipeline.stage.${s}`)),
                  ({ getFieldValue }) => ({
                    // P3.1: a later open stage implies at least the probability of the one before it
                    validator: (_, v: number | null) =>
                      i > 0 && i < 5 && v !== null && v < (getFieldValue(['probabilities', STAGES[i - 1]]) as number)
                        ? Promise.reject(new Error(t('settings.sales.probabilityOrder')))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <InputNumber {...pct} suffix="%" style={{ width: '100%' }} data-testid={`prob-${s}`} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6} xl={4}>
            <Form.Item
              name="coverageThreshold"
              label={t('settings.sales.coverageThreshold')}
              rules={[need(t('settings.sales.coverageThreshold'))]}
            >
              <InputNumber
                min={0.1}
                max={100}
                step={0.5}
                suffix="×"
                style={{ width: '100%' }}
                data-testid="coverage-threshold"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          onClick={() => void save(pForm, (v) => savePipeline.mutateAsync(v))}
          loading={savePipeline.isPending}
          data-testid="save-pipeline"
        >
          {t('settings.sales.save')}
        </Button>
      </Form>

      <Divider />
      <Typography.Title level={5}>{t('settings.sales.approval')}</Typography.Title>
      <Form form={aForm} layout="vertical" data-testid="settings-approval">
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item
              name="managerDiscountPct"
              label={t('settings.sales.managerDiscount')}
              rules={[need(t('settings.sales.managerDiscount'))]}
            >
              <InputNumber {...pct} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="managerAmount"
              label={t('settings.sales.managerAmount')}
              rules={[need(t('settings.sales.managerAmount'))]}
            >
              <InputNumber min={0} precision={0} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="secondDiscountPct"
              label={t('settings.sales.secondDiscount')}
              dependencies={['managerDiscountPct']}
              rules={[
                need(t('settings.sales.secondDiscount')),
                ({ getFieldValue }) => ({
                  validator: (_, v: number | null) =>
                    v !== null && v < (getFieldValue('managerDiscountPct') as number)
                      ? Promise.reject(new Error(t('settings.sales.thresholdOrder')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <InputNumber {...pct} suffix="%" style={{ width: '100%' }} data-testid="second-discount" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="secondAmount"
              label={t('settings.sales.secondAmount')}
              dependencies={['managerAmount']}
              rules={[
                need(t('settings.sales.secondAmount')),
                ({ getFieldValue }) => ({
                  validator: (_, v: number | null) =>
                    v !== null && v < (getFieldValue('managerAmount') as number)
                      ? Promise.reject(new Error(t('settings.sales.thresholdOrder')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <InputNumber min={0} precision={0} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="secondApprover"
              label={t('settings.sales.secondApprover')}
              extra={t('settings.sales.secondApproverHint')}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(staff.data ?? []).map((s) => ({ value: s.employeeNo, label: `${s.employeeNo} ${s.name}` }))}
                data-testid="second-approver"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          onClick={() =>
            void save(aForm, (v) => saveContracts.mutateAsync({ ...v, secondApprover: v.secondApprover ?? null }))
          }
          loading={saveContracts.isPending}
          data-testid="save-approval"
        >
          {t('settings.sales.save')}
        </Button>
      </Form>

      <Divider />
      <Typography.Title level={5}>{t('settings.sales.service')}</Typography.Title>
      <Form form={sForm} layout="vertical" data-testid="settings-service">
        <Row gutter={12}>
          {SEVERITIES.map((sev) => (
            <Col key={sev} xs={12} md={6}>
              <Typography.Text strong>{t(`tickets.severity.${sev}`)}</Typography.Text>
              <Form.Item
                name={['sla', sev, 'response']}
                label={t('settings.sales.response')}
                rules={[need(t('settings.sales.response'))]}
              >
                <InputNumber
                  min={0.25}
                  max={10000}
                  step={0.5}
                  suffix="h"
                  style={{ width: '100%' }}
                  data-testid={`sla-${sev}-response`}
                />
              </Form.Item>
              <Form.Item
                name={['sla', sev, 'resolution']}
                label={t('settings.sales.resolution')}
                dependencies={[['sla', sev, 'response']]}
                rules={[
                  need(t('settings.sales.resolution')),
                  ({ getFieldValue }) => ({
                    validator: (_, v: number | null) =>
                      v !== null && v < (getFieldValue(['sla', sev, 'response']) as number)
                        ? Promise.reject(new Error(t('settings.sales.resolutionBeforeResponse')))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <InputNumber
                  min={0.25}
                  max={10000}
                  step={1}
                  suffix="h"
                  style={{ width: '100%' }}
                  data-testid={`sla-${sev}-resolution`}
                />
              </Form.Item>
            </Col>
          ))}
          <Col span={24}>
            <Form.Item
              name="departments"
              label={t('settings.sales.departments')}
              extra={t('settings.sales.departmentsHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('settings.sales.departmentsEmpty') }]}
            >
              <Select mode="tags" tokenSeparators={[',', '，']} data-testid="departments" />
            </Form.Item>
          </Col>
        </Row>
        <Button
          onClick={() => void save(sForm, (v) => saveTickets.mutateAsync(v))}
          loading={saveTickets.isPending}
          data-testid="save-service"
        >
          {t('settings.sales.save')}
        </Button>
      </Form>
    </Card>
  );
}
