import { TeamOutlined } from '@ant-design/icons';
import { Card, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { StaffRoster } from './StaffRoster';
import { TeamsPanel } from './TeamsPanel';

/** Team (P1, P5.6): the salespeople and the teams they belong to. */
export function TeamPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'teams' ? 'teams' : 'people';
  const staff = useOp('staff/list', { includeInactive: true });
  const teams = useOp('teams/list', {});

  let body;
  if (staff.isPending || teams.isPending) body = <Skeleton active paragraph={{ rows: 12 }} />;
  else if (staff.isError || teams.isError)
    body = (
      <ErrorState
        error={staff.error ?? teams.error}
        onRetry={() => {
          void staff.refetch();
          void teams.refetch();
        }}
      />
    );
  else
    body = (
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'teams' ? { tab: 'teams' } : {}, { replace: true })}
        items={[
          {
            key: 'people',
            label: t('team.tabs.people'),
            children: <StaffRoster staff={staff.data} teams={teams.data} />,
          },
          { key: 'teams', label: t('team.tabs.teams'), children: <TeamsPanel teams={teams.data} staff={staff.data} /> },
        ]}
      />
    );

  return (
    <div className="wb-page wb-page-fill">
      <PageHeader icon={<TeamOutlined />} title={t('nav.team')} subtitle={t('team.subtitle')} />
      <Card variant="outlined" className="wb-card-fill wb-card-grid">
        {body}
      </Card>
    </div>
  );
}
