import { AimOutlined, CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Select, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { BreakdownModal } from './BreakdownModal';
import { CellHistoryDrawer } from './CellHistoryDrawer';
import { NoteModal, type NoteTarget } from './NoteModal';
import { NotesPanel } from './NotesPanel';
import { PlanToolbar } from './PlanToolbar';
import { TargetGrid, type FocusedTargetCell } from './TargetGrid';
import type { TargetGridRow } from './targetRows';
import { TrackingTab } from './TrackingTab';
import './targets.css';

const STATUS_COLOR = { draft: 'default', submitted: 'processing', approved: 'success' } as const;

/** Targets (P2.1–P2.6): the breakdown grid, tracking against actual sales, and the notes behind the numbers. */
export function TargetsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const tab = params.get('tab') ?? 'plan';
  const metric = params.get('metric') === 'profit' ? 'profit' : 'sales';
  const show = useOp('targets/show', { year, metric });
  const notes = useOp('targets/notes', { year });
  const workflow = useOpMutation('targets/workflow');
  const [reason, setReason] = useState('');
  const [filter, setFilter] = useState('');
  const [focused, setFocused] = useState<FocusedTargetCell | null>(null);
  const [historyOf, setHistoryOf] = useState<FocusedTargetCell | null>(null);
  const [noteTarget, setNoteTarget] = useState<NoteTarget | null>(null);
  const [breakdownOpen, setBreakdownOpen] = useState(false);
  const set = (patch: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), ...patch }, { replace: true });

  const status = show.data?.status ?? 'draft';
  const canEdit = status === 'draft' || (status === 'approved' && reason.trim().length > 0);
  const move = (action: 'submit' | 'approve' | 'reopen') =>
    workflow.mutate({ year, action }, { onError: (e) => void message.error(errorMessage(e)) });
  const noteAt = (row: TargetGridRow, period: string) => {
    const who = row.scope === 'company' ? t('targets.scope.company') : row.name;
    setNoteTarget({
      teamId: row.scope === 'team' ? row.id : null,
      staffId: row.scope === 'person' ? row.id : null,
      period: period || null,
      label: `${who} · ${period ? `${year} ${period}` : year}`,
    });
  };

  let plan;
  if (show.isPending || notes.isPending) plan = <Skeleton active paragraph={{ rows: 14 }} />;
  else if (show.isError || notes.isError)
    plan = <ErrorState error={show.error ?? notes.error} onRetry={() => void show.refetch()} />;
  else
    plan = (
      <div className="wb-target-plan">
        {status === 'approved' && (
          <Alert
            type="info"
            showIcon
            className="wb-target-banner"
            title={t('targets.workflow.approvedBanner', {
              by: show.data.approvedBy ?? '',
              at: formatDateTime(show.data.approvedAt, lang),
            })}
            description={
              <Input
                data-testid="adjust-reason"
                placeholder={t('targets.workflow.reasonPlaceholder')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={500}
              />
            }
          />
        )}
        {status === 'submitted' && (
          <Alert type="warning" showIcon className="wb-target-banner" title={t('targets.workflow.submittedBanner')} />
        )}
        {show.data.people.length === 0 && (
          <Alert type="warning" showIcon className="wb-target-banner" title={t('targets.grid.noPeople')} />
        )}
        <PlanToolbar
          year={year}
          metric={metric}
          onMetric={(m) => set({ metric: m })}
          canEdit={canEdit}
          reason={reason}
          focused={focused}
          filter={filter}
          onFilter={setFilter}
          onBreakdown={() => setBreakdownOpen(true)}
          onHistory={() => setHistoryOf(focused)}
          onNote={() => focused && noteAt(focused.row, focused.period ?? '')}
        />
        <TargetGrid
          year={year}
          metric={metric}
          show={show.data}
          notes={notes.data}
          canEdit={status !== 'submitted'}
          approved={status === 'approved'}
          reason={reason}
          onReason={setReason}
          filter={filter}
          onFocus={setFocused}
          onNotes={noteAt}
        />
      </div>
    );

  return (
    <div className="wb-page wb-page-fill">
      <PageHeader
        icon={<AimOutlined />}
        title={t('nav.targets')}
        subtitle={t('targets.subtitle')}
        extra={
          <Space wrap>
            <Select
              value={year}
              onChange={(y) => set({ year: String(y) })}
              options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({
                value: y,
                label: t('targets.yearOption', { year: y }),
              }))}
              style={{ width: 120 }}
              aria-label={t('targets.yearLabel')}
            />
            <Tag color={STATUS_COLOR[status]} data-testid="plan-status">
              {t(`targets.status.${status}`)}
            </Tag>
            {status === 'draft' && (
              <Button icon={<SendOutlined />} onClick={() => move('submit')} loading={workflow.isPending}>
                {t('targets.workflow.submit')}
              </Button>
            )}
            {status === 'submitted' && (
              <>
                <Button icon={<RollbackOutlined />} onClick={() => move('reopen')}>
                  {t('targets.workflow.reopen')}
                </Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => move('approve')}>
                  {t('targets.workflow.approve')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Card variant="outlined" className="wb-card-fill wb-card-grid">
        <Tabs
          activeKey={tab}
          onChange={(key) => set({ tab: key })}
          items={[
            { key: 'plan', label: t('targets.tabs.plan'), children: plan },
            { key: 'tracking', label: t('targets.tabs.tracking'), children: <TrackingTab year={year} /> },
            {
              key: 'notes',
              label: t('targets.tabs.notes'),
              children: <NotesPanel year={year} notes={notes.data ?? []} />,
            },
          ]}
        />
      </Card>
      <BreakdownModal
        year={year}
        metric={metric}
        open={breakdownOpen}
        reason={reason}
        onClose={() => setBreakdownOpen(false)}
      />
      <CellHistoryDrawer year={year} cell={historyOf} onClose={() => setHistoryOf(null)} />
      <NoteModal year={year} target={noteTarget} onClose={() => setNoteTarget(null)} />
    </div>
  );
}
