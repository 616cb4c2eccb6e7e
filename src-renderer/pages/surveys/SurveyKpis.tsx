import { DashboardOutlined, LikeOutlined, SmileOutlined, TeamOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyAnalysis } from '../../../src-main/contract/survey';
import { formatNumber } from '../../i18n/format';
import { KpiCard as Kpi } from '../../components/KpiCard';
import { useLang } from '../../i18n/LanguageProvider';
import { fmtCi, fmtMean, fmtNps, fmtPct } from './surveyFormat';

/** The analysis header (issue #5 item 6): responses, NPS with its 95% interval, CSAT, CES. */
export function SurveyKpis({ a }: { a: SurveyAnalysis }) {
  const { t } = useTranslation();
  const lang = useLang();
  const small = a.nps.n > 0 && a.nps.n < 30;
  return (
    <div className="wb-kpis wb-survey-kpis">
      <Kpi
        testId="kpi-responses"
        icon={<TeamOutlined />}
        tone="blue"
        title={t('survey.ui.kpi.responses')}
        value={formatNumber(a.responses, lang)}
        footer={
          <Typography.Text type="secondary">
            {t('survey.ui.kpi.questions', { count: a.questions.length })}
          </Typography.Text>
        }
      />
      <Kpi
        testId="kpi-nps"
        icon={<LikeOutlined />}
        tone="green"
        title={t('survey.ui.kpi.nps')}
        value={fmtNps(a.nps.score, lang)}
        footer={
          <Tooltip title={t('survey.ui.kpi.npsHelp')}>
            <Typography.Text type="secondary" data-testid="kpi-nps-ci">
              {t('survey.ui.kpi.ci', { ci: fmtCi(a.nps.ci95, lang) })} ·{' '}
              {t('survey.ui.kpi.classes', {
                p: formatNumber(a.nps.promoters, lang),
                pa: formatNumber(a.nps.passives, lang),
                d: formatNumber(a.nps.detractors, lang),
              })}
            </Typography.Text>
            {small && <Tag color="warning">{t('survey.ui.tooSmall')}</Tag>}
          </Tooltip>
        }
      />
      <Kpi
        testId="kpi-csat"
        icon={<SmileOutlined />}
        tone="cyan"
        title={t('survey.ui.kpi.csat')}
        value={fmtPct(a.csat, lang)}
        footer={<Typography.Text type="secondary">{t('survey.ui.kpi.csatHelp')}</Typography.Text>}
      />
      <Kpi
        testId="kpi-ces"
        icon={<DashboardOutlined />}
        tone="purple"
        title={t('survey.ui.kpi.ces')}
        value={fmtMean(a.ces, lang)}
        footer={
          <Typography.Text type="secondary">
            {t(a.ces === null ? 'survey.ui.kpi.noCes' : 'survey.ui.kpi.cesHelp')}
          </Typography.Text>
        }
      />
    </div>
  );
}
