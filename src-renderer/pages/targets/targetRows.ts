import type { MarketNote, TargetRowView, TargetsShow } from '../../../src-main/contract/targets';

/**
 * The grid's hierarchy rows (P2.2): company → teams → people, indented and expandable by the page's own
 * state (AG Grid Community has no tree data). Amounts are read from `targets/show`; nothing is summed
 * here, so what the grid shows is always what the database holds.
 */
import { PERIODS, type Period } from '../../../src-main/contract/targets';

export { PERIODS, type Period };

export interface TargetGridRow {
  key: string;
  scope: 'company' | 'team' | 'person';
  id: number;
  level: 0 | 1 | 2;
  name: string;
  employeeNo: string | null;
  teamName: string | null;
  hasChildren: boolean;
  expanded: boolean;
  /** Y, Q1–Q4, M1–M12 in yuan. */
  values: Record<Period, number>;
  locked: Set<string>;
  lastYearActual: number;
  /** annual ÷ last year − 1, null without last year. */
  growth: number | null;
  ytdActual: number;
  proposal: number | null;
  stretch: number | null;
  challenge: number | null;
  /** Notes attached to this row by period ('' = the row as a whole). */
  notes: Map<string, MarketNote[]>;
}

function values(v: TargetRowView): Record<Period, number> {
  const out = {} as Record<Period, number>;
  out.Y = v.annual;
  v.quarters.forEach((x, i) => (out[`Q${i + 1}` as Period] = x));
  v.months.forEach((x, i) => (out[`M${i + 1}` as Period] = x));
  return out;
}

function base(v: TargetRowView) {
  return {
    values: values(v),
    locked: new Set(v.lockedPeriods),
    lastYearActual: v.lastYearActual,
    growth: v.lastYearActual > 0 ? v.annual / v.lastYearActual - 1 : null,
    ytdActual: v.actualMonths.reduce((a, b) => a + b, 0),
  };
}

function notesOf(notes: MarketNote[], match: (n: MarketNote) => boolean): Map<string, MarketNote[]> {
  const out = new Map<string, MarketNote[]>();
  for (const n of notes) {
    if (!match(n)) continue;
    const k = n.period ?? '';
    out.set(k, [...(out.get(k) ?? []), n]);
  }
  return out;
}

/** The visible rows: the company, each team under it when it is expanded, each person under an expanded team. */
export function buildRows(
  show: TargetsShow,
  notes: MarketNote[],
  collapsed: ReadonlySet<string>,
  filter = '',
): TargetGridRow[] {
  const f = filter.trim().toLowerCase();
  const rows: TargetGridRow[] = [];
  const companyOpen = !collapsed.has('company');
  rows.push({
    key: 'company',
    scope: 'company',
    id: 0,
    level: 0,
    name: '',
    employeeNo: null,
    teamName: null,
    hasChildren: show.teams.length > 0,
    expanded: companyOpen,
    ...base(show.company),
    proposal: sum(show.people.map((p) => p.proposal)),
    stretch: sum(show.people.map((p) => p.stretch)),
    challenge: sum(show.people.map((p) => p.challenge)),
    notes: notesOf(notes, (n) => n.teamId === null && n.staffId === null),
  });
  if (!companyOpen) return rows;
  for (const t of show.teams) {
    const key = `team:${t.id}`;
    const people = show.people.filter(
      (p) => p.teamId === t.id && (!f || p.name.toLowerCase().includes(f) || p.employeeNo.toLowerCase().includes(f)),
    );
    if (f && people.length === 0 && !t.name.toLowerCase().includes(f)) continue;
    const open = !collapsed.has(key) || !!f;
    const all = show.people.filter((p) => p.teamId === t.id);
    rows.push({
      key,
      scope: 'team',
      id: t.id,
      level: 1,
      name: t.name,
      employeeNo: null,
      teamName: t.name,
      hasChildren: all.length > 0,
      expanded: open,
      ...base(t),
      proposal: sum(all.map((p) => p.proposal)),
      stretch: sum(all.map((p) => p.stretch)),
      challenge: sum(all.map((p) => p.challenge)),
      notes: notesOf(notes, (n) => n.teamId === t.id && n.staffId === null),
    });
    if (!open) continue;
    for (const p of people) {
      rows.push({
        key: `person:${p.id}`,
        scope: 'person',
        id: p.id,
        level: 2,
        name: p.name,
        employeeNo: p.employeeNo,
        teamName: t.name,
        hasChildren: false,
        expanded: false,
        ...base(p),
        proposal: p.proposal,
        stretch: p.stretch,
        challenge: p.challenge,
        notes: notesOf(notes, (n) => n.staffId === p.id),
      });
    }
  }
  return rows;
}

function sum(xs: (number | null)[]): number | null {
  const given = xs.filter((x): x is number => x !== null);
  return given.length ? given.reduce((a, b) => a + b, 0) : null;
}
