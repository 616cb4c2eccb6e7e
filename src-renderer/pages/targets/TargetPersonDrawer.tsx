import { Button, Descriptions, Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TrackingRow } from '../../../src-main/contract/targets';
import { useOp } from '../../backend/useOp';
import { formatMoney, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { TargetVsActualChart, type MonthFigures } from './TargetVsActualChart';

/** One salesperson's year against plan (P2.6 click-through): months, completion and gap, with a way to the roster. */
export function TargetPersonDrawer({
  year,
  person,
  onClose,
}: {
  year: number;
  person: TrackingRow | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const show = useOp('targets/show', { year }, { enabled: !!person });
  const tracking = useOp('targets/tracking', { year }, { enabled: !!person });
  const p = show.data?.people.find((x) => x.id === person?.id);
  const asOf = tracking.data?.asOfMonth ?? 12;
  let cumT = 0;
  let cumA = 0;
  const months: MonthFigures[] = p
    ? p.months.map((target, i) => {
        cumT += target;
        cumA += i < asOf ? p.actualMonths[i] : 0;
        return { month: i + 1, target, actual: p.actualMonths[i], cumulativeTarget: cumT, cumulativeActual: cumA };
      })
    : [];
  return (
    <Drawer
      open={!!person}
      onClose={onClose}
      title={person ? `${person.name} · ${person.employeeNo}` : ''}
      size={720}
      data-testid="person-drawer"
    >
      {!p || !person ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('targets.tracking.team')}>{person.team}</Descriptions.Item>
            <Descriptions.Item label={t('targets.grid.year')}>{formatMoney(p.annual, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('targets.tracking.qtdCompletion', { quarter: tracking.data?.quarter })}>
              {formatPercent(person.quarter.completion, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('targets.tracking.ytdCompletion')}>
              {formatPercent(person.ytd.completion, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('targets.tracking.ytdGap')}>
              {formatMoney(person.ytd.gap, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('targets.grid.stretch')}>
              {p.stretch == null ? '—' : formatMoney(p.stretch, lang)}
            </Descriptions.Item>
          </Descriptions>
          <TargetVsActualChart months={months} asOfMonth={asOf} height={300} />
          <Button onClick={() => navigate('/team')}>{t('targets.tracking.openRoster')}</Button>
        </>
      )}
    </Drawer>
  );
}
