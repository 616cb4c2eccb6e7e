import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { OPEN_STAGES, type CoverageRow, type PipelineCoverage } from '../../contract/pipeline';
import { targetAndActualByPerson } from '../targets/actuals';
import { pipelineSettings } from './settings';

interface Acc {
  target: number;
  actual: number;
  weighted: number;
}

/**
 * P2.6 with P3.1: for a month, a quarter or the year, each salesperson's and team's target (the targets
 * service's month cells), actual orders, the remaining gap (target − actual, never below 0), the pipeline
 * weighted by stage probability among open opportunities expected to close in the period, and coverage =
 * weighted pipeline ÷ gap, warned below the company's threshold. Teams and the company add up their people.
 */
export function pipelineCoverage(
  db: Database,
  input: { year: number; quarter?: number; month?: number; teamId?: number },
): PipelineCoverage {
  const months = input.month
    ? [input.month]
    : input.quarter
      ? [1, 2, 3].map((i) => (input.quarter! - 1) * 3 + i)
      : Array.from({ length: 12 }, (_, i) => i + 1);
  const period = input.month ? `M${input.month}` : input.quarter ? `Q${input.quarter}` : 'Y';
  const from = dayjs(new Date(input.year, months[0] - 1, 1)).format('YYYY-MM-DD');
  const to = dayjs(new Date(input.year, months[months.length - 1] - 1, 1))
    .endOf('month')
    .format('YYYY-MM-DD');
  const settings = pipelineSettings(db);
  const people = new Map<
    number,
    Acc & { employeeNo: string; name: string; teamId: number | null; teamName: string | null }
  >();
  for (const r of targetAndActualByPerson(db, { year: input.year, months })) {
    people.set(r.staffId, {
      target: r.target,
      actual: r.actual,
      weighted: 0,
      employeeNo: r.employeeNo,
      name: r.name,
      teamId: r.teamId,
      teamName: r.teamName,
    });
  }
  const pipe = db
    .prepare(
      `SELECT o.staff_id AS id, o.stage, SUM(o.amount) AS amount, s.employee_no, s.name, s.team_id, t.name AS team_name
       FROM opportunities o JOIN staff s ON s.id = o.staff_id LEFT JOIN teams t ON t.id = s.team_id
       WHERE o.expected_date BETWEEN ? AND ? AND o.stage IN (SELECT value FROM json_each(?)) AND o.amount IS NOT NULL
       GROUP BY o.staff_id, o.stage`,
    )
    .all(from, to, JSON.stringify(OPEN_STAGES)) as {
    id: number;
    stage: keyof typeof settings.probabilities;
    amount: number;
    employee_no: string;
    name: string;
    team_id: number | null;
    team_name: string | null;
  }[];
  for (const p of pipe) {
    let acc = people.get(p.id);
    if (!acc)
      people.set(
        p.id,
        (acc = {
          target: 0,
          actual: 0,
          weighted: 0,
          employeeNo: p.employee_no,
          name: p.name,
          teamId: p.team_id,
          teamName: p.team_name,
        }),
      );
    acc.weighted += (p.amount * settings.probabilities[p.stage]) / 100;
  }
  const row = (
    scope: CoverageRow['scope'],
    id: number | null,
    employeeNo: string | null,
    name: string,
    teamName: string | null,
    a: Acc,
  ): CoverageRow => {
    const gap = Math.max(0, a.target - a.actual);
    const coverage = gap > 0 ? Math.round((a.weighted / gap) * 100) / 100 : null;
    return {
      scope,
      id,
      employeeNo,
      name,
      teamName,
      target: a.target / 100,
      actual: a.actual / 100,
      gap: gap / 100,
      weightedPipeline: Math.round(a.weighted) / 100,
      coverage,
      warning: coverage !== null && coverage < settings.coverageThreshold,
    };
  };
  const teams = new Map<number, Acc & { name: string }>();
  const company: Acc = { target: 0, actual: 0, weighted: 0 };
  const personRows: CoverageRow[] = [];
  for (const [id, p] of [...people].sort(([, a], [, b]) => a.employeeNo.localeCompare(b.employeeNo))) {
    if (input.teamId && p.teamId !== input.teamId) continue;
    if (p.target === 0 && p.actual === 0 && p.weighted === 0) continue;
    personRows.push(row('person', id, p.employeeNo, p.name, p.teamName, p));
    for (const acc of [
      p.teamId !== null
        ? (teams.get(p.teamId) ??
          (teams.set(p.teamId, { target: 0, actual: 0, weighted: 0, name: p.teamName ?? '' }), teams.get(p.teamId)!))
        : null,
      company,
    ]) {
      if (!acc) continue;
      acc.target += p.target;
      acc.actual += p.actual;
      acc.weighted += p.weighted;
    }
  }
  return {
    year: input.year,
    period,
    from,
    to,
    threshold: settings.coverageThreshold,
    people: personRows,
    teams: [...teams]
      .map(([id, t]) => row('team', id, null, t.name, t.name, t))
      .sort((a, b) => a.name.localeCompare(b.name)),
    company: row('company', null, null, '', null, company),
  };
}
