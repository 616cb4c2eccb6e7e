import { CustomerServiceOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Ticket, TicketStatus } from '../../../src-main/contract/tickets';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ExportButton } from '../../components/ExportButton';
import { listExport, type ListColumn } from '../../components/grid/gridExport';
import { PageHeader } from '../../components/PageHeader';
import { QualityFigures } from './QualityFigures';
import { TicketForm } from './TicketForm';
import '../pipeline/pipeline.css';

const SLA_COLOR: Record<Ticket['sla'], string> = {
  met: 'green',
  breached: 'red',
  'due-soon': 'orange',
  running: 'blue',
  paused: 'default',
};

/** The next steps a ticket's status allows (P4.6); a reopen asks for its reason. */
const ACTIONS: Record<TicketStatus, { to: TicketStatus; key: string }[]> = {
  new: [
    { to: 'in_progress', key: 'start' },
    { to: 'waiting', key: 'wait' },
    { to: 'resolved', key: 'resolve' },
  ],
  in_progress: [
    { to: 'waiting', key: 'wait' },
    { to: 'resolved', key: 'resolve' },
  ],
  waiting: [
    { to: 'in_progress', key: 'resume' },
    { to: 'resolved', key: 'resolve' },
  ],
  resolved: [
    { to: 'closed', key: 'close' },
    { to: 'in_progress', key: 'reopen' },
  ],
  closed: [{ to: 'in_progress', key: 'reopen' }],
};

/** P4.4–P4.6: after-sales tickets with their service clocks highlighted, and the service-quality figures. */
export function ServicePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<TicketStatus | undefined>();
  // a link may open the list filtered (the home page's "tickets near breach": ?sla=due-soon&sla=breached&status=…)
  const [params] = useSearchParams();
  const slaFilter = params.getAll('sla').filter((v): v is Ticket['sla'] => v in SLA_COLOR);
  const statusFilter = params.getAll('status').filter((v): v is TicketStatus => v in ACTIONS);
  const [from] = useState(dayjs().subtract(1, 'year').add(1, 'day').format('YYYY-MM-DD'));
  const list = useOp('tickets/list', { from, ...(status ? { status } : {}) });
  const move = useOpMutation('tickets/transition');
  const [creating, setCreating] = useState(false);
  // the file holds every column of the list with the clocks' raw hours, not only the ones on screen
  const exportColumns: ListColumn<Ticket>[] = [
    { header: t('tickets.col.no'), format: 'text', value: (r) => r.ticketNo },
    { header: t('tickets.col.customer'), format: 'text', value: (r) => r.customerName },
    { header: t('tickets.form.contact'), format: 'text', value: (r) => r.contact },
    { header: t('tickets.form.order'), format: 'text', value: (r) => r.orderNo },
    { header: t('tickets.form.contract'), format: 'text', value: (r) => r.contractNo },
    { header: t('tickets.form.product'), format: 'text', value: (r) => r.productName },
    {
      header: t('tickets.form.category'),
      format: 'text',
      value: (r) => (r.category ? t(`tickets.category.${r.category}`, { defaultValue: r.category }) : null),
    },
    { header: t('tickets.col.complaint'), format: 'bool', value: (r) => r.complaint },
    { header: t('tickets.col.severity'), format: 'text', value: (r) => t(`tickets.severity.${r.severity}`) },
    { header: t('tickets.form.channel'), format: 'text', value: (r) => r.channel },
    { header: t('tickets.col.department'), format: 'text', value: (r) => r.department },
    { header: t('tickets.form.assignee'), format: 'text', value: (r) => r.assigneeName },
    { header: t('tickets.col.opened'), format: 'text', value: (r) => r.openedAt.replace('T', ' ') },
    { header: t('tickets.col.status'), format: 'text', value: (r) => t(`tickets.status.${r.status}`) },
    { header: t('tickets.export.workingHours'), format: 'number', value: (r) => r.workingHours },
    { header: t('tickets.export.targetHours'), format: 'number', value: (r) => r.targetHours },
    { header: t('tickets.col.sla'), format: 'text', value: (r) => t(`tickets.sla.${r.sla}`) },
  ];
  const go = async (r: Ticket, to: TicketStatus, key: string) => {
    const send = async (reason?: string) => {
      try {
        await move.mutateAsync({ id: r.id, to, ...(reason ? { reason } : {}) });
        message.success(t('tickets.done', { ticket: r.ticketNo }));
      } catch (e) {
        message.error(errorMessage(e));
      }
    };
    if (key !== 'reopen') return send();
    let reason = '';
    modal.confirm({
      title: t('tickets.reopenTitle', { ticket: r.ticketNo }),
      content: <Input onChange={(e) => (reason = e.target.value)} data-testid="reason-input" />,
      onOk: () => send(reason),
    });
  };
  return (
    <div className="wb-page">
      <PageHeader icon={<CustomerServiceOutlined />} title={t('nav.service')} subtitle={t('tickets.subtitle')} />
      <QualityFigures from={from} to={dayjs().format('YYYY-MM-DD')} />
      <Card variant="outlined" style={{ marginTop: 16 }}>
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-ticket">
            {t('tickets.form.open')}
          </Button>
          <ExportButton
            fileName={t('tickets.export.file')}
            rows={list.data?.length ?? null}
            disabled={!list.data?.length}
            build={(format) => ({
              op: 'export/rows',
              input: listExport(t('tickets.export.sheet'), exportColumns, list.data ?? [], format),
            })}
            testId="tickets-export"
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('tickets.filterStatus')}
            value={status}
            onChange={setStatus}
            options={(['new', 'in_progress', 'waiting', 'resolved', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`tickets.status.${s}`),
            }))}
          />
        </Space>
        <Alert type="info" showIcon title={t('tickets.clockNote')} style={{ marginBottom: 12 }} />
        <Table<Ticket>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20 }}
          rowClassName={(r) =>
            r.sla === 'breached' && !r.resolvedAt ? 'wb-sla-breached' : r.sla === 'due-soon' ? 'wb-sla-due-soon' : ''
          }
          onRow={(r) => ({ 'data-testid': `ticket-${r.ticketNo}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('tickets.col.no'), dataIndex: 'ticketNo' },
            { title: t('tickets.col.customer'), dataIndex: 'customerName' },
            { title: t('tickets.col.department'), dataIndex: 'department' },
            { title: t('tickets.col.severity'), render: (_, r) => t(`tickets.severity.${r.severity}`) },
            {
              title: t('tickets.col.complaint'),
              render: (_, r) => (r.complaint ? <Tag color="volcano">{t('tickets.complaint')}</Tag> : null),
            },
            { title: t('tickets.col.opened'), render: (_, r) => r.openedAt.replace('T', ' ') },
            {
              title: t('tickets.col.status'),
              key: 'status',
              render: (_, r) => t(`tickets.status.${r.status}`),
              filters: (Object.keys(ACTIONS) as TicketStatus[]).map((s) => ({
                value: s,
                text: t(`tickets.status.${s}`),
              })),
              defaultFilteredValue: statusFilter.length ? statusFilter : null,
              onFilter: (v, r) => r.status === v,
            },
            {
              title: t('tickets.col.hours'),
              align: 'right',
              render: (_, r) => `${r.workingHours} / ${r.targetHours ?? '—'}`,
            },
            {
              title: t('tickets.col.sla'),
              key: 'sla',
              filters: (Object.keys(SLA_COLOR) as Ticket['sla'][]).map((s) => ({
                value: s,
                text: t(`tickets.sla.${s}`),
              })),
              defaultFilteredValue: slaFilter.length ? slaFilter : null,
              onFilter: (v, r) => r.sla === v,
              render: (_, r) => (
                <Tag color={SLA_COLOR[r.sla]} data-testid="sla-tag">
                  {t(`tickets.sla.${r.sla}`)}
                </Tag>
              ),
            },
            {
              title: t('common.actions'),
              render: (_, r) => (
                <Space size={4}>
                  {ACTIONS[r.status].map((a) => (
                    <Button
                      key={a.key}
                      size="small"
                      onClick={() => void go(r, a.to, a.key)}
                      data-testid={`do-${a.key}`}
                    >
                      {t(`tickets.action.${a.key}`)}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {creating && <TicketForm onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />}
    </div>
  );
}
