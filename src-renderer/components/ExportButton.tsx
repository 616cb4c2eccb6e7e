import { DownOutlined, DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../src-main/contract/export';
import { errorMessage } from '../backend/ApiError';
import { invoke } from '../backend/transport';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/LanguageProvider';
import { saveDownload } from '../backend/download';
import { exportFileName, type ExportFormat, type GridExport, type RowsExport } from './grid/gridExport';
import { useRunJob } from './JobRunner';

/** What to export: a server grid's view (the database writes it) or the rows a grid holds in the window. */
export type ExportRequest = { op: 'export/grid'; input: GridExport } | { op: 'export/rows'; input: RowsExport };

interface Props {
  /** What is exported, in the user's language (订单 / Orders): the file is named `<name>-YYYY-MM-DD.<ext>`. */
  fileName: string;
  /** Builds the request when a format is picked, so that it reads the grid as it is at that moment; null: nothing to export. */
  build: (format: ExportFormat) => ExportRequest | null;
  /** How many rows the export will hold, when known: from PROGRESS_FROM_ROWS on (or unknown) it runs behind the progress dialog. */
  rows?: number | null;
  disabled?: boolean;
  testId?: string;
}

/** Below this many rows an export takes well under a second: a spinner on the button, not a progress dialog. */
const PROGRESS_FROM_ROWS = 5_000;

/**
 * "Export ▾" → Excel (.xlsx) / CSV for any grid: the file comes back as bytes and is saved as a download,
 * the same way in the browser and in the desktop (where Electron asks where to save it).
 */
export function ExportButton({ fileName, build, rows, disabled, testId = 'export' }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const runJob = useRunJob();
  const [busy, setBusy] = useState(false);

  const call = (req: ExportRequest, withProgress: boolean): Promise<ExportResult | undefined> => {
    if (req.op === 'export/grid')
      return withProgress ? runJob('export/grid', req.input) : invoke('export/grid', req.input);
    return withProgress ? runJob('export/rows', req.input) : invoke('export/rows', req.input);
  };

  const run = async (format: ExportFormat) => {
    let req: ExportRequest | null;
    try {
      req = build(format);
    } catch (e) {
      modal.error({ title: t('exportButton.failed'), content: errorMessage(e) });
      return;
    }
    if (!req) return;
    setBusy(true);
    try {
      const result = await call(req, rows == null || rows >= PROGRESS_FROM_ROWS);
      if (!result || !saveDownload(result, exportFileName(fileName, format))) return; // cancelled by the user
      message.success(t('exportButton.done', { count: result.rows, n: formatNumber(result.rows, lang) }));
    } catch (e) {
      // The server's message, already in the user's language (e.g. too many rows for one file).
      modal.error({ title: t('exportButton.failed'), content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const items = [
    {
      key: 'xlsx',
      icon: <FileExcelOutlined />,
      label: <span data-testid={`${testId}-xlsx`}>{t('exportButton.xlsx')}</span>,
    },
    {
      key: 'csv',
      icon: <FileTextOutlined />,
      label: <span data-testid={`${testId}-csv`}>{t('exportButton.csv')}</span>,
    },
  ];

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      disabled={disabled || busy}
      menu={{ items, onClick: ({ key }) => void run(key as ExportFormat) }}
    >
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        disabled={disabled}
        data-testid={testId}
        title={t('exportButton.hint')}
      >
        {t('exportButton.label')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
