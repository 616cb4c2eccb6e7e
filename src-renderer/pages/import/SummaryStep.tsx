import { Alert, Button, Descriptions, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/contract/import';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import type { PickedFile } from '../../components/dropped-file';
import { DefaultsNote, MergesNote } from './DefaultsNote';

interface Props {
  preview: ImportPreview;
  file: PickedFile;
  kindLabel: string;
  onImport: (skipInvalid: boolean) => void;
  onBack: () => void;
  onProblems: () => void;
}

const mb = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Step 3 of the wizard (issue #3 item 8 "summary"): what will be imported, from where, through which
 * columns, what is left out and why, and, when rows are invalid, the choice between fixing the file
 * first and importing the valid rows only. Nothing is written before the Import button.
 */
export function SummaryStep({ preview, file, kindLabel, onImport, onBack, onProblems }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const { read, valid, invalid, skipped } = preview.rows;
  const [skipInvalid, setSkipInvalid] = useState(false);
  const reasons = new Map<string, number>();
  for (const s of preview.skippedRows) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const labelOf = new Map(preview.fields.map((f) => [f.key, f.label]));
  const mapped = Object.entries(preview.mapping).map(
    ([field, col]) => `${labelOf.get(field) ?? field} ← ${Array.isArray(col) ? col.join(', ') : col}`,
  );
  const unusedColumns = preview.columns.filter((c) => !c.field).map((c) => `${c.letter} ${c.header}`);
  const blocked = invalid > 0 && !skipInvalid;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-summary">
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'kind', label: t('importExport.ui.kind'), children: kindLabel },
          { key: 'file', label: t('importExport.ui.file'), children: `${file.name} (${mb(file.size)})` },
          {
            key: 'sheet',
            label: t('importExport.ui.sheet'),
            children: (
              <span data-testid="summary-sheet">
                {preview.sheet}
                {preview.sheets.length > 1 && preview.sheetReason ? (
                  <Typography.Text type="secondary"> — {preview.sheetReason}</Typography.Text>
                ) : null}
              </span>
            ),
          },
          {
            key: 'header',
            label: t('importExport.ui.headerRow'),
            children: preview.groupRow
              ? `${preview.headerRow} · ${t('importExport.ui.groupRow', { row: preview.groupRow })}`
              : preview.headerRow,
          },
          { key: 'mapped', label: t('importExport.ui.summaryMapped'), span: 2, children: mapped.join('；') || '—' },
          {
            key: 'unused',
            label: t('importExport.ui.summaryUnused'),
            span: 2,
            children: unusedColumns.join('；') || '—',
          },
          { key: 'read', label: t('importExport.ui.read'), children: n(read) },
          {
            key: 'valid',
            label: t('importExport.ui.summaryToWrite'),
            children: <Typography.Text strong>{n(valid)}</Typography.Text>,
          },
          {
            key: 'skipped',
            label: t('importExport.ui.skipped'),
            // the reasons are listed when every skipped row is (the list stops at 1,000)
            children:
              skipped && preview.skippedRows.length === skipped
                ? `${n(skipped)} (${[...reasons].map(([r, k]) => `${t(`importExport.ui.skipReason.${r}`)} ${n(k)}`).join(', ')})`
                : n(skipped),
          },
          {
            key: 'invalid',
            label: t('importExport.ui.invalid'),
            children: <Typography.Text type={invalid ? 'danger' : undefined}>{n(invalid)}</Typography.Text>,
          },
        ]}
      />
      <DefaultsNote defaults={preview.defaults} />
      <MergesNote fromMerges={preview.fromMerges} notes={preview.notes} />
      {invalid > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('importExport.ui.summaryInvalid', { count: invalid, n: n(invalid) })}
          description={
            <Space orientation="vertical">
              <Radio.Group
                value={skipInvalid}
                onChange={(e) => setSkipInvalid(e.target.value as boolean)}
                data-testid="import-invalid-choice"
              >
                <Space orientation="vertical">
                  <Radio value={false}>{t('importExport.ui.choiceFixFirst')}</Radio>
                  <Radio value={true} disabled={valid === 0} data-testid="import-skip-invalid">
                    {t('importExport.ui.choiceSkipInvalid', { valid: n(valid), invalid: n(invalid) })}
                  </Radio>
                </Space>
              </Radio.Group>
              <Button size="small" onClick={onProblems}>
                {t('importExport.ui.problemFile')}
              </Button>
            </Space>
          }
        />
      )}
      <Typography.Text type="secondary">{t('importExport.ui.safety')}</Typography.Text>
      <Space>
        <Button onClick={onBack}>{t('importExport.ui.back')}</Button>
        <Button
          type="primary"
          disabled={blocked || valid === 0}
          onClick={() => onImport(skipInvalid)}
          data-testid="import-run"
        >
          {t('importExport.ui.import', { count: valid, n: n(valid) })}
        </Button>
      </Space>
    </Space>
  );
}
