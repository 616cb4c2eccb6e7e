import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { CellEditRequestEvent, GetRowIdParams, GridApi, RowClassParams } from 'ag-grid-community';
import { App, Button, Input, Space, Switch, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember, Team } from '../../../src-main/contract/team';
import { useOpMutation } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../../components/ExportButton';
import { displayedRowsExport } from '../../components/grid/gridExport';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { AddStaffModal } from './AddStaffModal';
import { HistoryDrawer } from './HistoryDrawer';
import type { StaffActions } from './StaffActionsCell';
import { StatusDialog, type StatusRequest } from './StatusDialog';
import { cellValueToPatchValue, staffFieldIssue, STAFF_FIELDS, type StaffField } from './staffValidation';
import { useStaffColumnDefs } from './useStaffColumnDefs';
import { useStaffIssueMessage } from './useStaffRules';
import { errorMessage } from '../../backend/ApiError';

interface Props {
  staff: StaffMember[];
  teams: Team[];
}

const rowId = (p: GetRowIdParams<StaffMember>) => String(p.data.id);
const rowClassRules = { 'wb-row-inactive': (p: RowClassParams<StaffMember>) => p.data?.status === 'inactive' };

/** The roster grid (P1, P5.6): edit in place, each change checked and saved through 'staff/update'. */
export function StaffRoster({ staff, teams }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const update = useOpMutation('staff/update');
  const remove = useOpMutation('staff/delete');
  const issueMessage = useStaffIssueMessage();
  const [search, setSearch] = useState('');
  const [hideInactive, setHideInactive] = useState(false);
  const [adding, setAdding] = useState(false);
  const [statusRequest, setStatusRequest] = useState<StatusRequest | null>(null);
  const [historyOf, setHistoryOf] = useState<StaffMember | null>(null);
  const [api, setApi] = useState<GridApi<StaffMember> | null>(null);

  const confirmDelete = useCallback(
    (p: StaffMember) =>
      modal.confirm({
        title: t('team.delete.title', { name: p.name }),
        content: t('team.delete.text'),
        okText: t('team.actions.delete'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: async () => {
          try {
            await remove.mutateAsync({ id: p.id });
            message.success(t('team.delete.done', { name: p.name }));
          } catch (e) {
            message.error(errorMessage(e));
          }
        },
      }),
    [modal, message, remove, t],
  );

  const actions = useMemo<StaffActions>(
    () => ({
      history: setHistoryOf,
      setStatus: (person, status) => setStatusRequest({ person, status }),
      remove: confirmDelete,
    }),
    [confirmDelete],
  );
  const columnDefs = useStaffColumnDefs(staff, teams, actions);
  const rows = useMemo(
    () => (hideInactive ? staff.filter((p) => p.status === 'active') : staff),
    [staff, hideInactive],
  );
  const activeCount = staff.filter((p) => p.status === 'active').length;

  // readOnlyEdit: the grid never changes its own data; the cell shows the new value only once saved.
  const onCellEditRequest = async (e: CellEditRequestEvent<StaffMember>) => {
    const field = e.column.getColId();
    const person = e.data;
    if (!person) return;
    if (field === 'status') {
      if (e.newValue !== person.status) setStatusRequest({ person, status: e.newValue as 'active' | 'inactive' });
      return;
    }
    if (!STAFF_FIELDS.includes(field as StaffField)) return;
    const f = field as StaffField;
    const value = cellValueToPatchValue(f, e.newValue);
    const old = cellValueToPatchValue(f, e.oldValue);
    if (value === old || ((value === '' || value == null) && (old === '' || old == null))) return;
    const issue = staffFieldIssue(f, value);
    if (issue) {
      message.error(issueMessage(f, issue));
      return;
    }
    try {
      await update.mutateAsync({ id: person.id, patch: { [f]: value } });
      message.success({ content: t('team.saved', { field: t(`fields.${f}`), name: person.name }), duration: 1.5 });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <div className="wb-grid-page">
      <div className="wb-toolbar">
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('team.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
            data-testid="staff-search"
          />
          <Space>
            <Switch checked={hideInactive} onChange={setHideInactive} data-testid="hide-inactive" />
            <Typography.Text>{t('team.hideInactive')}</Typography.Text>
          </Space>
        </Space>
        <Space>
          <Typography.Text type="secondary" data-testid="staff-count">
            {t('team.count', { total: formatNumber(staff.length, lang), active: formatNumber(activeCount, lang) })}
          </Typography.Text>
          <ExportButton
            fileName={t('exportButton.file.roster')}
            rows={api?.getDisplayedRowCount() ?? rows.length}
            disabled={!api || staff.length === 0}
            // The rows as displayed now: after the column filters, the sort and the quick search.
            build={(format) =>
              api
                ? {
                    op: 'export/rows',
                    input: displayedRowsExport(api as GridApi, t('exportButton.sheet.roster'), format),
                  }
                : null
            }
            testId="staff-export"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-staff">
            {t('team.add.button')}
          </Button>
        </Space>
      </div>
      <div className="wb-grid-box" data-testid="staff-grid">
        <DataGrid<StaffMember>
          rowData={rows}
          columnDefs={columnDefs}
          getRowId={rowId}
          quickFilterText={search}
          onGridReady={(e) => setApi(e.api)}
          readOnlyEdit
          onCellEditRequest={(e) => void onCellEditRequest(e)}
          rowClassRules={rowClassRules}
          stopEditingWhenCellsLoseFocus
          singleClickEdit={false}
          empty={
            staff.length === 0
              ? { title: t('team.empty.title'), text: t('team.empty.text') }
              : { title: t('team.empty.noMatch') }
          }
        />
      </div>
      <AddStaffModal
        open={adding}
        staff={staff}
        teams={teams}
        onClose={() => setAdding(false)}
        onCreated={(p) => message.success(t('team.add.done', { name: p.name }))}
      />
      <StatusDialog
        request={statusRequest}
        onClose={() => setStatusRequest(null)}
        onDone={(p) =>
          message.success(
            t(p.status === 'active' ? 'team.status.reactivated' : 'team.status.deactivated', { name: p.name }),
          )
        }
      />
      <HistoryDrawer person={historyOf} staff={staff} teams={teams} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
