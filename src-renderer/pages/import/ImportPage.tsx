import { ImportOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ExportPanel } from './ExportPanel';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';

/** Import & Export (issue #3): the import wizard, the import history with undo, and exports of every kind. */
export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'import';
  return (
    <div className="wb-page">
      <PageHeader icon={<ImportOutlined />} title={t('nav.importExport')} subtitle={t('importExport.ui.subtitle')} />
      <Card variant="outlined">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'import' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'import', label: t('importExport.ui.tabImport'), children: <ImportWizard /> },
            { key: 'history', label: t('importExport.ui.tabHistory'), children: <ImportHistory /> },
            { key: 'export', label: t('importExport.ui.tabExport'), children: <ExportPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
