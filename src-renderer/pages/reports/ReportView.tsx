import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Row, Skeleton, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALES_REPORT_SECTIONS, type SalesReportSection } from '../../../src-main/contract/sales-report';
import { errorMessage } from '../../backend/ApiError';
import { saveDownload } from '../../backend/download';
import { invoke, isDesktop } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { useRunJob } from '../../components/JobRunner';
import { PageHeader } from '../../components/PageHeader';

function CommentBox({ id, section, initial }: { id: number; section: SalesReportSection; initial: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState(initial);
  const save = useOpMutation('sales-report/comment');
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t(`plans.report.section.${section}`)}</Typography.Text>
      <Input.TextArea
        data-testid={`comment-${section}`}
        rows={2}
        value={text}
        maxLength={5000}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        size="small"
        style={{ marginTop: 4 }}
        disabled={text === initial}
        loading={save.isPending}
        data-testid={`comment-save-${section}`}
        onClick={() =>
          save.mutate(
            { id, section, body: text },
            {
              onSuccess: () => void message.success(t('plans.reports.commentSaved')),
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
      >
        {t('plans.reports.saveComment')}
      </Button>
    </div>
  );
}

/** One kept report as it was made (numbers frozen), the manager's comments per section, and its print, PDF and .xlsx. */
export function ReportView({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const runJob = useRunJob();
  const frame = useRef<HTMLIFrameElement>(null);
  const report = useOp('sales-report/show', { id });
  const html = useOp('sales-report/html', { id }, { staleTime: 0 });

  const file = async (format: 'pdf' | 'xlsx') => {
    try {
      if (format === 'pdf' && isDesktop()) {
        const r = await invoke('sales-report/print', { id, mode: 'pdf' });
        if (r.file) message.success(t('plans.reports.savedTo', { file: r.file }));
        return;
      }
      saveDownload(await runJob('sales-report/file', { id, format }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const print = async () => {
    try {
      if (isDesktop()) await invoke('sales-report/print', { id, mode: 'print' });
      else frame.current?.contentWindow?.print();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <div data-testid="report-view">
      <PageHeader
        title={
          r ? t(`plans.report.title-${r.kind}`, { period: r.period, scope: r.team ?? t('plans.report.company') }) : '…'
        }
        subtitle={
          r ? t('plans.reports.madeBy', { at: r.createdAt.slice(0, 16).replace('T', ' '), by: r.createdBy }) : undefined
        }
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
              {t('plans.reports.back')}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void file('xlsx')} data-testid="report-xlsx">
              .xlsx
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => void file('pdf')} data-testid="report-pdf">
              PDF
            </Button>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()} disabled={!html.data}>
              {t('plans.reports.print')}
            </Button>
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {html.data ? (
            <iframe
              ref={frame}
              data-testid="report-frame"
              title={t('plans.reports.preview')}
              srcDoc={html.data.html}
              sandbox="allow-same-origin allow-modals"
              style={{ width: '100%', height: '75vh', border: '1px solid #e4e8ef', borderRadius: 6 }}
            />
          ) : (
            <Skeleton active paragraph={{ rows: 16 }} />
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('plans.reports.comments')} size="small">
            <Typography.Paragraph type="secondary">{t('plans.reports.commentsHelp')}</Typography.Paragraph>
            {r &&
              SALES_REPORT_SECTIONS.map((s) => (
                <CommentBox
                  key={`${s}:${r.sectionComments[s]?.updatedAt ?? ''}`}
                  id={id}
                  section={s}
                  initial={r.sectionComments[s]?.body ?? ''}
                />
              ))}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
