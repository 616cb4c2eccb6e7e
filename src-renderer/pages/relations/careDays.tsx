import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { CARE_SENT_WINDOW_DAYS, type CareEvent } from '../../../src-main/contract/care';
import { useOp } from '../../backend/useOp';

/**
 * The care calendar's days (China's holidays and 调休 working days, the lunar festivals, and — for one
 * customer — its contacts' birthdays and anniversaries), as the server's calendar module computes them,
 * for marking the days of a date picker. Nothing here converts lunar dates itself.
 */
export type DayLabels = Map<string, CareEvent[]>;

/** The calendar of the years a picker shows; customerId adds that customer's own occasions. */
export function useCareDayLabels(years: number[], customerId?: number, enabled = true): DayLabels {
  const scope = customerId === undefined ? { companyOnly: true } : { customerId };
  const [y1, y2] = [years[0], years[1] ?? years[0]];
  const first = useOp('care/calendar', { year: y1, ...scope }, { enabled });
  const second = useOp('care/calendar', { year: y2, ...scope }, { enabled: enabled && y2 !== y1 });
  const labels: DayLabels = new Map();
  for (const cal of [first.data, y2 !== y1 ? second.data : undefined])
    for (const e of cal?.events ?? []) {
      const list = labels.get(e.date) ?? [];
      list.push(e);
      labels.set(e.date, list);
    }
  return labels;
}

/** A picker cell with the day's occasions under its number (a festival in red, 调休 working days in grey). */
export function careCellRender(labels: DayLabels) {
  return (current: Dayjs | number | string, info: { originNode: ReactNode; type: string }): ReactNode => {
    if (info.type !== 'date' || typeof current !== 'object') return info.originNode;
    const day = current.format('YYYY-MM-DD');
    const events = labels.get(day);
    if (!events?.length) return info.originNode;
    const workday = events.every((e) => e.occasionKey === 'adjusted-workday');
    const names = events.map((e) => (e.contact ? `${e.contact} · ${e.occasion}` : e.occasion));
    return (
      <div title={names.join('\n')} data-testid={`care-day-${day}`}>
        {info.originNode}
        <div style={{ fontSize: 9, lineHeight: '10px', color: workday ? '#8c8c8c' : '#cf1322' }}>
          {shortName(events[0])}
        </div>
      </div>
    );
  };
}

/** A cell has room for a few characters: 春节, 中秋节, 生日, 班 (an adjusted working day). */
function shortName(e: CareEvent): string {
  if (e.occasionKey === 'adjusted-workday') return '班';
  const text = e.occasion.replace(/（.*$|\(.*$/, '').trim();
  return text.length > 4 ? `${text.slice(0, 4)}…` : text;
}

/** The days on which a greeting for an occasion on `occasionDate` counts as sent: up to today, never after. */
export function sentWindow(occasionDate: Dayjs, today: Dayjs): { from: Dayjs; to: Dayjs } | null {
  const from = occasionDate.subtract(CARE_SENT_WINDOW_DAYS, 'day').startOf('day');
  const latest = occasionDate.add(CARE_SENT_WINDOW_DAYS, 'day').startOf('day');
  const to = today.startOf('day').isBefore(latest) ? today.startOf('day') : latest;
  return from.isAfter(to) ? null : { from, to };
}
