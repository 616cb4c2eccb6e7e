import { Alert, Button, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../src-main/contract/import';
import { errorMessage } from '../../backend/ApiError';
import { useRunJob } from '../../components/JobRunner';
import { FileStep, type PickedFile } from './FileStep';
import { ImportOutcome } from './ImportOutcome';
import { MappingStep, type Choices } from './MappingStep';

/**
 * The desktop import wizard: pick or drop a file → sheet and header row (preselected) → column mapping
 * with a live preview whose invalid cells are highlighted → summary → import with a progress bar and
 * a cancel button (the import runs as a long job, so the window never freezes).
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const runJob = useRunJob();
  const [kind, setKind] = useState('orders');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const input = (f: PickedFile, c: Choices) => ({ kind, file: { name: f.name, base64: f.base64 }, ...c });

  const load = async (f: PickedFile, c: Choices) => {
    setError(null);
    try {
      const p = await runJob('import/preview', input(f, c));
      if (p) {
        setPreview(p);
        setChoices({ ...c, sheet: p.sheet, headerRow: p.headerRow });
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const run = async (skipInvalid: boolean) => {
    if (!file) return;
    setError(null);
    try {
      const r = await runJob('import/run', { ...input(file, choices), mapping: preview?.mapping ? { ...nullMapping(preview), ...preview.mapping } : undefined, skipInvalid });
      if (r) setResult(r);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setChoices({});
    setResult(null);
    setError(null);
  };

  const step = result ? 2 : preview ? 1 : 0;
  return (
    <div className="wb-import-wizard">
      <Steps size="small" current={step} items={[{ title: t('importExport.ui.stepFile') }, { title: t('importExport.ui.stepMapping') }, { title: t('importExport.ui.stepDone') }]} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} closable onClose={() => setError(null)} />}
      {step === 0 && (
        <FileStep
          kind={kind}
          onKind={setKind}
          onFile={(f) => {
            setFile(f);
            void load(f, {});
          }}
        />
      )}
      {step === 1 && preview && file && (
        <MappingStep
          preview={preview}
          choices={choices}
          onChange={(c) => void load(file, c)}
          onImport={(skip) => void run(skip)}
          onBack={reset}
        />
      )}
      {step === 2 && result && file && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ImportOutcome result={result} kind={kind} file={file} choices={choices} />
          <Button type="primary" onClick={reset}>
            {t('importExport.ui.another')}
          </Button>
        </Space>
      )}
    </div>
  );
}

/** Fields the user left unmapped stay unmapped on import (a remembered mapping must not bring them back). */
function nullMapping(p: ImportPreview): Record<string, null> {
  return Object.fromEntries(p.fields.map((f) => [f.key, null]));
}
