import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { Candidate, Profile, ScreeningResult } from '../../contract/recruit';
import { audit } from '../audit';
import { nowIso, type ServiceContext, today } from '../context';
import { readFileIn } from '../files/read';
import { getPlan } from './plans';
import { screen } from './screening';

const SELECT = `
SELECT c.id, c.plan_id AS planId, p.title AS plan, c.name, c.phone, c.email, c.source AS channel, c.applied_date AS appliedDate,
       c.status, c.profile, c.screening, c.screen_decision AS screenDecision, c.screen_reason AS screenReason,
       c.offer_date AS offerDate, c.offer_response AS offerResponse, c.offer_reason AS offerReason,
       s.employee_no AS employeeNo, c.hired_date AS hiredDate, f.name AS resume, c.notes
FROM candidates c LEFT JOIN recruitment_plans p ON p.id = c.plan_id LEFT JOIN staff s ON s.id = c.staff_id
LEFT JOIN candidate_files f ON f.candidate_id = c.id`;

type Row = Omit<Candidate, 'profile' | 'screening' | 'duplicates'> & {
  profile: string | null;
  screening: string | null;
};
const parse = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);
const key = (s: string | null) => (s ? s.replace(/[\s()-]/g, '').toLowerCase() : null);

/** P5.2: candidates of one plan or all, each with the others sharing its phone or e-mail. */
export function listCandidates(db: Database, planId?: number): Candidate[] {
  const rows = (
    planId
      ? db.prepare(`${SELECT} WHERE c.plan_id = ? ORDER BY c.id`).all(planId)
      : db.prepare(`${SELECT} ORDER BY c.id`).all()
  ) as Row[];
  const all = planId
    ? (db.prepare('SELECT id, name, source AS channel, phone, email FROM candidates').all() as {
        id: number;
        name: string;
        channel: string | null;
        phone: string | null;
        email: string | null;
      }[])
    : rows;
  const byKey = new Map<string, { id: number; name: string; channel: string | null }[]>();
  for (const r of all) {
    for (const k of new Set([key(r.phone), key(r.email)])) {
      if (k === null) continue;
      const list = byKey.get(k) ?? [];
      list.push({ id: r.id, name: r.name, channel: r.channel });
      byKey.set(k, list);
    }
  }
  return rows.map((r) => {
    const dups = new Map<number, { id: number; name: string; channel: string | null }>();
    for (const k of [key(r.phone), key(r.email)])
      for (const d of (k && byKey.get(k)) || []) if (d.id !== r.id) dups.set(d.id, d);
    return {
      ...r,
      profile: parse<Profile>(r.profile, {}),
      screening: parse<ScreeningResult | null>(r.screening, null),
      duplicates: [...dups.values()],
    };
  });
}

export function getCandidate(db: Database, id: number): Candidate {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw new WorkbenchError('recruit/candidate-not-found', { id });
  return (
    listCandidates(db, row.planId ?? undefined).find((c) => c.id === id) ?? {
      ...row,
      profile: parse(row.profile, {}),
      screening: parse(row.screening, null),
      duplicates: [],
    }
  );
}

/** Enters or changes a candidate; the plan must exist and the application date cannot be in the future. */
export function saveCandidate(ctx: ServiceContext, input: ParsedInput<'recruit/candidate-save'>): Candidate {
  const { db } = ctx;
  return db.transaction(() => {
    getPlan(db, input.planId);
    if (input.appliedDate > today()) throw new WorkbenchError('recruit/applied-in-future', { date: input.appliedDate });
    let id = input.id;
    const values = [
      input.planId,
      input.name,
      input.phone ?? null,
      input.email ?? null,
      input.channel,
      input.appliedDate,
      JSON.stringify(input.profile),
      input.notes ?? null,
    ];
    if (id === undefined) {
      id = Number(
        db
          .prepare(
            "INSERT INTO candidates (plan_id, name, phone, email, source, applied_date, profile, notes, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new')",
          )
          .run(...values).lastInsertRowid,
      );
      audit(db, { actor: ctx.actor, entity: 'candidate', entityId: id, newValue: input, reason: 'created' });
    } else {
      const before = getCandidate(db, id);
      const first = db.prepare('SELECT min(date) FROM interviews WHERE candidate_id = ?').pluck().get(id) as
        string | null;
      if (first && first < input.appliedDate)
        throw new WorkbenchError('recruit/interview-before-applied', { date: first, applied: input.appliedDate });
      db.prepare(
        'UPDATE candidates SET plan_id = ?, name = ?, phone = ?, email = ?, source = ?, applied_date = ?, profile = ?, notes = ? WHERE id = ?',
      ).run(...values, id);
      audit(db, {
        actor: ctx.actor,
        entity: 'candidate',
        entityId: id,
        oldValue: before,
        newValue: input,
        reason: 'changed',
      });
    }
    return getCandidate(db, id);
  })();
}

/** Keeps the résumé file with the candidate, read through the one file reader. */
export function attachResume(ctx: ServiceContext, input: ParsedInput<'recruit/attach-resume'>): Candidate {
  const { name, bytes } = readFileIn(ctx.ws.dataDir, input.file);
  return ctx.db.transaction(() => {
    getCandidate(ctx.db, input.candidateId);
    ctx.db
      .prepare(
        'INSERT INTO candidate_files (candidate_id, name, bytes, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (candidate_id) DO UPDATE SET name = excluded.name, bytes = excluded.bytes, added_at = excluded.added_at',
      )
      .run(input.candidateId, name, Buffer.from(bytes), nowIso());
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'candidate',
      entityId: input.candidateId,
      field: 'resume',
      newValue: { name, bytes: bytes.length },
    });
    return getCandidate(ctx.db, input.candidateId);
  })();
}

/** P5.2: the candidate against the plan's criteria, as it would be recorded. */
export function screeningOf(db: Database, candidateId: number): ScreeningResult {
  const c = getCandidate(db, candidateId);
  return screen(getPlan(db, c.planId!).criteria, c.profile);
}

/** P5.2: records the screening (each criterion's verdict and the score) with the manager's decision; hold and reject need a reason. */
export function screenCandidate(ctx: ServiceContext, input: ParsedInput<'recruit/screen'>): Candidate {
  const { db } = ctx;
  return db.transaction(() => {
    const c = getCandidate(db, input.candidateId);
    if (c.status === 'hired') throw new WorkbenchError('recruit/already-hired', { name: c.name });
    if (input.decision !== 'pass' && !input.reason) throw new WorkbenchError('recruit/reason-required');
    const date = input.date ?? today();
    if (c.appliedDate && date < c.appliedDate)
      throw new WorkbenchError('recruit/screened-before-applied', { date, applied: c.appliedDate });
    const result = screeningOf(db, c.id);
    const status =
      input.decision === 'reject'
        ? 'rejected'
        : input.decision === 'pass'
          ? c.status === 'new' || c.status === 'rejected'
            ? 'screened'
            : c.status
          : 'new';
    db.prepare(
      'UPDATE candidates SET screening = ?, screen_score = ?, screen_decision = ?, screen_reason = ?, screened_date = ?, status = ? WHERE id = ?',
    ).run(JSON.stringify(result), result.score, input.decision, input.reason ?? null, date, status, c.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'candidate',
      entityId: c.id,
      field: 'screening',
      oldValue: c.screenDecision,
      newValue: { decision: input.decision, score: result.score },
      reason: input.reason ?? null,
    });
    return getCandidate(db, c.id);
  })();
}
