import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryEntry } from '../../../src-main/contract/import';
import { errorMessage } from '../../backend/ApiError';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { useRunJob } from '../../components/JobRunner';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDateTime, formatNumber } from '../../i18n/format';

/** Every import (file, time, counts) with the undo of a whole import. */
export function ImportHistory() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const runJob = useRunJob();
  const history = useOp('import/history', { limit: 200 });
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const undo = async (id: number) => {
    try {
      const r = await runJob('import/undo', { id });
      if (r) message.success(t('importExport.ui.undone', { id, deleted: r.deleted, restored: r.restored }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Table<ImportHistoryEntry>
      size="small"
      rowKey="id"
      loading={history.isPending}
      dataSource={history.data}
      pagination={{ pageSize: 20 }}
      locale={{ emptyText: t('importExport.ui.noHistory') }}
      columns={[
        { title: '#', dataIndex: 'id', width: 60 },
        {
          title: t('importExport.ui.when'),
          dataIndex: 'at',
          render: (v: string) => formatDateTime(v, lang),
          width: 170,
        },
        {
          title: t('importExport.ui.kind'),
          dataIndex: 'kind',
          render: (k: string) => t(`importExport.kinds.${k}`, { defaultValue: k }),
          width: 110,
        },
        { title: t('importExport.ui.file'), dataIndex: 'fileName', ellipsis: true },
        {
          title: t('importExport.ui.read'),
          dataIndex: 'rowsRead',
          width: 90,
          align: 'right',
          render: (v: number) => formatNumber(v, lang),
        },
        {
          title: t('importExport.ui.inserted'),
          dataIndex: 'inserted',
          width: 90,
          align: 'right',
          render: (v: number) => formatNumber(v, lang),
        },
        {
          title: t('importExport.ui.updated'),
          dataIndex: 'updated',
          width: 90,
          align: 'right',
          render: (v: number) => formatNumber(v, lang),
        },
        {
          title: t('importExport.ui.skippedShort'),
          dataIndex: 'skipped',
          width: 90,
          align: 'right',
          render: (v: number) => formatNumber(v, lang),
        },
        {
          title: t('importExport.ui.invalid'),
          dataIndex: 'invalid',
          width: 90,
          align: 'right',
          render: (v: number) => formatNumber(v, lang),
        },
        {
          title: t('importExport.ui.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: string) => (
            <Tag color={s === 'undone' ? 'default' : 'green'}>{t(`importExport.status.${s}`)}</Tag>
          ),
        },
        {
          title: '',
          width: 110,
          render: (_v, h) =>
            h.status === 'committed' && (
              <Popconfirm
                title={t('importExport.ui.undoConfirm', { id: h.id, file: h.fileName })}
                onConfirm={() => void undo(h.id)}
              >
                <Button size="small" danger data-testid={`undo-${h.id}`}>
                  {t('importExport.ui.undo')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
