import { CaretDownOutlined, CaretRightOutlined, LockFilled, UnlockOutlined } from '@ant-design/icons';
import type { ICellRendererParams } from 'ag-grid-community';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import type { Period, TargetGridRow } from './targetRows';

/** Cells of the target grid: the indented name with its expand caret, and an amount with its lock and note marker. */

export interface NameCellParams {
  onToggle: (key: string) => void;
  onNotes: (row: TargetGridRow, period: string) => void;
}

export function NameCell(p: ICellRendererParams<TargetGridRow> & NameCellParams) {
  const { t } = useTranslation();
  const row = p.data;
  if (!row) return null;
  const label =
    row.scope === 'company'
      ? t('targets.scope.company')
      : row.scope === 'person'
        ? `${row.name} · ${row.employeeNo}`
        : row.name;
  const notes = row.notes.get('');
  return (
    <span className="wb-target-name" style={{ paddingLeft: row.level * 18 }} data-testid={`target-row-${row.key}`}>
      {row.hasChildren ? (
        <button
          type="button"
          className="wb-target-caret"
          aria-label={t(row.expanded ? 'targets.grid.collapse' : 'targets.grid.expand')}
          aria-expanded={row.expanded}
          onClick={(e) => {
            e.stopPropagation();
            p.onToggle(row.key);
          }}
        >
          {row.expanded ? <CaretDownOutlined /> : <CaretRightOutlined />}
        </button>
      ) : (
        <span className="wb-target-caret-space" />
      )}
      <span className={row.level < 2 ? 'wb-target-name-strong' : undefined}>{label}</span>
      {notes && (
        <Tooltip title={notes.map((n) => n.title).join(' · ')}>
          <button
            type="button"
            className="wb-target-note-marker"
            aria-label={t('targets.notes.marker')}
            onClick={() => p.onNotes(row, '')}
          />
        </Tooltip>
      )}
    </span>
  );
}

export interface AmountCellParams {
  period: Period;
  canEdit: boolean;
  onLock: (row: TargetGridRow, period: Period, locked: boolean) => void;
  onNotes: (row: TargetGridRow, period: string) => void;
}

export function AmountCell(p: ICellRendererParams<TargetGridRow> & AmountCellParams) {
  const { t } = useTranslation();
  const lang = useLang();
  const row = p.data;
  if (!row) return null;
  const locked = row.locked.has(p.period);
  const notes = row.notes.get(p.period);
  return (
    <span className="wb-target-amount">
      {notes && (
        <Tooltip title={notes.map((n) => `${t(`targets.notes.kind.${n.kind}`)}: ${n.title}`).join('\n')}>
          <button
            type="button"
            className="wb-target-note-marker"
            aria-label={t('targets.notes.marker')}
            onClick={() => p.onNotes(row, p.period)}
          />
        </Tooltip>
      )}
      <span className="wb-target-amount-value" title={locked ? t('targets.pending.lockedHint') : undefined}>
        {formatNumber(row.values[p.period], lang)}
      </span>
      <button
        type="button"
        className={locked ? 'wb-target-lock wb-target-lock-on' : 'wb-target-lock'}
        disabled={!p.canEdit}
        aria-label={t(locked ? 'targets.grid.unlock' : 'targets.grid.lock')}
        aria-pressed={locked}
        data-testid={`lock-${row.key}-${p.period}`}
        onClick={(e) => {
          e.stopPropagation();
          p.onLock(row, p.period, !locked);
        }}
      >
        {locked ? <LockFilled /> : <UnlockOutlined />}
      </button>
    </span>
  );
}
