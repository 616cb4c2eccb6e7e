import { InboxOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { droppedFile, isSpreadsheetName, pickFile, SPREADSHEET_EXTENSIONS } from '../components/dropped-file';
import { errorMessage } from '../backend/ApiError';

const IMPORT_PATH = '/import-export';
const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
// A drop on an upload area of its own (the wizard's, the survey import's) is left to that area.
const onOwnDropArea = (e: DragEvent) => e.target instanceof Element && e.target.closest('.ant-upload') !== null;

/**
 * A spreadsheet dropped anywhere on the window opens the import wizard with it (issue #3 item 8). While
 * files are dragged over the window a veil says what a drop will do; anything else dropped is refused
 * with a message, and the window never navigates to a dropped file.
 */
export function WindowFileDrop() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [over, setOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = async (e: DragEvent) => {
      depth = 0;
      setOver(false);
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (onOwnDropArea(e)) return;
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (!isSpreadsheetName(file.name)) {
        message.error(
          t('importExport.ui.dropNotSheet', { name: file.name, extensions: SPREADSHEET_EXTENSIONS.join(' ') }),
        );
        return;
      }
      try {
        droppedFile.put(await pickFile(file));
      } catch (err) {
        message.error(errorMessage(err));
        return;
      }
      navigate(IMPORT_PATH);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [message, navigate, t]);

  if (!over) return null;
  return (
    <div className="wb-window-drop" data-testid="window-drop">
      <div className="wb-window-drop-card">
        <InboxOutlined />
        <div>{t('importExport.ui.dropWindow')}</div>
      </div>
    </div>
  );
}
