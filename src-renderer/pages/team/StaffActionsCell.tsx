import { CheckCircleOutlined, DeleteOutlined, HistoryOutlined, StopOutlined } from '@ant-design/icons';
import type { ICellRendererParams } from 'ag-grid-community';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../src-main/contract/team';

export interface StaffActions {
  history: (p: StaffMember) => void;
  setStatus: (p: StaffMember, status: 'active' | 'inactive') => void;
  remove: (p: StaffMember) => void;
}

type Props = ICellRendererParams<StaffMember> & { actions: StaffActions };

/** Row buttons of the roster: change history, deactivate/reactivate, delete. */
export function StaffActionsCell({ data, actions }: Props) {
  const { t } = useTranslation();
  if (!data) return null;
  const active = data.status === 'active';
  return (
    <div className="wb-row-actions">
      <Tooltip title={t('team.actions.history')}>
        <Button
          size="small"
          type="text"
          icon={<HistoryOutlined />}
          aria-label={t('team.actions.history')}
          data-action="history"
          onClick={() => actions.history(data)}
        />
      </Tooltip>
      {active ? (
        <Tooltip title={t('team.actions.deactivate')}>
          <Button
            size="small"
            type="text"
            icon={<StopOutlined />}
            aria-label={t('team.actions.deactivate')}
            data-action="deactivate"
            onClick={() => actions.setStatus(data, 'inactive')}
          />
        </Tooltip>
      ) : (
        <Tooltip title={t('team.actions.reactivate')}>
          <Button
            size="small"
            type="text"
            icon={<CheckCircleOutlined />}
            aria-label={t('team.actions.reactivate')}
            data-action="reactivate"
            onClick={() => actions.setStatus(data, 'active')}
          />
        </Tooltip>
      )}
      <Tooltip title={data.hasHistory ? t('team.actions.deleteHasHistory') : t('team.actions.delete')}>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('team.actions.delete')}
          data-action="delete"
          onClick={() => actions.remove(data)}
        />
      </Tooltip>
    </div>
  );
}
