import { Alert, Button, Space, Steps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ImportPreview, ImportResult } from '../../../src-main/contract/import';
import { ApiError, errorMessage } from '../../backend/ApiError';
import { invoke } from '../../backend/transport';
import { useOp } from '../../backend/useOp';
import { useRunJob } from '../../components/JobRunner';
import { useLang } from '../../i18n/LanguageProvider';
import { droppedFile, type PickedFile } from '../../components/dropped-file';
import { FileStep } from './FileStep';
import { ImportOutcome, useProblemRowsDownload } from './ImportOutcome';
import { MappingStep, type Choices } from './MappingStep';
import { SummaryStep } from './SummaryStep';

type Step = 'file' | 'mapping' | 'summary' | 'done';
const STEPS: Step[] = ['file', 'mapping', 'summary', 'done'];

/**
 * The desktop import wizard (issue #3 item 8): pick a file or drop it (here or anywhere on the window)
 * → sheet, header row and column mapping with a live preview whose invalid cells are highlighted →
 * summary → import with a progress bar and a cancel button (a long job, so the window never freezes)
 * → what was done. The file is sent once: the preview's session holds its table, and every later choice
 * (a column, the kind, the sheet, the header row) re-maps it there (issue 10 item 15). A required field
 * the sheet does not name still leads to the mapping step, marked, with every column offered (item 11).
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const runJob = useRunJob();
  const kinds = useOp('import/kinds', {});
  const [params] = useSearchParams();
  // The first run's "import my Excel sheets" starts with salespeople (?kind=staff&first=1).
  const [kind, setKind] = useState(() => params.get('kind') ?? 'orders');
  const firstRun = params.get('first') === '1';
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useRef<string | null>(null);
  // Only the answer to the latest choice is shown (two quick changes may answer out of order).
  const latest = useRef(0);
  const lang = useLang();
  const downloadProblems = useProblemRowsDownload();

  const input = (k: string, f: PickedFile, c: Choices) => ({ kind: k, file: { upload: f.upload }, ...c });

  const load = useCallback(async (k: string, f: PickedFile, c: Choices) => {
    setError(null);
    const ticket = ++latest.current;
    setBusy(true);
    try {
      let p: ImportPreview | undefined;
      if (session.current) {
        try {
          p = await invoke('import/preview', { kind: k, session: session.current, ...c });
        } catch (e) {
          // The session was set aside (idle, or another file opened since): send the file again.
          if (!(e instanceof ApiError && e.code === 'import/session-expired')) throw e;
          session.current = null;
        }
      }
      // Not a worker job (the session lives in main): a spinner, not the progress dialog and its Cancel.
      if (!session.current) p = await invoke('import/preview', input(k, f, c));
      if (p && ticket === latest.current) {
        session.current = p.session;
        setPreview(p);
        setChoices({ ...c, sheet: p.sheet, headerRow: p.headerRow });
        setStep('mapping');
      }
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  }, []);

  const start = useCallback(
    (k: string, f: PickedFile) => {
      session.current = null;
      setFile(f);
      setPreview(null);
      setResult(null);
      void load(k, f, {});
    },
    [load],
  );

  // Field labels and messages come from main in the window's language: a switch asks again.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    if (step === 'mapping' && file && session.current) void load(kind, file, choices);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of language asks again
  }, [lang]);

  // A file dropped anywhere on the window starts the wizard over with it: one dropped while the wizard is
  // open arrives through the subscription, one dropped on another screen is waiting when the wizard opens.
  useEffect(() => {
    const handle = () => {
      const f = droppedFile.take();
      if (f) start(kind, f);
    };
    const off = droppedFile.subscribe(handle);
    const timer = window.setTimeout(handle, 0);
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, [kind, start]);

  const mappingFor = (p: ImportPreview) => ({ ...nullMapping(p), ...p.mapping });

  const run = async (skipInvalid: boolean) => {
    if (!file || !preview) return;
    setError(null);
    try {
      const r = await runJob('import/run', {
        ...input(kind, file, choices),
        mapping: mappingFor(preview),
        skipInvalid,
      });
      if (r) {
        setResult(r);
        setStep('done');
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const reset = () => {
    session.current = null;
    setFile(null);
    setPreview(null);
    setChoices({});
    setResult(null);
    setError(null);
    setStep('file');
  };

  const kindLabel = kinds.data?.find((k) => k.kind === kind)?.label ?? kind;
  return (
    <div className="wb-import-wizard">
      <Steps
        size="small"
        current={STEPS.indexOf(step)}
        items={[
          { title: t('importExport.ui.stepFile') },
          { title: t('importExport.ui.stepMapping') },
          { title: t('importExport.ui.stepSummary') },
          { title: t('importExport.ui.stepDone') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setError(null)}
          data-testid="import-error"
        />
      )}
      {step === 'file' && firstRun && (
        <Alert
          type="info"
          showIcon
          title={t('importExport.ui.firstRunTitle')}
          description={t('importExport.ui.firstRunOrder')}
          style={{ marginBottom: 12 }}
          data-testid="import-first-run"
        />
      )}
      {step === 'file' && (
        <FileStep
          kind={kind}
          fileName={file?.name ?? null}
          busy={busy}
          onKind={(k) => {
            setKind(k);
            // A file refused as one kind (the message may name the kind it looks like) is read again as the new one.
            if (file) start(k, file);
          }}
          onFile={(f) => start(kind, f)}
        />
      )}
      {step === 'mapping' && preview && file && (
        <MappingStep
          preview={preview}
          choices={choices}
          kind={kind}
          kinds={kinds.data ?? []}
          busy={busy}
          onKind={(k) => {
            setKind(k);
            void load(k, file, {});
          }}
          onChange={(c) => void load(kind, file, c)}
          onNext={() => setStep('summary')}
          onBack={reset}
        />
      )}
      {step === 'summary' && preview && file && (
        <SummaryStep
          preview={preview}
          file={file}
          kindLabel={kindLabel}
          onImport={(skip) => void run(skip)}
          onBack={() => setStep('mapping')}
          onProblems={() => void downloadProblems(kind, file, choices, mappingFor(preview))}
        />
      )}
      {step === 'done' && result && file && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ImportOutcome
            result={result}
            onProblems={() => void downloadProblems(kind, file, choices, result.mapping)}
          />
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
