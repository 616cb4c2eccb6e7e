import { CloudDownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Result, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../src-main/contract/system';
import { errorMessage } from '../backend/ApiError';
import { clearDamaged, type Damaged } from '../backend/recoveryState';
import { invoke } from '../backend/transport';
import { useOp } from '../backend/useOp';
import { formatBytes, formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/LanguageProvider';

/**
 * The database cannot be read (issue 17, item 2): instead of an error box, offer the newest backup that
 * passed the check. The damaged file stays as it is; a restore moves it into damaged/ untouched.
 */
export function RecoveryPage({ damaged }: { damaged: Damaged }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const backups = useOp('backup/list', {});
  const [busy, setBusy] = useState<string | null>(null);

  const restore = async (name: string) => {
    setBusy(name);
    try {
      const r = await invoke('backup/restore', { name });
      clearDamaged();
      await queryClient.resetQueries();
      message.success(
        t('recovery.restored', { name: r.restored, copy: r.damagedCopy ?? r.safetyBackup?.name ?? '' }),
        8,
      );
    } catch (e) {
      modal.error({ title: t('recovery.failed'), content: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const newest = damaged.backup;
  return (
    <div className="wb-splash" style={{ flexDirection: 'column', padding: '32px 24px' }} data-testid="recovery">
      <Result
        status="warning"
        title={t('recovery.title')}
        subTitle={
          <Typography.Paragraph type="secondary" style={{ maxWidth: 640, margin: '0 auto' }}>
            {t('recovery.text', { file: damaged.file })} {newest ? t('recovery.offer') : t('recovery.noBackup')}
          </Typography.Paragraph>
        }
        extra={
          newest ? (
            <Button
              type="primary"
              size="large"
              icon={<CloudDownloadOutlined />}
              loading={busy === newest}
              disabled={busy !== null}
              onClick={() => void restore(newest)}
              data-testid="recovery-restore-newest"
            >
              {t('recovery.restoreNewest', { name: newest })}
            </Button>
          ) : undefined
        }
      />
      <div style={{ width: '100%', maxWidth: 860 }}>
        <Typography.Title level={5}>{t('recovery.all')}</Typography.Title>
        <Table<BackupInfo>
          rowKey="name"
          size="small"
          loading={backups.isPending}
          dataSource={backups.data ?? []}
          pagination={{ pageSize: 6, hideOnSinglePage: true }}
          locale={{ emptyText: backups.isError ? errorMessage(backups.error) : t('settings.backups.empty') }}
          columns={[
            {
              title: t('settings.backups.createdAt'),
              dataIndex: 'createdAt',
              width: 180,
              render: (v: string) => formatDateTime(v, lang),
            },
            {
              title: t('settings.backups.name'),
              dataIndex: 'name',
              ellipsis: true,
              render: (v: string) => (
                <>
                  <Typography.Text code>{v}</Typography.Text>{' '}
                  {v === newest && <Tag color="green">{t('recovery.newestGood')}</Tag>}
                </>
              ),
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
                  loading={busy === b.name}
                  disabled={busy !== null}
                  onClick={() => void restore(b.name)}
                  data-testid="recovery-restore"
                >
                  {t('settings.backups.restore')}
                </Button>
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}
