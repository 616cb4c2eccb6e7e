import { ArrowLeftOutlined, CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Radio,
  Select,
  Space,
  Spin,
  Switch,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Output } from '../../../src-main/contract';
import { errorMessage } from '../../backend/ApiError';
import { invoke, uploadFile } from '../../backend/transport';
import { useOp } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { useRunJob } from '../../components/JobRunner';
import { PageHeader } from '../../components/PageHeader';
import { ImportColumns, type Correction } from './ImportColumns';
import './surveys.css';

type Result = Output<'survey/import'>;
type PreviewRow = NonNullable<Result['records']>[number];
interface Picked {
  name: string;
  upload: string;
}

/**
 * Import of a platform export (issue #5 items 4–5): drop the file, see how every column was understood and
 * the first rows, correct what is wrong, then write it in one go. The file is handed over once (uploadFile)
 * and named by its upload id in every call, the same in the desktop window and in browser mode.
 */
export function SurveyImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const runJob = useRunJob();
  const surveys = useOp('survey/list', {});
  const [file, setFile] = useState<Picked | null>(null);
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [surveyId, setSurveyId] = useState<number | undefined>();
  const [name, setName] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [preview, setPreview] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const input = (
    f: Picked,
    fixes: Correction[],
    dryRun: boolean,
    into: number | undefined = target === 'existing' ? surveyId : undefined,
  ) => ({
    file: { upload: f.upload },
    dryRun,
    skipInvalid,
    ...(into ? { surveyId: into } : {}),
    ...(target === 'new' && name.trim() ? { name: name.trim() } : {}),
    ...(fixes.length ? { columns: fixes } : {}),
  });
  const check = async (f: Picked, fixes: Correction[], into?: number) => {
    setBusy(true);
    setProblem(null);
    try {
      setPreview(await invoke('survey/import', input(f, fixes, true, into)));
    } catch (e) {
      setPreview(null);
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const correct = (c: Correction) => {
    const next = [
      ...corrections.filter((x) => x.column !== c.column),
      { ...corrections.find((x) => x.column === c.column), ...c },
    ];
    setCorrections(next);
    if (file) void check(file, next);
  };
  const commit = async () => {
    if (!file) return;
    try {
      const r = await runJob('survey/import', input(file, corrections, false));
      if (!r) return;
      message.success(t('survey.ui.import.done', { inserted: r.rows.inserted, skipped: r.rows.skipped }));
      navigate(`/surveys/${r.survey}`);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const previewColumns = useMemo<ColDef<PreviewRow>[]>(() => {
    const qs = (preview?.questions ?? []).filter(
      (q) => q.role === 'question' || q.role === 'meta' || q.role === 'salesperson',
    );
    return [
      { field: 'row', headerName: t('survey.ui.import.row'), width: 80, pinned: 'left' },
      { field: 'salesperson', headerName: t('survey.ui.import.salesperson'), width: 120 },
      { field: 'customer', headerName: t('survey.ui.import.customer'), width: 150 },
      { field: 'submittedAt', headerName: t('survey.ui.import.submitted'), width: 120 },
      // the answer as the file has it; "→" shows what is stored when that reads differently (issue #10 item 13)
      ...qs.map((q) => ({
        colId: q.code,
        headerName: `${q.column} ${q.text}`,
        headerTooltip: q.text,
        width: 160,
        valueGetter: (p: { data?: PreviewRow }) => {
          const shown = p.data?.answers[q.code] ?? '';
          const stored = p.data?.mapped[q.code];
          return stored === undefined ? shown : `${shown} → ${stored}`;
        },
      })),
    ];
  }, [preview, t]);

  return (
    <div className="wb-page">
      <PageHeader
        icon={<CloudUploadOutlined />}
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/surveys')}
              aria-label={t('survey.ui.back')}
            />
            {t('survey.ui.import.title')}
          </Space>
        }
        subtitle={t('survey.ui.import.subtitle')}
      />
      <Card variant="outlined">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Radio.Group
              value={target}
              onChange={(e) => {
                const next = e.target.value as 'new' | 'existing';
                setTarget(next);
                // the same columns read differently against an existing survey: check the file again
                if (file && (next === 'new' || surveyId))
                  void check(file, corrections, next === 'existing' ? surveyId : undefined);
              }}
            >
              <Radio value="new">{t('survey.ui.import.asNew')}</Radio>
              <Radio value="existing">{t('survey.ui.import.intoExisting')}</Radio>
            </Radio.Group>
            {target === 'new' ? (
              <Input
                style={{ width: 320 }}
                placeholder={t('survey.ui.import.namePlaceholder')}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            ) : (
              <Select
                style={{ width: 320 }}
                value={surveyId}
                onChange={(id: number) => {
                  setSurveyId(id);
                  if (file) void check(file, corrections, id);
                }}
                placeholder={t('survey.ui.import.pickSurvey')}
                options={(surveys.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            )}
          </Space>
          <Upload.Dragger
            accept=".xlsx,.xls,.csv,.tsv,.txt"
            multiple={false}
            showUploadList={false}
            beforeUpload={async (f) => {
              let picked: Picked;
              try {
                picked = { name: f.name, upload: (await uploadFile(f)).upload };
              } catch (e) {
                setProblem(errorMessage(e));
                return false;
              }
              setFile(picked);
              setCorrections([]);
              void check(picked, []);
              return false;
            }}
            data-testid="survey-import-drop"
          >
            {!file && (
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
            )}
            <p className="ant-upload-text">{file ? file.name : t('survey.ui.import.drop')}</p>
            <p className="ant-upload-hint">{t('survey.ui.import.dropHint')}</p>
          </Upload.Dragger>
          {problem && <Alert type="error" showIcon title={problem} data-testid="import-problem" />}
          <Spin spinning={busy}>
            {preview && (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Descriptions size="small" bordered column={4} data-testid="import-summary">
                  <Descriptions.Item label={t('survey.ui.import.layout')}>
                    {t(`survey.ui.layout.${preview.layout}`, { defaultValue: preview.layout })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('survey.ui.import.sheet')}>{preview.sheet}</Descriptions.Item>
                  <Descriptions.Item label={t('survey.ui.import.headerRow')}>{preview.headerRow}</Descriptions.Item>
                  <Descriptions.Item label={t('survey.ui.import.rows')}>
                    {t('survey.ui.import.rowCounts', preview.rows)}
                  </Descriptions.Item>
                </Descriptions>
                <Typography.Title level={5}>{t('survey.ui.import.columnsTitle')}</Typography.Title>
                <ImportColumns
                  columns={preview.questions}
                  corrections={corrections}
                  onCorrect={correct}
                  fixedTypes={target === 'existing'}
                />
                {preview.errors.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('survey.ui.import.invalid', { count: preview.rows.invalid })}
                    description={preview.errors
                      .slice(0, 5)
                      .map((e) => `${t('survey.ui.import.row')} ${e.row} · ${e.column}: ${e.message}`)
                      .join('\n')}
                    className="wb-prewrap"
                  />
                )}
                {preview.noAnswerCells > 0 && (
                  <Alert
                    type="info"
                    showIcon
                    title={t('survey.ui.import.noAnswerCells', { count: preview.noAnswerCells })}
                    data-testid="import-no-answer"
                  />
                )}
                {preview.warnings.length > 0 && (
                  <Alert
                    type="info"
                    showIcon
                    title={t('survey.ui.import.warnings', { count: preview.warnings.length })}
                    description={preview.warnings
                      .slice(0, 3)
                      .map((w) => `${w.row}: ${w.message}`)
                      .join('\n')}
                    className="wb-prewrap"
                  />
                )}
                <Typography.Title level={5}>
                  {t('survey.ui.import.previewTitle', {
                    shown: Math.min(20, preview.records?.length ?? 0),
                    total: preview.records?.length ?? 0,
                  })}
                </Typography.Title>
                <div style={{ height: 300 }} data-testid="import-preview">
                  <DataGrid<PreviewRow>
                    rowData={(preview.records ?? []).slice(0, 20)}
                    columnDefs={previewColumns}
                    defaultColDef={{ filter: false }}
                  />
                </div>
                <div className="wb-toolbar">
                  <Space>
                    <Switch checked={skipInvalid} onChange={setSkipInvalid} />
                    <Typography.Text>{t('survey.ui.import.skipInvalid')}</Typography.Text>
                  </Space>
                  <Button
                    type="primary"
                    disabled={
                      (preview.rows.invalid > 0 && !skipInvalid) ||
                      preview.rows.valid - preview.rows.skipped <= 0 ||
                      (target === 'existing' && !surveyId)
                    }
                    onClick={() => void commit()}
                    data-testid="import-commit"
                  >
                    {t('survey.ui.import.commit', { count: preview.rows.valid - preview.rows.skipped })}
                  </Button>
                </div>
              </Space>
            )}
          </Spin>
        </Space>
      </Card>
    </div>
  );
}
