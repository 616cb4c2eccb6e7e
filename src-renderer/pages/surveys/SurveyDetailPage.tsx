import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FileExcelOutlined, SmileOutlined } from '@ant-design/icons';
import { App, Button, Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { useRunJob } from '../../components/JobRunner';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { saveDownload } from '../../backend/download';
import { ActionsTab } from './ActionsTab';
import { AnalysisTab } from './AnalysisTab';
import { PhoneEntry } from './PhoneEntry';
import { PlanFormModal } from './PlanFormModal';
import { QuestionEditor } from './QuestionEditor';
import { STATUS_COLOR } from './SurveysPage';
import './surveys.css';

const TABS = ['analysis', 'questions', 'entry', 'actions'] as const;
type Tab = (typeof TABS)[number];

/** One survey (P4.7): its analysis, questionnaire, phone-interview entry and improvement actions. */
export function SurveyDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const runJob = useRunJob();
  const surveyId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const survey = useOp('survey/get', { surveyId }, { enabled: Number.isInteger(surveyId) && surveyId > 0 });
  const list = useOp('survey/list', {});
  const remove = useOpMutation('survey/delete');
  const [editing, setEditing] = useState(false);

  if (survey.isPending) return <Skeleton active paragraph={{ rows: 14 }} className="wb-page" />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  const wanted = params.get('tab') as Tab | null;
  const tab: Tab =
    wanted && TABS.includes(wanted) ? wanted : s.responses > 0 ? 'analysis' : s.questions > 0 ? 'entry' : 'questions';

  const exportXlsx = async () => {
    try {
      const r = await runJob('survey/export', { surveyId });
      saveDownload(r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('survey.ui.plan.deleteTitle', { name: s.name }),
      content: t('survey.ui.plan.deleteText'),
      okButtonProps: { danger: true },
      okText: t('survey.ui.plan.delete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ surveyId });
          navigate('/surveys');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const period = [s.startDate, s.endDate].filter(Boolean).join(' – ');
  return (
    <div className="wb-page">
      <PageHeader
        icon={<SmileOutlined />}
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/surveys')}
              aria-label={t('survey.ui.back')}
            />
            <span data-testid="survey-title">{s.name}</span>
            <Tag color={STATUS_COLOR[s.status]}>{t(`survey.ui.status.${s.status}`)}</Tag>
          </Space>
        }
        subtitle={[
          t(`survey.ui.method.${s.method}`),
          period,
          t('survey.ui.plan.counts', { responses: formatNumber(s.responses, lang), questions: s.questions }),
        ]
          .filter(Boolean)
          .join(' · ')}
        extra={
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
              {t('survey.ui.plan.edit')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              disabled={s.responses === 0}
              onClick={() => void exportXlsx()}
              data-testid="survey-export"
            >
              {t('survey.ui.export')}
            </Button>
            {s.responses === 0 && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                {t('survey.ui.plan.delete')}
              </Button>
            )}
          </Space>
        }
      />
      {s.purpose && <p className="wb-survey-purpose">{s.purpose}</p>}
      <Card variant="outlined">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'analysis',
              label: t('survey.ui.tabs.analysis'),
              children: <AnalysisTab survey={s} surveys={list.data ?? []} />,
            },
            { key: 'questions', label: t('survey.ui.tabs.questions'), children: <QuestionEditor survey={s} /> },
            { key: 'entry', label: t('survey.ui.tabs.entry'), children: <PhoneEntry survey={s} /> },
            { key: 'actions', label: t('survey.ui.tabs.actions'), children: <ActionsTab survey={s} /> },
          ]}
        />
      </Card>
      <PlanFormModal
        plan={editing ? s : null}
        surveys={list.data ?? []}
        onClose={() => setEditing(false)}
        onSaved={() => message.success(t('survey.ui.plan.saved'))}
      />
    </div>
  );
}
