import { Button, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatElapsed, formatNumber } from '../i18n/format';
import { useLang } from '../i18n/LanguageProvider';

export interface JobView {
  jobId: string;
  operation: string;
  done: number;
  total: number;
  phase: string;
  startedAt: number;
  cancelling: boolean;
}

interface Props {
  job: JobView | null;
  onCancel: () => void;
}

/** The modal progress bar of a long operation: phase, done/total, elapsed time and Cancel. */
export function JobProgressModal({ job, onCancel }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [now, setNow] = useState(() => Date.now());

  // Keyed on the job's id, not on each progress event: fast events must not keep resetting the clock.
  const running = job?.jobId;
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [running]);

  const percent = job && job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : 0;
  const phaseText = job?.phase ? t(job.phase, { defaultValue: t('job.working') }) : t('job.starting');

  return (
    <Modal
      open={!!job}
      title={job ? t(`job.title.${job.operation}`, { defaultValue: t('job.titleDefault') }) : ''}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button danger onClick={onCancel} loading={job?.cancelling} data-testid="job-cancel">
          {t('job.cancel')}
        </Button>
      }
    >
      {job && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="job-progress">
          <Typography.Text strong>{phaseText}</Typography.Text>
          <Progress percent={percent} status={job.cancelling ? 'exception' : 'active'} />
          <div className="wb-job-meta">
            <Typography.Text type="secondary">
              {job.total > 0
                ? t('job.count', { done: formatNumber(job.done, lang), total: formatNumber(job.total, lang) })
                : job.done > 0
                  ? t('job.countSoFar', { done: formatNumber(job.done, lang) })
                  : ''}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('job.elapsed', { time: formatElapsed(Math.max(now, job.startedAt) - job.startedAt) })}
            </Typography.Text>
          </div>
          {job.cancelling && <Typography.Text type="warning">{t('job.cancelling')}</Typography.Text>}
        </Space>
      )}
    </Modal>
  );
}
