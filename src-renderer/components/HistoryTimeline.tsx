import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Skeleton, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../backend/ApiError';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/LanguageProvider';
import { ErrorState } from './ErrorState';

interface Entry {
  id: number | string;
  at: string;
  actor: string;
}

interface Props<E extends Entry> {
  /** The audit entries, newest first; `ready` is false while nothing is chosen yet. */
  history: UseQueryResult<E[], ApiError>;
  ready: boolean;
  emptyText: string;
  entryTestId: string;
  /** What changed, under the "when · who" line. */
  renderEntry: (e: E) => ReactNode;
}

/** An audit trail as a timeline (who, when, what): loading, error and empty states included. */
export function HistoryTimeline<E extends Entry>({ history, ready, emptyText, entryTestId, renderEntry }: Props<E>) {
  const lang = useLang();
  if (!ready || history.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (history.isError) return <ErrorState compact error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Timeline
      items={history.data.map((e) => ({
        key: e.id,
        content: (
          <div data-testid={entryTestId}>
            <Typography.Text type="secondary" className="wb-small">
              {formatDateTime(e.at, lang)} · {e.actor}
            </Typography.Text>
            {renderEntry(e)}
          </div>
        ),
      }))}
    />
  );
}
