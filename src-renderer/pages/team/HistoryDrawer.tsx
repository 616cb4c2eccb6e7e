import { Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, StaffMember, Team } from '../../../src-main/contract/team';
import { useOp } from '../../backend/useOp';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

interface Props {
  person: StaffMember | null;
  staff: StaffMember[];
  teams: Team[];
  onClose: () => void;
}

/** A person's change history from the audit log: who changed what, when, from what to what, and why. */
export function HistoryDrawer({ person, staff, teams, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useOp('staff/history', { id: person?.id ?? 0 }, { enabled: !!person, staleTime: 0 });

  const show = (field: string | null, value: string | null): string => {
    if (value == null || value === '') return t('team.history.blank');
    if (field === 'teamId') return teams.find((x) => String(x.id) === value)?.name ?? value;
    if (field === 'managerId') return staff.find((p) => String(p.id) === value)?.name ?? value;
    if (field === 'status') return t(`team.status.${value}`, { defaultValue: value });
    if (field === 'hireDate' || field === 'leftDate') return formatDate(value, lang);
    return value;
  };

  const describe = (e: AuditEntry) => {
    if (!e.field) {
      const event = e.reason === 'created' || e.reason === 'deleted' ? e.reason : 'changed';
      return <Typography.Text strong>{t(`team.history.event.${event}`)}</Typography.Text>;
    }
    return (
      <>
        <Typography.Text strong>{t(`fields.${e.field}`, { defaultValue: e.field })}</Typography.Text>
        {': '}
        <Typography.Text delete type="secondary">
          {show(e.field, e.oldValue)}
        </Typography.Text>
        {' → '}
        <Typography.Text>{show(e.field, e.newValue)}</Typography.Text>
      </>
    );
  };

  const body = (
    <HistoryTimeline
      history={history}
      ready={!!person}
      emptyText={t('team.history.empty')}
      entryTestId="history-entry"
      renderEntry={(e) => (
        <>
          <div>{describe(e)}</div>
          {e.reason && e.field && (
            <div>
              <Typography.Text type="secondary" italic>
                {t('team.history.reason', { reason: e.reason })}
              </Typography.Text>
            </div>
          )}
        </>
      )}
    />
  );

  return (
    <Drawer
      open={!!person}
      onClose={onClose}
      size={480}
      title={person ? t('team.history.title', { name: person.name }) : ''}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
