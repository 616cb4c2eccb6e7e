import { App, Button, Descriptions, Result, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../src-main/contract/import';
import { errorMessage } from '../../backend/ApiError';
import { saveDownload } from '../../backend/download';
import { useRunJob } from '../../components/JobRunner';
import type { PickedFile } from '../../components/dropped-file';
import { DefaultsNote, MergesNote } from './DefaultsNote';
import type { Choices } from './MappingStep';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** Downloads the problem rows of a file as an .xlsx (the original cells plus a problem column) to fix and import again. */
export function useProblemRowsDownload() {
  const { message } = App.useApp();
  const runJob = useRunJob();
  return async (
    kind: string,
    file: PickedFile,
    choices: Choices,
    mapping: Record<string, string | string[] | null>,
  ) => {
    try {
      const out = await runJob('import/problems', {
        kind,
        file: { upload: file.upload },
        sheet: choices.sheet,
        headerRow: choices.headerRow,
        mapping,
      });
      saveDownload(out);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
}

/** The last step: what the import did, the problems by row and column, and the problem rows to download. */
export function ImportOutcome({ result, onProblems }: { result: ImportResult; onProblems: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const r = result.rows;
  const created = Object.entries(result.created)
    .map(([k, count]) => `${t(`importExport.kinds.${k}`, { defaultValue: k })} ${n(count)}`)
    .join(', ');
  return (
    <>
      <Result
        status={result.committed ? 'success' : 'warning'}
        title={t(result.committed ? 'importExport.ui.done' : 'importExport.ui.notDone', { file: result.file })}
        subTitle={
          result.committed
            ? `${t('importExport.ui.backupTaken', { backup: result.backup })} · ${t('importExport.ui.undoLater', { id: result.importId })}`
            : undefined
        }
        extra={r.invalid > 0 ? <Button onClick={onProblems}>{t('importExport.ui.problemFile')}</Button> : undefined}
      />
      <Descriptions
        size="small"
        bordered
        column={4}
        items={[
          { key: 'read', label: t('importExport.ui.read'), children: n(r.read) },
          { key: 'inserted', label: t('importExport.ui.inserted'), children: n(r.inserted) },
          { key: 'updated', label: t('importExport.ui.updated'), children: n(r.updated) },
          { key: 'unchanged', label: t('importExport.ui.unchanged'), children: n(r.unchanged) },
          { key: 'invalid', label: t('importExport.ui.invalid'), children: n(r.invalid) },
          { key: 'skipped', label: t('importExport.ui.skipped'), children: n(r.skipped) },
          { key: 'created', label: t('importExport.ui.created'), children: created || '—', span: 2 },
        ]}
      />
      <DefaultsNote defaults={result.defaults} />
      <MergesNote fromMerges={result.fromMerges} notes={result.notes} />
      {result.errors.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
          dataSource={result.errors}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('importExport.ui.row'), dataIndex: 'row', width: 80 },
            { title: t('importExport.ui.column'), dataIndex: 'column', width: 160 },
            { title: t('importExport.ui.value'), dataIndex: 'value', width: 200 },
            { title: t('importExport.ui.problems'), dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}
