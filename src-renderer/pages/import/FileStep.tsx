import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../backend/ApiError';
import { saveDownload } from '../../backend/download';
import { invoke } from '../../backend/transport';
import { useOp } from '../../backend/useOp';
import { App } from 'antd';
import { pickFile, SPREADSHEET_EXTENSIONS, type PickedFile } from '../../components/dropped-file';

interface Props {
  kind: string;
  /** The file already chosen (refused as the current kind): choosing another kind reads it again. */
  fileName?: string | null;
  /** The file is being read. */
  busy?: boolean;
  onKind: (kind: string) => void;
  onFile: (file: PickedFile) => void;
}

/** Step 1: what to import, and the file (picked or dropped on the area); a blank template per kind. */
export function FileStep({ kind, fileName, busy, onKind, onFile }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kinds = useOp('import/kinds', {});
  const template = async () => {
    try {
      const r = await invoke('import/template', { kind });
      saveDownload(r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('importExport.ui.kind')}>
          <Select
            style={{ minWidth: 200 }}
            value={kind}
            onChange={onKind}
            loading={kinds.isPending}
            options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.label }))}
            data-testid="import-kind"
          />
        </Form.Item>
        <Form.Item>
          <Button icon={<DownloadOutlined />} onClick={() => void template()}>
            {t('importExport.ui.template')}
          </Button>
        </Form.Item>
      </Form>
      {fileName && (
        <Typography.Text data-testid="import-current-file">
          {t('importExport.ui.currentFile', { name: fileName })}
        </Typography.Text>
      )}
      <Spin spinning={Boolean(busy)} description={t('importExport.ui.reading')}>
        <Upload.Dragger
          accept={SPREADSHEET_EXTENSIONS.join(',')}
          multiple={false}
          showUploadList={false}
          beforeUpload={async (file) => {
            try {
              onFile(await pickFile(file));
            } catch (e) {
              message.error(errorMessage(e));
            }
            return false;
          }}
          data-testid="import-drop"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('importExport.ui.drop')}</p>
          <p className="ant-upload-hint">{t('importExport.ui.dropHint')}</p>
        </Upload.Dragger>
      </Spin>
      <Typography.Text type="secondary">{t('importExport.ui.safety')}</Typography.Text>
    </Space>
  );
}
