import type { Database } from 'better-sqlite3';

/** A small company written straight into the database for target tests: teams of the given sizes. */
export function seedOrg(db: Database, sizes: number[], opts: { hireDates?: (string | null)[] } = {}) {
  const at = '2025-01-01T00:00:00Z';
  const teams: number[] = [];
  const people: { id: number; employeeNo: string; teamId: number }[] = [];
  let k = 0;
  sizes.forEach((n, t) => {
    const teamId = Number(
      db.prepare('INSERT INTO teams (name, created_at) VALUES (?, ?)').run(`Team ${t + 1}`, at).lastInsertRowid,
    );
    teams.push(teamId);
    for (let i = 0; i < n; i++) {
      const employeeNo = `E${String(++k).padStart(3, '0')}`;
      const hire = opts.hireDates?.[k - 1] ?? null;
      const id = Number(
        db
          .prepare(
            "INSERT INTO staff (employee_no, name, team_id, status, hire_date, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?, ?)",
          )
          .run(employeeNo, `Person ${k}`, teamId, hire, at, at).lastInsertRowid,
      );
      people.push({ id, employeeNo, teamId });
    }
  });
  return { teams, people };
}

/** Orders worth `yuan` for a person on a date. */
export function addOrder(db: Database, staffId: number | null, date: string, yuan: number, profitYuan = 0): void {
  const n = (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  db.prepare('INSERT INTO orders (order_no, date, salesperson_id, amount, profit) VALUES (?, ?, ?, ?, ?)').run(
    `O${n + 1}`,
    date,
    staffId,
    yuan * 100,
    profitYuan * 100,
  );
}

/** Every target cell of a year and metric, as `scope:id:period` → yuan, read straight from the table. */
export function readCells(
  db: Database,
  year: number,
  metric = 'sales',
): Map<string, { amount: number; locked: boolean }> {
  const rows = db
    .prepare('SELECT scope, scope_id AS id, period, amount, locked FROM target_cells WHERE year = ? AND metric = ?')
    .all(year, metric) as {
    scope: string;
    id: number;
    period: string;
    amount: number;
    locked: number;
  }[];
  return new Map(
    rows.map((r) => [`${r.scope}:${r.id}:${r.period}`, { amount: r.amount / 100, locked: r.locked === 1 }]),
  );
}

const PERIODS = ['Y', 'Q1', 'Q2', 'Q3', 'Q4', ...Array.from({ length: 12 }, (_, i) => `M${i + 1}`)];

/**
 * Checks, independently of the service's code, that a plan reconciles (P2.2): whole non-negative yuan,
 * months add up to quarters and quarters to the year, people to their team and teams to the company, in
 * every period. Returns the problems found (empty when it reconciles).
 */
export function reconcileProblems(db: Database, year: number, metric = 'sales'): string[] {
  const cells = readCells(db, year, metric);
  const v = (k: string) => cells.get(k)?.amount ?? 0;
  const problems: string[] = [];
  for (const [k, c] of cells) if (c.amount < 0 || !Number.isInteger(c.amount)) problems.push(`${k} = ${c.amount}`);
  const people = db.prepare('SELECT id, team_id AS teamId FROM staff WHERE team_id IS NOT NULL').all() as {
    id: number;
    teamId: number;
  }[];
  const teams = db.prepare('SELECT id FROM teams').all() as { id: number }[];
  const rows: string[] = ['company:0', ...teams.map((t) => `team:${t.id}`), ...people.map((p) => `person:${p.id}`)];
  for (const r of rows) {
    for (let q = 1; q <= 4; q++) {
      const sum = v(`${r}:M${3 * q - 2}`) + v(`${r}:M${3 * q - 1}`) + v(`${r}:M${3 * q}`);
      if (sum !== v(`${r}:Q${q}`)) problems.push(`${r} Q${q} ${v(`${r}:Q${q}`)} ≠ months ${sum}`);
    }
    const qs = v(`${r}:Q1`) + v(`${r}:Q2`) + v(`${r}:Q3`) + v(`${r}:Q4`);
    if (qs !== v(`${r}:Y`)) problems.push(`${r} Y ${v(`${r}:Y`)} ≠ quarters ${qs}`);
  }
  for (const p of PERIODS) {
    let companySum = 0;
    for (const t of teams) {
      const members = people.filter((x) => x.teamId === t.id);
      if (!members.length) continue;
      const sum = members.reduce((s, x) => s + v(`person:${x.id}:${p}`), 0);
      if (sum !== v(`team:${t.id}:${p}`)) problems.push(`team ${t.id} ${p} ${v(`team:${t.id}:${p}`)} ≠ people ${sum}`);
      companySum += v(`team:${t.id}:${p}`);
    }
    if (companySum !== v(`company:0:${p}`)) problems.push(`company ${p} ${v(`company:0:${p}`)} ≠ teams ${companySum}`);
  }
  return problems;
}
