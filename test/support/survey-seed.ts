import type { Database } from 'better-sqlite3';

/**
 * Writes a small company and survey straight into SQLite (no services), so that survey statistics can
 * be checked against numbers worked out independently of the code under test.
 */
export interface SeedPerson {
  no: string;
  name: string;
  team: string;
}
export interface SeedQuestion {
  code: string;
  text: string;
  type: 'likert5' | 'nps' | 'ces7' | 'choice' | 'multi' | 'text' | 'salesperson' | 'meta';
  options?: unknown;
}
export interface SeedResponse {
  person?: string | null;
  customer?: string | null;
  submitted?: string | null;
  /** question code → number or text */
  answers: Record<string, number | string | null | undefined>;
}

export function seedPeople(
  db: Database,
  people: SeedPerson[],
  customers: { code: string; name: string; owner?: string; segment?: string; province?: string }[] = [],
): void {
  const at = '2026-01-01T00:00:00Z';
  const teamId = new Map<string, number>();
  for (const p of people) {
    if (!teamId.has(p.team)) {
      const existing = db.prepare('SELECT id FROM teams WHERE name = ?').get(p.team) as { id: number } | undefined;
      teamId.set(
        p.team,
        existing?.id ??
          Number(
            db
              .prepare('INSERT INTO teams (name, region, created_at) VALUES (?, ?, ?)')
              .run(p.team, `${p.team}-region`, at).lastInsertRowid,
          ),
      );
    }
    db.prepare(
      'INSERT INTO staff (employee_no, name, team_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(p.no, p.name, teamId.get(p.team)!, 'active', at, at);
  }
  for (const c of customers) {
    const owner = c.owner
      ? (db.prepare('SELECT id FROM staff WHERE employee_no = ?').get(c.owner) as { id: number }).id
      : null;
    db.prepare(
      'INSERT INTO customers (code, name, owner_id, segment, province, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(c.code, c.name, owner, c.segment ?? null, c.province ?? null, at);
  }
}

/** Inserts one survey with its questions and responses; returns the survey id and question ids by code. */
export function seedSurvey(
  db: Database,
  s: { name: string; start?: string; end?: string; previous?: number | null; status?: string },
  questions: SeedQuestion[],
  responses: SeedResponse[],
): { surveyId: number; q: Record<string, number>; responseIds: number[] } {
  const surveyId = Number(
    db
      .prepare(
        "INSERT INTO surveys (name, method, start_date, end_date, status, previous_wave_id, created_at) VALUES (?, 'questionnaire', ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
      )
      .run(s.name, s.start ?? null, s.end ?? null, s.status ?? 'closed', s.previous ?? null).lastInsertRowid,
  );
  const q: Record<string, number> = {};
  questions.forEach((x, i) => {
    q[x.code] = Number(
      db
        .prepare(
          'INSERT INTO survey_questions (survey_id, position, code, text, type, options) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(surveyId, i + 1, x.code, x.text, x.type, x.options === undefined ? null : JSON.stringify(x.options))
        .lastInsertRowid,
    );
  });
  const staffId = db.prepare('SELECT id FROM staff WHERE employee_no = ?');
  const customerId = db.prepare('SELECT id FROM customers WHERE code = ?');
  const insR = db.prepare(
    'INSERT INTO survey_responses (survey_id, respondent_key, customer_id, salesperson_id, submitted_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insA = db.prepare(
    'INSERT INTO survey_answers (response_id, question_id, value_num, value_text) VALUES (?, ?, ?, ?)',
  );
  const responseIds: number[] = [];
  responses.forEach((r, i) => {
    const sp = r.person ? (staffId.get(r.person) as { id: number }).id : null;
    const cu = r.customer ? (customerId.get(r.customer) as { id: number }).id : null;
    const rid = Number(insR.run(surveyId, `S${surveyId}-R${i + 1}`, cu, sp, r.submitted ?? null).lastInsertRowid);
    responseIds.push(rid);
    for (const [code, v] of Object.entries(r.answers)) {
      if (v === undefined || v === null) continue;
      insA.run(rid, q[code], typeof v === 'number' ? v : null, typeof v === 'string' ? v : null);
    }
  });
  return { surveyId, q, responseIds };
}
