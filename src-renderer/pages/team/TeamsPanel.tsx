import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember, Team } from '../../../src-main/contract/team';
import { EmptyState } from '../../components/EmptyState';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { TeamFormModal } from './TeamFormModal';

interface Props {
  teams: Team[];
  staff: StaffMember[];
}

/** The sales teams: create one, rename it, give it a region and a manager. */
export function TeamsPanel({ teams, staff }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);

  return (
    <div data-testid="teams-panel">
      <div className="wb-toolbar">
        <Typography.Text type="secondary">{t('teams.count', { count: teams.length })}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-team">
          {t('teams.new')}
        </Button>
      </div>
      {teams.length === 0 ? (
        <EmptyState title={t('teams.emptyTitle')} description={t('teams.emptyText')} />
      ) : (
        <Table<Team>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={teams}
          columns={[
            {
              title: t('teams.name'),
              dataIndex: 'name',
              render: (name: string, team) => (
                <>
                  <Typography.Text strong>{name}</Typography.Text>{' '}
                  {!team.active && <Tag>{t('team.status.inactive')}</Tag>}
                </>
              ),
            },
            { title: t('fields.region'), dataIndex: 'region', render: (v: string | null) => v ?? '—' },
            { title: t('fields.managerId'), dataIndex: 'managerName', render: (v: string | null) => v ?? '—' },
            {
              title: t('teams.members'),
              dataIndex: 'members',
              align: 'right',
              render: (v: number) => formatNumber(v, lang),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 120,
              render: (_: unknown, team) => (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(team)}
                  data-testid={`edit-team-${team.id}`}
                >
                  {t('teams.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <TeamFormModal
        team={editing}
        staff={staff}
        onClose={() => setEditing(null)}
        onSaved={(team) => message.success(t('teams.saved', { name: team.name }))}
      />
    </div>
  );
}
