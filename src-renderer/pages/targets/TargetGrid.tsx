import type { CellFocusedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { App } from 'antd';
import { useCallback, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketNote, TargetsShow } from '../../../src-main/contract/targets';
import { errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';
import { DataGrid } from '../../components/DataGrid';
import { parseClipboardBlock, placeBlock } from './pasteBlock';
import { PendingEditModal, type PendingEdit } from './PendingEditModal';
import { buildRows, PERIODS, type Period, type TargetGridRow } from './targetRows';
import { useTargetColumnDefs } from './useTargetColumnDefs';

export interface FocusedTargetCell {
  row: TargetGridRow;
  period: Period | null;
}

interface Props {
  year: number;
  metric: 'sales' | 'profit';
  show: TargetsShow;
  notes: MarketNote[];
  canEdit: boolean;
  /** The plan is approved: an edit without a reason is held and the reason asked for in place. */
  approved: boolean;
  reason: string;
  onReason: (reason: string) => void;
  filter: string;
  onFocus: (cell: FocusedTargetCell | null) => void;
  onNotes: (row: TargetGridRow, period: string) => void;
}

const refOf = (row: TargetGridRow) =>
  row.scope === 'team' ? { teamId: row.id } : row.scope === 'person' ? { staffId: row.id } : {};

/**
 * The target grid (P2.2): one AG Grid of hierarchy rows. Typing into a parent re-spreads it over its
 * unlocked children and typing into a child updates the sums above: both are done by the service, and
 * the grid shows what it answers, so totals that do not reconcile cannot appear. Pasting a block copied
 * from Excel sends all its cells in one call; Ctrl+Z undoes the last change.
 */
export function TargetGrid({
  year,
  metric,
  show,
  notes,
  canEdit,
  approved,
  reason,
  onReason,
  filter,
  onFocus,
  onNotes,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useRef<GridApi<TargetGridRow> | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => buildRows(show, notes, collapsed, filter), [show, notes, collapsed, filter]);
  const setCell = useOpMutation('targets/set');
  const lock = useOpMutation('targets/lock');
  const paste = useOpMutation('targets/paste');
  const undo = useOpMutation('targets/undo');
  const why = reason.trim() || undefined;
  const [pending, setHeld] = useState<PendingEdit | null>(null);
  // Opened after the key that committed the edit is done: an Enter whose keypress reached the dialog's
  // first button would "click" it and close the dialog at once.
  const setPending = useCallback((p: PendingEdit) => void setTimeout(() => setHeld(p), 0), []);
  const needReason = approved && !why;
  const cellName = useCallback(
    (row: TargetGridRow, period: string) =>
      `${row.scope === 'company' ? t('targets.scope.company') : row.name} · ${period}`,
    [t],
  );

  const fail = useCallback((e: unknown) => void message.error(errorMessage(e)), [message]);
  // Issue 12 items 4–5: an edit that needs a reason, or that overwrites a locked cell, waits for the answer instead of being lost.
  const onEdit = useCallback(
    (row: TargetGridRow, period: Period, text: string) => {
      const run = (r: string | undefined) =>
        setCell.mutate({ year, metric, ...refOf(row), period, amount: text, reason: r }, { onError: fail });
      const locked = row.locked.has(period);
      if (!locked && !needReason) run(why);
      else setPending({ cell: cellName(row, period), value: text, locked, needReason, run: (r) => run(r ?? why) });
    },
    [setCell, year, metric, why, fail, needReason, cellName, setPending],
  );
  const onEditTier = useCallback(
    (row: TargetGridRow, tier: 'proposal' | 'stretch' | 'challenge', text: string) => {
      const run = (r: string | undefined) =>
        setCell.mutate({ year, staffId: row.id, metric: tier, amount: text, reason: r }, { onError: fail });
      if (needReason && tier !== 'proposal')
        setPending({ cell: cellName(row, t(`targets.grid.${tier}`)), value: text, locked: false, needReason, run });
      else run(why);
    },
    [setCell, year, why, fail, needReason, cellName, t, setPending],
  );
  const onLock = useCallback(
    (row: TargetGridRow, period: Period, locked: boolean) => {
      const run = (r: string | undefined) =>
        lock.mutate({ year, metric, ...refOf(row), period, locked, reason: r }, { onError: fail });
      if (needReason) setPending({ cell: cellName(row, period), value: null, locked: false, needReason, run });
      else run(why);
    },
    [lock, year, metric, why, fail, needReason, cellName, setPending],
  );
  const onToggle = useCallback(
    (key: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const columnDefs = useTargetColumnDefs({ canEdit, onEdit, onLock, onToggle, onNotes, onEditTier });

  const handlePaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const grid = api.current;
    if (!grid || !canEdit || grid.getEditingCells().length > 0) return;
    const focused = grid.getFocusedCell();
    const col = focused?.column.getColId();
    if (!focused || !col || !PERIODS.includes(col as Period)) return;
    e.preventDefault();
    const block = parseClipboardBlock(e.clipboardData.getData('text/plain'));
    const shown = grid
      .getAllDisplayedColumns()
      .map((c) => c.getColId())
      .filter((c) => PERIODS.includes(c as Period));
    const visible: TargetGridRow[] = [];
    grid.forEachNodeAfterFilterAndSort((n) => n.data && visible.push(n.data));
    const cells = placeBlock(block, visible, focused.rowIndex, shown, shown.indexOf(col)).map((c) => ({
      scope: c.row.scope,
      id: c.row.id,
      period: c.period,
      amount: c.text,
    }));
    if (cells.length === 0) return;
    const run = (r: string | undefined) =>
      paste.mutate(
        { year, metric, cells, reason: r },
        { onError: fail, onSuccess: () => void message.success(t('targets.grid.pasted', { count: cells.length })) },
      );
    if (needReason)
      setPending({
        cell: t('targets.grid.pasted', { count: cells.length }),
        value: null,
        locked: false,
        needReason,
        run,
      });
    else run(why);
  };

  const handleKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (
      (e.ctrlKey || e.metaKey) &&
      e.key.toLowerCase() === 'z' &&
      api.current?.getEditingCells().length === 0 &&
      canEdit
    ) {
      e.preventDefault();
      undo.mutate(
        { year, metric, reason: why },
        {
          onError: fail,
          onSuccess: (r) =>
            void message.info(
              r.undone
                ? t('targets.grid.undone', { action: t(`targets.action.${r.undone}`, { defaultValue: r.undone }) })
                : t('targets.grid.nothingToUndo'),
            ),
        },
      );
    }
  };

  const handleFocus = (e: CellFocusedEvent<TargetGridRow>) => {
    const row = e.rowIndex == null ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
    const col = typeof e.column === 'object' && e.column ? e.column.getColId() : null;
    onFocus(row ? { row, period: col && PERIODS.includes(col as Period) ? (col as Period) : null } : null);
  };

  return (
    <div className="wb-target-grid" onPaste={handlePaste} onKeyDown={handleKey} data-testid="target-grid">
      <DataGrid<TargetGridRow>
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={(p) => p.data.key}
        onGridReady={(e: GridReadyEvent<TargetGridRow>) => (api.current = e.api)}
        onCellFocused={handleFocus}
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        suppressColumnVirtualisation={false}
        getRowClass={(p) => (p.data ? `wb-target-level-${p.data.level}` : '')}
        defaultColDef={{ suppressHeaderMenuButton: true, minWidth: 70 }}
        enableCellTextSelection={false}
      />
      <PendingEditModal pending={pending} onClose={() => setHeld(null)} onReason={onReason} />
    </div>
  );
}
