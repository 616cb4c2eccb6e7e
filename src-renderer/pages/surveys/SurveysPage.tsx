import { CloudUploadOutlined, PlusOutlined, SmileOutlined } from '@ant-design/icons';
import type { ColDef, RowClickedEvent } from 'ag-grid-community';
import { Button, Card, Skeleton, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SurveyPlan } from '../../../src-main/contract/survey';
import { useOp } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useLang } from '../../i18n/LanguageProvider';
import { PlanFormModal } from './PlanFormModal';
import { fmtNps } from './surveyFormat';
import './surveys.css';

export const STATUS_COLOR = { planned: 'default', running: 'processing', closed: 'success' } as const;

function useColumns(): ColDef<SurveyPlan>[] {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo(
    () => [
      { field: 'name', headerName: t('survey.ui.plan.name'), flex: 2, minWidth: 240 },
      {
        field: 'method',
        headerName: t('survey.ui.plan.method'),
        width: 150,
        valueFormatter: (p) => t(`survey.ui.method.${p.value}`),
      },
      { field: 'startDate', headerName: t('survey.ui.plan.start'), width: 130 },
      { field: 'endDate', headerName: t('survey.ui.plan.end'), width: 130 },
      {
        field: 'status',
        headerName: t('survey.ui.plan.status'),
        width: 120,
        cellRenderer: (p: { value: SurveyPlan['status'] }) => (
          <Tag color={STATUS_COLOR[p.value]}>{t(`survey.ui.status.${p.value}`)}</Tag>
        ),
      },
      { field: 'questions', headerName: t('survey.ui.plan.questions'), width: 110, type: 'numericColumn' },
      { field: 'responses', headerName: t('survey.ui.plan.responses'), width: 120, type: 'numericColumn' },
      {
        field: 'nps',
        headerName: 'NPS',
        width: 110,
        type: 'numericColumn',
        valueFormatter: (p) => fmtNps(p.value, lang),
      },
    ],
    [t, lang],
  );
}

/** Satisfaction surveys (P4.5, P4.7): every plan with its method, period, status, answers and NPS. */
export function SurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useOp('survey/list', {});
  const columns = useColumns();
  const [creating, setCreating] = useState(false);

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else
    body = (
      <div className="wb-grid-box" data-testid="survey-list">
        <DataGrid<SurveyPlan>
          rowData={list.data}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          onRowClicked={(e: RowClickedEvent<SurveyPlan>) => e.data && navigate(`/surveys/${e.data.id}`)}
          rowClass="wb-survey-row"
          empty={{ title: t('survey.ui.empty.title'), text: t('survey.ui.empty.text') }}
        />
      </div>
    );

  return (
    <div className="wb-page wb-page-fill">
      <PageHeader
        icon={<SmileOutlined />}
        title={t('nav.surveys')}
        subtitle={t('survey.ui.subtitle')}
        extra={
          <Space>
            <Button
              icon={<CloudUploadOutlined />}
              onClick={() => navigate('/surveys/import')}
              data-testid="survey-import-button"
            >
              {t('survey.ui.import.button')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="survey-new">
              {t('survey.ui.plan.new')}
            </Button>
          </Space>
        }
      />
      <Card variant="outlined" className="wb-card-fill wb-card-grid">
        {body}
      </Card>
      <PlanFormModal
        plan={creating ? 'new' : null}
        surveys={list.data ?? []}
        onClose={() => setCreating(false)}
        onSaved={(p) => navigate(`/surveys/${p.id}?tab=questions`)}
      />
    </div>
  );
}
