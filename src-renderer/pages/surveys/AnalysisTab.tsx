import { Col, Row, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDetail, SurveyPlan } from '../../../src-main/contract/survey';
import { ApiError } from '../../backend/ApiError';
import { useOp } from '../../backend/useOp';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { BreakdownPanel } from './BreakdownPanel';
import { CommentsPanel } from './CommentsPanel';
import { CrosstabPanel } from './CrosstabPanel';
import { DriversChart } from './DriversChart';
import { QuestionResults } from './QuestionResults';
import { SalespersonNps } from './SalespersonNps';
import { SurveyKpis } from './SurveyKpis';
import { WavesPanel } from './WavesPanel';

const VIEWS = ['questions', 'people', 'groups', 'waves', 'comments'] as const;
type View = (typeof VIEWS)[number];

/** The survey's analysis (P4.7 "结果分析", issue #5 items 6–10): headline numbers, then one view at a time. */
export function AnalysisTab({ survey, surveys }: { survey: SurveyDetail; surveys: SurveyPlan[] }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('questions');
  const a = useOp('survey/analyze', { surveyId: survey.id }, { retry: false });
  if (a.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (a.isError) {
    if (a.error instanceof ApiError && a.error.code === 'survey/no-answers')
      return (
        <EmptyState title={t('survey.ui.analysis.noAnswers')} description={t('survey.ui.analysis.noAnswersText')} />
      );
    return <ErrorState error={a.error} onRetry={() => void a.refetch()} />;
  }
  return (
    <div data-testid="survey-analysis">
      <SurveyKpis a={a.data} />
      <Segmented<View>
        className="wb-analysis-views"
        value={view}
        onChange={setView}
        options={VIEWS.map((v) => ({ value: v, label: t(`survey.ui.analysis.${v}`) }))}
        data-testid="analysis-view"
      />
      {view === 'questions' && <QuestionResults a={a.data} survey={survey} />}
      {view === 'people' && <SalespersonNps people={a.data.bySalesperson} />}
      {view === 'groups' && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <BreakdownPanel surveyId={survey.id} />
          </Col>
          <Col span={24}>
            <CrosstabPanel survey={survey} />
          </Col>
        </Row>
      )}
      {view === 'waves' && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <WavesPanel surveyId={survey.id} surveys={surveys} />
          </Col>
          <Col xs={24} xl={12}>
            <DriversChart surveyId={survey.id} />
          </Col>
        </Row>
      )}
      {view === 'comments' && <CommentsPanel survey={survey} />}
    </div>
  );
}
