import { LockFilled, UnlockOutlined } from '@ant-design/icons';
import { Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../backend/useOp';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import type { FocusedTargetCell } from './TargetGrid';

/** A grid period as people say it: "2026", "2026 Q3", "Mar 2026" / "2026年3月". */
function periodText(year: number, period: string, lang: string): string {
  if (period.startsWith('M'))
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, Number(period.slice(1)) - 1, 1)),
    );
  return period === 'Y' ? String(year) : `${year} ${period}`;
}

/** The audit trail of one target cell (P2.6 item 6): every change of its amount or lock, who, when and why. */
export function CellHistoryDrawer({
  year,
  cell,
  onClose,
}: {
  year: number;
  cell: FocusedTargetCell | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const period = cell?.period ?? 'Y';
  const history = useOp(
    'targets/cell-history',
    { year, scope: cell?.row.scope ?? 'company', id: cell?.row.id ?? 0, period },
    { enabled: !!cell, staleTime: 0 },
  );
  const who = cell ? (cell.row.scope === 'company' ? t('targets.scope.company') : cell.row.name) : '';
  const amount = (v: number | null) => (v == null ? t('targets.history.none') : formatNumber(v, lang));

  const body = (
    <HistoryTimeline
      history={history}
      ready={!!cell}
      emptyText={t('targets.history.empty')}
      entryTestId="cell-history-entry"
      renderEntry={(e) => (
        <>
          <div>
            <Typography.Text strong>
              {t(`targets.action.${e.action.replace(':', '-')}`, { defaultValue: e.action })}
            </Typography.Text>
            {e.oldAmount !== e.newAmount && (
              <>
                {lang === 'zh-CN' ? '：' : ': '}
                <Typography.Text delete type="secondary">
                  {amount(e.oldAmount)}
                </Typography.Text>
                {' → '}
                <Typography.Text>{amount(e.newAmount)}</Typography.Text>
              </>
            )}
            {e.oldLocked !== e.newLocked && e.newLocked !== null && (
              <span className="wb-target-history-lock"> {e.newLocked ? <LockFilled /> : <UnlockOutlined />}</span>
            )}
          </div>
          {e.reason && (
            <Typography.Text type="secondary">{t('targets.history.reason', { reason: e.reason })}</Typography.Text>
          )}
        </>
      )}
    />
  );
  return (
    <Drawer
      open={!!cell}
      onClose={onClose}
      title={t('targets.history.title', { who, period: periodText(year, period, lang) })}
      size={420}
    >
      {body}
    </Drawer>
  );
}
