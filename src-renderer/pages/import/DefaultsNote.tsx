import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportDefault, ImportResult } from '../../../src-main/contract/import';

/**
 * The fields the file leaves empty that are stored with their default, one sentence each (worded by
 * the service in the window's language): a value the manager did not give is never stored silently.
 */
export function DefaultsNote({ defaults }: { defaults: ImportDefault[] }) {
  const { t } = useTranslation();
  if (!defaults.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      title={t('importExport.defaults.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {defaults.map((d) => (
            <li key={d.field}>{d.message}</li>
          ))}
        </ul>
      }
      data-testid="import-defaults"
    />
  );
}

/** Rows whose blank cells were read from merged cells (ImportResult.fromMerges), worded by the service. */
export function MergesNote({
  fromMerges,
  notes,
}: {
  fromMerges: ImportResult['fromMerges'] | undefined;
  notes?: string[];
}) {
  return (
    <>
      {fromMerges && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={fromMerges.message}
          data-testid="import-from-merges"
        />
      )}
      {(notes ?? []).map((n) => (
        <Alert key={n} type="info" showIcon style={{ marginTop: 12 }} title={n} data-testid="import-note" />
      ))}
    </>
  );
}
