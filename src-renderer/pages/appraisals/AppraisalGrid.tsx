import type { CellEditRequestEvent, GetRowIdParams, RowDoubleClickedEvent } from 'ag-grid-community';
import { App, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalPerson, AppraisalShow } from '../../../src-main/contract/appraisal';
import type { SchemeDefinition } from '../../../src-main/contract/appraisal-scheme';
import { useOpMutation } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { useAppraisalColumnDefs } from './useAppraisalColumnDefs';
import { errorMessage } from '../../backend/ApiError';

interface Props {
  show: AppraisalShow;
  def: SchemeDefinition;
  editable: boolean;
  onOpen: (p: AppraisalPerson) => void;
}

const rowId = (p: GetRowIdParams<AppraisalPerson>) => p.data.employeeNo;

/**
 * The appraisal grid (P6.1): people × KPIs, sorted by team with a team filter (AG Grid Community has
 * no row grouping). Rated KPIs are typed in place from the rubric's levels; a click opens the person.
 */
export function AppraisalGrid({ show, def, editable, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rate = useOpMutation('appraisal/rate');
  const [team, setTeam] = useState<string | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const columnDefs = useAppraisalColumnDefs(show, def, editable);
  const teams = useMemo(() => [...new Set(show.people.map((p) => p.team ?? ''))].sort(), [show.people]);
  const rows = useMemo(
    () =>
      show.people.filter((p) => (team === null || (p.team ?? '') === team) && (grade === null || p.grade === grade)),
    [show.people, team, grade],
  );

  const onCellEditRequest = async (e: CellEditRequestEvent<AppraisalPerson>) => {
    const kpi = e.column.getColId().replace(/^v:/, '');
    if (!e.data || e.newValue == null || e.newValue === '') return;
    try {
      await rate.mutateAsync({ quarter: show.quarter, person: e.data.employeeNo, kpi, score: Number(e.newValue) });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <div className="wb-appraisal-grid">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('appraisal.ui.allTeams')}
          value={team}
          onChange={(v) => setTeam(v ?? null)}
          options={teams.map((x) => ({ value: x, label: x || t('appraisal.noTeam') }))}
          aria-label={t('appraisal.ui.team')}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('appraisal.ui.allGrades')}
          value={grade}
          onChange={(v) => setGrade(v ?? null)}
          options={show.scheme.grades.map((g) => ({ value: g.grade, label: g.grade }))}
          aria-label={t('appraisal.report.grade')}
        />
        <Typography.Text type="secondary">
          {t('appraisal.ui.gridHint', { people: rows.length, missing: show.summary.missingRatings })}
        </Typography.Text>
      </Space>
      <DataGrid<AppraisalPerson>
        height="100%"
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={rowId}
        readOnlyEdit
        // a few dozen columns: all rendered, so a rating cell is always there to click
        suppressColumnVirtualisation
        singleClickEdit
        onCellEditRequest={(e) => void onCellEditRequest(e)}
        onCellClicked={(e) => {
          if (e.column.getColId() === 'name' && e.data) onOpen(e.data);
        }}
        onRowDoubleClicked={(e: RowDoubleClickedEvent<AppraisalPerson>) => {
          if (e.data) onOpen(e.data);
        }}
        tooltipShowDelay={300}
      />
    </div>
  );
}
