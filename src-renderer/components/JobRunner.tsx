import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, OpName, Output } from '../../src-main/contract';
import { ApiError } from '../backend/ApiError';
import { opInfo } from '../backend/contractInfo';
import { onEvent } from '../backend/events';
import { invoke } from '../backend/transport';
import { JobProgressModal, type JobView } from './JobProgressModal';

type RunJob = <K extends OpName>(name: K, input: Input<K>) => Promise<Output<K> | undefined>;

const JobContext = createContext<RunJob>(async () => undefined);

/** Runs a long operation behind the progress modal; resolves undefined when the user cancelled. */
export const useRunJob = () => useContext(JobContext);

function newJobId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export function JobRunnerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [job, setJob] = useState<JobView | null>(null);
  const current = useRef<string | null>(null);

  const runJob = useCallback<RunJob>(
    async (name, input) => {
      const jobId = newJobId();
      current.current = jobId;
      setJob({ jobId, operation: name, done: 0, total: 0, phase: '', startedAt: Date.now(), cancelling: false });
      const off = onEvent('job/progress', (e) => {
        if (e.jobId !== jobId) return;
        setJob((j) => (j && j.jobId === jobId ? { ...j, done: e.done, total: e.total, phase: e.phase } : j));
      });
      try {
        return await invoke(name, input, { jobId });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'job/cancelled') {
          message.info(e.message);
          return undefined;
        }
        throw e;
      } finally {
        off();
        current.current = null;
        setJob(null);
        if ((await opInfo(name)).mutates) await queryClient.invalidateQueries();
      }
    },
    [message, queryClient],
  );

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (!jobId) return;
    setJob((j) => (j ? { ...j, cancelling: true } : j));
    try {
      await invoke('jobs/cancel', { jobId });
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('job.cancelFailed'));
    }
  }, [message, t]);

  const value = useMemo(() => runJob, [runJob]);
  return (
    <JobContext.Provider value={value}>
      {children}
      <JobProgressModal job={job} onCancel={cancel} />
    </JobContext.Provider>
  );
}
