import { FileProtectOutlined } from '@ant-design/icons';
import { Card, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CONTRACT_STATUSES } from '../../../src-main/contract/sales-contracts';
import type { ContractRow, Receivable } from '../../../src-main/contract/sales-contracts';
import { useOp } from '../../backend/useOp';
import { ExportButton, type ExportRequest } from '../../components/ExportButton';
import { listExport, type ExportFormat, type ListColumn } from '../../components/grid/gridExport';
import { PageHeader } from '../../components/PageHeader';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { ContractDrawer } from './ContractDrawer';

export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  in_review: 'gold',
  approved: 'blue',
  signed: 'cyan',
  in_force: 'green',
  completed: 'purple',
  terminated: 'red',
};

/** P3.3: contracts with their review, the approval rule that applies, receivables and the renewal list. */
export function ContractsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  // a link may open the list filtered by status (the home page's "contracts awaiting approval": ?status=in_review)
  const [params] = useSearchParams();
  const wanted = params.getAll('status').filter((s) => (CONTRACT_STATUSES as readonly string[]).includes(s));
  const list = useOp('contracts/list', {});
  const receivables = useOp('contracts/receivables', { withinDays: 30 });
  const renewals = useOp('contracts/renewals', { withinDays: 90 });
  const [open, setOpen] = useState<number | null>(null);
  const [tab, setTab] = useState<'all' | 'receivables' | 'renewals'>('all');
  const money = (v: number) => formatMoney(v, lang);
  const contractColumns = [
    { title: t('contracts.col.no'), dataIndex: 'contractNo' },
    { title: t('contracts.col.customer'), dataIndex: 'customerName' },
    { title: t('contracts.col.owner'), dataIndex: 'ownerName' },
    {
      title: t('contracts.col.amount'),
      align: 'right' as const,
      render: (_: unknown, r: ContractRow) => money(r.amount),
    },
    {
      title: t('contracts.col.discount'),
      align: 'right' as const,
      render: (_: unknown, r: ContractRow) => (r.discountPct === null ? '—' : `${r.discountPct}%`),
    },
    {
      title: t('contracts.col.status'),
      key: 'status',
      filters: CONTRACT_STATUSES.map((s) => ({ value: s, text: t(`contracts.status.${s}`) })),
      onFilter: (v: React.Key | boolean, r: ContractRow) => r.status === v,
      render: (_: unknown, r: ContractRow) => (
        <Tag color={STATUS_COLOR[r.status]}>{t(`contracts.status.${r.status}`)}</Tag>
      ),
    },
    { title: t('contracts.col.rule'), render: (_: unknown, r: ContractRow) => t(`contracts.level.${r.rule.level}`) },
    { title: t('contracts.col.end'), dataIndex: 'endDate' },
  ];
  const exportColumns: ListColumn<ContractRow>[] = [
    { header: t('contracts.col.no'), format: 'text', value: (r) => r.contractNo },
    { header: t('contracts.col.customer'), format: 'text', value: (r) => r.customerName },
    { header: t('contracts.col.owner'), format: 'text', value: (r) => r.ownerName },
    { header: t('contracts.col.amount'), format: 'money', value: (r) => r.amount },
    { header: t('contracts.export.listAmount'), format: 'money', value: (r) => r.listAmount },
    { header: t('contracts.export.discountPct'), format: 'number', value: (r) => r.discountPct },
    { header: t('contracts.export.productLine'), format: 'text', value: (r) => r.productLine },
    { header: t('contracts.col.status'), format: 'text', value: (r) => t(`contracts.status.${r.status}`) },
    { header: t('contracts.col.rule'), format: 'text', value: (r) => t(`contracts.level.${r.rule.level}`) },
    { header: t('contracts.export.start'), format: 'date', value: (r) => r.startDate },
    { header: t('contracts.col.end'), format: 'date', value: (r) => r.endDate },
    { header: t('contracts.export.signed'), format: 'date', value: (r) => r.signedDate },
  ];
  const receivableColumns: ListColumn<Receivable>[] = [
    { header: t('contracts.col.no'), format: 'text', value: (r) => r.contractNo },
    { header: t('contracts.col.customer'), format: 'text', value: (r) => r.customerName },
    { header: t('contracts.col.owner'), format: 'text', value: (r) => r.ownerName },
    { header: t('contracts.col.seq'), format: 'int', value: (r) => r.seq },
    { header: t('contracts.col.due'), format: 'date', value: (r) => r.dueDate },
    { header: t('contracts.col.amount'), format: 'money', value: (r) => r.amount },
    { header: t('contracts.export.overdueDays'), format: 'int', value: (r) => r.overdueDays },
  ];
  // the tab on show is what "Export" writes: contracts, receivables or renewals
  const exportTab = (format: ExportFormat): ExportRequest | null => {
    if (tab === 'receivables')
      return {
        op: 'export/rows',
        input: listExport(t('contracts.tabs.receivables'), receivableColumns, receivables.data ?? [], format),
      };
    const rows = tab === 'renewals' ? (renewals.data ?? []) : (list.data ?? []);
    const name = tab === 'renewals' ? t('contracts.tabs.renewals') : t('contracts.export.sheet');
    return { op: 'export/rows', input: listExport(name, exportColumns, rows, format) };
  };
  const shown = tab === 'receivables' ? receivables.data : tab === 'renewals' ? renewals.data : list.data;
  return (
    <div className="wb-page">
      <PageHeader icon={<FileProtectOutlined />} title={t('nav.contracts')} subtitle={t('contracts.subtitle')} />
      <Card variant="outlined">
        <Tabs
          tabBarExtraContent={
            <ExportButton
              fileName={tab === 'all' ? t('contracts.export.file') : t(`contracts.tabs.${tab}`)}
              rows={shown?.length ?? null}
              disabled={!shown?.length}
              build={exportTab}
              testId="contracts-export"
            />
          }
          activeKey={tab}
          onChange={(k) => setTab(k as typeof tab)}
          items={[
            {
              key: 'all',
              label: t('contracts.tabs.all'),
              children: (
                <Table<ContractRow>
                  size="small"
                  rowKey="id"
                  loading={list.isLoading}
                  dataSource={list.data ?? []}
                  columns={contractColumns.map((c) =>
                    c.key === 'status' ? { ...c, defaultFilteredValue: wanted.length ? wanted : null } : c,
                  )}
                  pagination={{ pageSize: 20 }}
                  onRow={(r) =>
                    ({
                      onClick: () => setOpen(r.id),
                      style: { cursor: 'pointer' },
                      'data-testid': `contract-${r.contractNo}`,
                    }) as React.HTMLAttributes<HTMLElement>
                  }
                />
              ),
            },
            {
              key: 'receivables',
              label: t('contracts.tabs.receivables'),
              children: (
                <Table<Receivable>
                  size="small"
                  rowKey={(r) => `${r.contractNo}-${r.seq}`}
                  dataSource={receivables.data ?? []}
                  columns={[
                    { title: t('contracts.col.no'), dataIndex: 'contractNo' },
                    { title: t('contracts.col.customer'), dataIndex: 'customerName' },
                    { title: t('contracts.col.seq'), dataIndex: 'seq' },
                    { title: t('contracts.col.due'), dataIndex: 'dueDate' },
                    { title: t('contracts.col.amount'), align: 'right', render: (_, r) => money(r.amount) },
                    {
                      title: t('contracts.col.state'),
                      render: (_, r) => (
                        <Tag color={r.state === 'overdue' ? 'red' : 'gold'}>
                          {t(`contracts.receivable.${r.state}`, { days: r.overdueDays })}
                        </Tag>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'renewals',
              label: t('contracts.tabs.renewals'),
              children: (
                <Table<ContractRow>
                  size="small"
                  rowKey="id"
                  dataSource={renewals.data ?? []}
                  columns={contractColumns}
                />
              ),
            },
          ]}
        />
      </Card>
      {open !== null && <ContractDrawer id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
