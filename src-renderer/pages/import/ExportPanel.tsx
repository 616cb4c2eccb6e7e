import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../backend/ApiError';
import { saveDownload } from '../../backend/download';
import { useOp } from '../../backend/useOp';
import { useRunJob } from '../../components/JobRunner';

/** Export of a whole kind in the import's columns (it imports back unchanged), as .xlsx or CSV (UTF-8 with BOM). */
export function ExportPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const runJob = useRunJob();
  const kinds = useOp('import/kinds', {});
  const [kind, setKind] = useState('orders');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const run = async () => {
    try {
      const r = await runJob('export/run', { kind, format });
      if (r && saveDownload(r)) {
        message.success(t('importExport.ui.exported', { n: r.rows }));
      }
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space orientation="vertical">
      <Typography.Text type="secondary">{t('importExport.ui.exportHint')}</Typography.Text>
      <Form layout="inline">
        <Form.Item label={t('importExport.ui.kind')}>
          <Select
            style={{ minWidth: 200 }}
            value={kind}
            onChange={setKind}
            options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.label }))}
          />
        </Form.Item>
        <Form.Item>
          <Radio.Group
            value={format}
            onChange={(e) => setFormat(e.target.value)}
            options={[
              { value: 'xlsx', label: 'Excel (.xlsx)' },
              { value: 'csv', label: 'CSV (UTF-8)' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" icon={<DownloadOutlined />} onClick={() => void run()} data-testid="export-run">
            {t('importExport.ui.export')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}
