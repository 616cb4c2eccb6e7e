import { UserAddOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { CandidatesTab } from './CandidatesTab';
import { FunnelTab } from './FunnelTab';
import { InterviewsTab } from './InterviewsTab';
import { PlansTab } from './PlansTab';

/** Recruitment (P5.1–P5.3): plans, candidates with screening, interviews on the appraisal rubric, the funnel. */
export function RecruitmentPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'plans';
  const [candidateId, setCandidateId] = useState<number | null>(null);
  const open = (key: string) => setParams({ tab: key }, { replace: true });
  return (
    <div className="wb-page">
      <PageHeader icon={<UserAddOutlined />} title={t('recruit.title')} subtitle={t('recruit.subtitle')} />
      <Card variant="outlined">
        <Tabs
          activeKey={tab}
          onChange={open}
          items={[
            { key: 'plans', label: t('recruit.tabs.plans'), children: <PlansTab /> },
            {
              key: 'candidates',
              label: t('recruit.tabs.candidates'),
              children: (
                <CandidatesTab
                  onInterview={(id) => {
                    setCandidateId(id);
                    open('interviews');
                  }}
                />
              ),
            },
            {
              key: 'interviews',
              label: t('recruit.tabs.interviews'),
              children: <InterviewsTab candidateId={candidateId} onCandidate={setCandidateId} />,
            },
            { key: 'funnel', label: t('recruit.tabs.funnel'), children: <FunnelTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
