import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import type { CompletenessReport } from '../../contract/customers';
import { cmp, readRules } from './rules';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from './summary';
import { today } from '../context';

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : 0);

/**
 * P4.1 completeness: each score is the mean of its customers' shares of filled-in fields (those that matter
 * for each customer's grade); the worklist lists each incomplete customer with what is missing, A first.
 * Lost customers are left out: nobody is asked to complete a record they no longer work.
 */
export function completenessReport(
  db: Database,
  input: ParsedInput<'customers/completeness'>,
  asOf = today(),
): CompletenessReport {
  const rules = readRules(db);
  const where: string[] = ["c.stage <> 'lost'"];
  const params: Record<string, unknown> = { asOf };
  if (input.person) {
    where.push('s.employee_no = @person');
    params.person = input.person;
  }
  if (input.team) {
    where.push('s.team_id = @team');
    params.team = input.team;
  }
  const rows = db.prepare(`${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.id`).all(params) as SummaryRow[];
  const teams = new Map(
    (db.prepare('SELECT id, name FROM teams').all() as { id: number; name: string }[]).map((t) => [t.id, t.name]),
  );
  const byTeam = new Map<number | null, number[]>();
  const byPerson = new Map<string, { name: string; team: string | null; scores: number[]; incomplete: number }>();
  const worklist: CompletenessReport['worklist'] = [];
  const all: number[] = [];
  for (const r of rows) {
    const s = toSummary(r, rules, asOf);
    all.push(s.completeness);
    (byTeam.get(r.teamId) ?? byTeam.set(r.teamId, []).get(r.teamId)!).push(s.completeness);
    if (r.ownerNo) {
      const p =
        byPerson.get(r.ownerNo) ??
        byPerson
          .set(r.ownerNo, {
            name: r.ownerName ?? '',
            team: r.teamId ? (teams.get(r.teamId) ?? null) : null,
            scores: [],
            incomplete: 0,
          })
          .get(r.ownerNo)!;
      p.scores.push(s.completeness);
      if (s.missing.length) p.incomplete++;
    }
    if (s.missing.length)
      worklist.push({
        customerId: s.id,
        code: s.code,
        name: s.name,
        grade: s.grade,
        ownerNo: s.ownerNo,
        ownerName: s.ownerName,
        missing: s.missing,
      });
  }
  worklist.sort(
    (a, b) => cmp(a.grade ?? 'D', b.grade ?? 'D') || b.missing.length - a.missing.length || a.customerId - b.customerId,
  );
  return {
    company: mean(all),
    teams: [...byTeam].map(([id, scores]) => ({
      id,
      name: id ? (teams.get(id) ?? '') : '',
      score: mean(scores),
      customers: scores.length,
    })),
    people: [...byPerson]
      .map(([employeeNo, p]) => ({
        employeeNo,
        name: p.name,
        team: p.team,
        score: mean(p.scores),
        customers: p.scores.length,
        incomplete: p.incomplete,
      }))
      .sort((a, b) => a.score - b.score || cmp(a.employeeNo, b.employeeNo)),
    worklist,
  };
}
