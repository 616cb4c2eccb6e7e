import { AuditOutlined, FileExcelOutlined, LockOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Skeleton, Space, Statistic, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AppraisalPerson } from '../../../src-main/contract/appraisal';
import { useOp } from '../../backend/useOp';
import { useComputeAppraisal } from './useComputeAppraisal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useRunJob } from '../../components/JobRunner';
import { PageHeader } from '../../components/PageHeader';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { CalibrationPanel } from './CalibrationPanel';
import { saveDownload } from '../../backend/download';
import { IncidentsPanel } from './IncidentsPanel';
import { AppraisalPersonDrawer } from './AppraisalPersonDrawer';
import { lastCompletedQuarter, quarterOptions } from './quarters';
import { ReportPreview } from './ReportPreview';
import { AppraisalGrid } from './AppraisalGrid';
import { SchemePanel } from './SchemePanel';
import { WorkflowBar } from './WorkflowBar';
import './appraisals.css';
import { errorMessage } from '../../backend/ApiError';

/** The quarterly appraisal (P5.6, P6.1–P6.4): scorecards, rules, calibration, sign-off and printed reports. */
export function AppraisalsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const runJob = useRunJob();
  const [params, setParams] = useSearchParams();
  const reviews = useOp('appraisal/list', {});
  const quarter = params.get('quarter') ?? reviews.data?.[0]?.quarter ?? lastCompletedQuarter();
  const tab = params.get('tab') ?? 'grid';
  const show = useOp('appraisal/show', { quarter }, { retry: false });
  const scheme = useOp('appraisal/scheme', { quarter });
  const compute = useComputeAppraisal();
  const [openNo, setOpenNo] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ person?: string } | null>(null);
  const options = useMemo(() => quarterOptions((reviews.data ?? []).map((r) => r.quarter)), [reviews.data]);
  const status = show.data?.status ?? null;
  const scoresOpen = status === 'draft' || status === 'rated';
  const notesOpen = status !== 'locked' && status !== null;
  const open: AppraisalPerson | null = show.data?.people.find((p) => p.employeeNo === openNo) ?? null;
  const set = (next: Record<string, string>) => setParams({ quarter, tab, ...next }, { replace: true });

  const exportXlsx = async () => {
    try {
      const r = await runJob('appraisal/export', { quarter });
      saveDownload(r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  let body;
  // the demo (or a colleague) may have opened the appraisal without computing it yet
  const notFound =
    (show.isError && show.error.code === 'review/not-found') ||
    (show.data !== undefined && show.data.computedAt === null);
  if (show.isPending || scheme.isPending) body = <Skeleton active paragraph={{ rows: 12 }} />;
  else if (notFound && !scheme.isError)
    body = (
      <EmptyState
        title={t('appraisal.ui.noAppraisal', { quarter })}
        description={t('appraisal.ui.noAppraisalText')}
        action={
          <Button
            type="primary"
            loading={compute.isPending}
            onClick={() => compute.mutateAsync({ quarter }).catch((e: Error) => message.error(e.message))}
          >
            {t('appraisal.ui.compute')}
          </Button>
        }
      />
    );
  else if (show.isError || scheme.isError)
    body = <ErrorState error={show.error ?? scheme.error} onRetry={() => void show.refetch()} />;
  else {
    const s = show.data!;
    body = (
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          {
            key: 'grid',
            label: t('appraisal.ui.tabs.grid'),
            children: (
              <AppraisalGrid
                show={s}
                def={scheme.data!.definition}
                editable={scoresOpen}
                onOpen={(p) => setOpenNo(p.employeeNo)}
              />
            ),
          },
          {
            key: 'calibration',
            label: t('appraisal.ui.tabs.calibration'),
            children: <CalibrationPanel quarter={quarter} />,
          },
          {
            key: 'scheme',
            label: t('appraisal.ui.tabs.scheme'),
            children: <SchemePanel quarter={quarter} editable={scoresOpen} />,
          },
          {
            key: 'incidents',
            label: t('appraisal.ui.tabs.incidents'),
            children: <IncidentsPanel show={s} open={notesOpen} />,
          },
        ]}
      />
    );
  }

  return (
    <div className="wb-page wb-page-fill" data-testid="appraisals-page">
      <PageHeader
        icon={<AuditOutlined />}
        title={t('nav.appraisals')}
        subtitle={t('appraisal.ui.subtitle')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 130 }}
              value={quarter}
              onChange={(q) => setParams({ quarter: q, tab }, { replace: true })}
              options={options.map((q) => ({ value: q, label: q }))}
              aria-label={t('appraisal.ui.quarter')}
            />
            <Button icon={<PrinterOutlined />} disabled={!show.data || notFound} onClick={() => setPreview({})}>
              {t('appraisal.ui.printAll')}
            </Button>
            <Button icon={<FileExcelOutlined />} disabled={!show.data || notFound} onClick={() => void exportXlsx()}>
              {t('appraisal.ui.export')}
            </Button>
          </Space>
        }
      />
      <Card variant="outlined" className="wb-card-fill wb-card-grid">
        <WorkflowBar quarter={quarter} status={status} />
        {status === 'locked' && (
          <Alert
            style={{ margin: '8px 0' }}
            type="info"
            showIcon
            icon={<LockOutlined />}
            title={t('appraisal.ui.lockedBanner', { quarter })}
          />
        )}
        {show.data && !notFound && show.data.summary.missingRatings > 0 && status !== 'locked' && (
          <Alert
            style={{ margin: '8px 0' }}
            type="warning"
            showIcon
            title={t('appraisal.ui.provisional', { count: show.data.summary.missingRatings })}
          />
        )}
        {show.data && !notFound && (
          <Space size="large" style={{ margin: '8px 0' }} wrap>
            <Statistic title={t('appraisal.ui.people')} value={show.data.summary.people} />
            <Statistic title={t('appraisal.ui.missing')} value={show.data.summary.missingRatings} />
            <Statistic title={t('appraisal.ui.bonusCost')} value={formatMoney(show.data.summary.bonusCost, lang)} />
            <Statistic title={t('appraisal.ui.proposed')} value={show.data.summary.proposedOutcomes} />
            <Statistic
              title={t('appraisal.ui.gradeMix')}
              value={Object.entries(show.data.summary.grades)
                .map(([g, n]) => `${g} ${n}`)
                .join(' · ')}
            />
          </Space>
        )}
        {body}
      </Card>
      {open && show.data && (
        <AppraisalPersonDrawer
          key={open.employeeNo}
          show={show.data}
          person={open}
          scoresOpen={scoresOpen}
          notesOpen={notesOpen}
          onClose={() => setOpenNo(null)}
          onPrint={(p) => setPreview({ person: p })}
        />
      )}
      {preview && <ReportPreview quarter={quarter} person={preview.person} onClose={() => setPreview(null)} />}
    </div>
  );
}
