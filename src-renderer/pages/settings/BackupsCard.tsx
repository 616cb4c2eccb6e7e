import { CloudDownloadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../src-main/contract/system';
import { invoke } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { errorMessage } from '../../backend/ApiError';

/** Backups: list, back up now, restore one (a safety backup of the current data is taken first). */
export function BackupsCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const backups = useOp('backup/list', {});
  const create = useOpMutation('backup/create');

  const backUpNow = async () => {
    try {
      const b = await create.mutateAsync({});
      message.success(t('settings.backups.created', { name: b.name }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const restore = (b: BackupInfo) =>
    modal.confirm({
      title: t('settings.backups.restoreTitle', { name: b.name }),
      content: t('settings.backups.restoreText', { date: formatDateTime(b.createdAt, lang) }),
      okText: t('settings.backups.restore'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      width: 520,
      onOk: async () => {
        try {
          const r = await invoke('backup/restore', { name: b.name });
          // Everything on screen came from the old data: refetch it all.
          await queryClient.resetQueries();
          message.success(
            t('settings.backups.restored', { name: r.restored, safety: r.safetyBackup?.name ?? r.damagedCopy }),
            6,
          );
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <Card
      title={
        <>
          <HistoryOutlined /> {t('settings.backups.title')}
        </>
      }
      variant="outlined"
      extra={
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={create.isPending}
          onClick={() => void backUpNow()}
          data-testid="backup-now"
        >
          {t('settings.backups.now')}
        </Button>
      }
      data-testid="settings-backups"
    >
      <Typography.Paragraph type="secondary">{t('settings.backups.intro')}</Typography.Paragraph>
      {backups.isError ? (
        <ErrorState compact error={backups.error} onRetry={() => void backups.refetch()} />
      ) : (
        <Table<BackupInfo>
          rowKey="name"
          size="small"
          loading={backups.isPending}
          dataSource={backups.data ?? []}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          locale={{ emptyText: t('settings.backups.empty') }}
          columns={[
            {
              title: t('settings.backups.createdAt'),
              dataIndex: 'createdAt',
              width: 190,
              render: (v: string) => formatDateTime(v, lang),
            },
            {
              title: t('settings.backups.reason'),
              dataIndex: 'reason',
              width: 160,
              render: (v: string) => <Tag>{t(`settings.backups.reasons.${v}`, { defaultValue: v })}</Tag>,
            },
            {
              title: t('settings.backups.name'),
              dataIndex: 'name',
              ellipsis: true,
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('settings.backups.size'),
              dataIndex: 'sizeBytes',
              width: 100,
              align: 'right',
              render: (v: number) => formatBytes(v, lang),
            },
            {
              key: 'restore',
              width: 120,
              render: (_: unknown, b) => (
                <Button
                  size="small"
                  icon={<CloudDownloadOutlined />}
                  onClick={() => restore(b)}
                  data-testid="backup-restore"
                >
                  {t('settings.backups.restore')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
