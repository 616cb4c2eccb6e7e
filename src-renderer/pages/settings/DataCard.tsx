import { FolderOpenOutlined } from '@ant-design/icons';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../../src-main/contract/system';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** Where the data lives: the folder, the database file, its schema version and what it holds. */
export function DataCard({ info }: { info: SystemInfo }) {
  const { t } = useTranslation();
  const lang = useLang();
  const counts = Object.entries(info.counts)
    .map(([k, n]) => `${t(`settings.data.counts.${k}`, { defaultValue: k })} ${formatNumber(n, lang)}`)
    .join(' · ');
  return (
    <Card
      title={
        <>
          <FolderOpenOutlined /> {t('settings.data.title')}
        </>
      }
      variant="outlined"
      data-testid="settings-data"
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'dir',
            label: t('settings.data.dataDir'),
            children: (
              <Typography.Text copyable code>
                {info.dataDir}
              </Typography.Text>
            ),
          },
          {
            key: 'db',
            label: t('settings.data.database'),
            children: (
              <Typography.Text copyable code>
                {info.database}
              </Typography.Text>
            ),
          },
          {
            key: 'schema',
            label: t('settings.data.schemaVersion'),
            children: <span data-testid="schema-version">{info.schemaVersion}</span>,
          },
          { key: 'app', label: t('settings.data.appVersion'), children: info.appVersion },
          { key: 'counts', label: t('settings.data.contents'), children: counts },
        ]}
      />
    </Card>
  );
}
