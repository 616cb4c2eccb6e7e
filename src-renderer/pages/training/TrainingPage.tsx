import { ReadOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { CoursesTab } from './CoursesTab';
import { EffectTab } from './EffectTab';
import { ProbationTab } from './ProbationTab';
import { RecordsTab } from './RecordsTab';
import { SessionsTab } from './SessionsTab';

/** Training (P5.4, P5.5): plans by stage, sessions and attendance, each person's record, and whether it worked. */
export function TrainingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'plans';
  return (
    <div className="wb-page">
      <PageHeader icon={<ReadOutlined />} title={t('training.title')} subtitle={t('training.subtitle')} />
      <Card variant="outlined">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'plans', label: t('training.tabs.plans'), children: <CoursesTab /> },
            { key: 'sessions', label: t('training.tabs.sessions'), children: <SessionsTab /> },
            { key: 'records', label: t('training.tabs.records'), children: <RecordsTab /> },
            { key: 'effect', label: t('training.tabs.effect'), children: <EffectTab /> },
            { key: 'probation', label: t('training.tabs.probation'), children: <ProbationTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
