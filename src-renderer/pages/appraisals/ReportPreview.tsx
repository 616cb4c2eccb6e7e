import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Modal, Skeleton, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop, invoke } from '../../backend/transport';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { useRunJob } from '../../components/JobRunner';
import { saveDownload } from '../../backend/download';
import { errorMessage } from '../../backend/ApiError';

interface Props {
  quarter: string;
  /** one person, or everyone when undefined */
  person?: string;
  onClose: () => void;
}

/**
 * Print preview of the appraisal report (P6.4): the same self-contained A4 document as the CLI's. The
 * desktop prints through the system dialog or Electron's printToPDF; a browser prints the frame and
 * gets the PDF from Chromium on the server.
 */
export function ReportPreview({ quarter, person, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const runJob = useRunJob();
  const frame = useRef<HTMLIFrameElement>(null);
  const report = useOp('report/appraisal-html', { quarter, ...(person ? { person } : {}) }, { staleTime: 0 });

  const print = async () => {
    try {
      if (isDesktop()) await invoke('report/print', { quarter, ...(person ? { person } : {}), mode: 'print' });
      else frame.current?.contentWindow?.print();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const pdf = async () => {
    try {
      if (isDesktop()) {
        const r = await invoke('report/print', { quarter, ...(person ? { person } : {}), mode: 'pdf' });
        if (r.file) message.success(t('appraisal.ui.savedTo', { file: r.file }));
        return;
      }
      const r = await runJob('report/appraisal', { quarter, ...(person ? { person } : {}), format: 'pdf' });
      saveDownload(r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      width={980}
      onCancel={onClose}
      title={t('appraisal.ui.preview', { count: report.data?.people ?? 0 })}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button icon={<FilePdfOutlined />} disabled={!report.data} onClick={() => void pdf()}>
            {t('appraisal.ui.savePdf')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!report.data} onClick={() => void print()}>
            {t('appraisal.ui.print')}
          </Button>
        </Space>
      }
    >
      {report.isPending && <Skeleton active paragraph={{ rows: 14 }} />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} compact />}
      {report.data && (
        <iframe
          ref={frame}
          title={t('appraisal.ui.previewFrame')}
          srcDoc={report.data.html}
          sandbox="allow-same-origin allow-modals"
          style={{ width: '100%', height: '70vh', border: '1px solid #e4e8ef', borderRadius: 6 }}
        />
      )}
    </Modal>
  );
}
