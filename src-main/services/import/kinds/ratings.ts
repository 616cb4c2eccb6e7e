import { QUARTER_RE, type SchemeDefinition } from '../../../contract/appraisal-scheme';
import { audit } from '../../audit';
import { nowIso } from '../../context';
import { rescore } from '../../appraisal/compute';
import { findAppraisal, SCORING_OPEN, type AppraisalRow } from '../../appraisal/appraisal-store';
import { ratingTarget } from '../../appraisal/ratings';
import { schemeById } from '../../appraisal/scheme';
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { allStaff } from '../../../db/access/staff';

/**
 * The manager's ratings of the rated KPIs (P6.1 attitude, ability, teamwork) from Excel, one row per
 * person and KPI: quarter, employee number (or a unique name), KPI (key or label in either language),
 * level of the rubric, note. Rows are checked against the quarter's appraisal and its rubric; a locked
 * appraisal refuses the whole import (P6.4).
 */
const L = (k: string) => `appraisal.import.fields.${k}`;

interface QuarterState {
  appraisal: AppraisalRow | undefined;
  def: SchemeDefinition | null;
  inAppraisal: Set<number>;
}

interface RatingsState {
  byNo: Map<string, { id: number; no: string }>;
  byName: Map<string, { id: number; no: string }[]>;
  quarters: Map<string, QuarterState>;
}

/** '2026Q3', '2026 Q3', 'Q3 2026', '2026年第3季度', '2026-Q3' → '2026Q3'. */
export function normalizeQuarter(raw: string): string | null {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (QUARTER_RE.test(s)) return s;
  const yq = /^(\d{4})[-/_.]?Q([1-4])$/.exec(s);
  if (yq) return `${yq[1]}Q${yq[2]}`;
  const qy = /^Q([1-4])[-/_.]?(\d{4})$/.exec(s);
  if (qy) return `${qy[2]}Q${qy[1]}`;
  const zh = /^(\d{4})年?第?([1-4一二三四])季度?$/.exec(s);
  if (zh) return `${zh[1]}Q${'一二三四'.includes(zh[2]) ? '一二三四'.indexOf(zh[2]) + 1 : zh[2]}`;
  return null;
}

function quarterState(state: RatingsState, db: import('better-sqlite3').Database, quarter: string): QuarterState {
  let q = state.quarters.get(quarter);
  if (!q) {
    const appraisal = findAppraisal(db, quarter);
    const inAppraisal = new Set(
      appraisal
        ? (
            db.prepare('SELECT staff_id AS s FROM review_entries WHERE review_id = ?').all(appraisal.id) as {
              s: number;
            }[]
          ).map((r) => r.s)
        : [],
    );
    q = { appraisal, def: appraisal ? schemeById(db, appraisal.schemeId).definition : null, inAppraisal };
    state.quarters.set(quarter, q);
  }
  return q;
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-·（）()]/g, '');

export const ratingsKind: ImportKind<RatingsState> = {
  kind: 'ratings',
  label: 'appraisal.import.kind',
  fields: [
    {
      key: 'quarter',
      label: L('quarter'),
      type: 'text',
      required: true,
      maxLength: 20,
      example: '2026Q3',
      synonyms: ['季度', '考核季度', '考核期', '考核周期', 'Quarter', 'Period', 'Review Quarter'],
    },
    {
      key: 'employeeNo',
      label: L('employeeNo'),
      type: 'text',
      maxLength: 32,
      example: 'S0001',
      synonyms: ['工号', '员工编号', '员工号', '编号', 'Employee No', 'Employee Number', 'Employee ID', 'Staff No'],
    },
    {
      key: 'name',
      label: L('name'),
      type: 'text',
      maxLength: 50,
      example: '张伟',
      synonyms: ['姓名', '员工姓名', '销售人员', '名字', 'Name', 'Employee', 'Salesperson'],
    },
    {
      key: 'kpi',
      label: L('kpi'),
      type: 'text',
      required: true,
      maxLength: 100,
      example: 'teamwork',
      synonyms: ['指标', '考核指标', '评分项', '考核项', '项目', 'KPI', 'Item', 'Criterion'],
    },
    {
      key: 'score',
      label: L('score'),
      type: 'number',
      required: true,
      min: 0,
      max: 10,
      example: 4,
      synonyms: ['等级', '评分', '评级', '得分', '分数', 'Level', 'Rating', 'Score', 'Grade'],
    },
    {
      key: 'note',
      label: L('note'),
      type: 'text',
      maxLength: 2000,
      example: '乐于分享经验',
      synonyms: ['备注', '说明', '评语', '理由', 'Note', 'Notes', 'Comment', 'Remarks'],
    },
  ],
  requireOneOf: [['employeeNo'], ['name']],
  prepare(ctx) {
    const byNo = new Map<string, { id: number; no: string }>();
    const byName = new Map<string, { id: number; no: string }[]>();
    for (const { id, employeeNo: no, name } of allStaff(ctx.db)) {
      byNo.set(no.toLowerCase(), { id, no });
      byName.set(name.trim(), [...(byName.get(name.trim()) ?? []), { id, no }]);
    }
    return { byNo, byName, quarters: new Map() };
  },
  check(r, state, ctx) {
    const problems: RowProblem[] = [];
    const quarter = normalizeQuarter(String(r.quarter ?? ''));
    if (!quarter) return [{ field: 'quarter', code: 'appraisal.import.bad-quarter', params: { value: r.quarter } }];
    r.quarter = quarter;
    const q = quarterState(state, ctx.db, quarter);
    if (!q.appraisal || !q.def) return [{ field: 'quarter', code: 'appraisal.import.no-review', params: { quarter } }];
    if (q.appraisal.status === 'locked')
      return [{ field: 'quarter', code: 'appraisal.import.locked', params: { quarter } }];
    if (!SCORING_OPEN.includes(q.appraisal.status))
      return [{ field: 'quarter', code: 'appraisal.import.not-editable', params: { quarter } }];
    const person = r.employeeNo ? state.byNo.get(String(r.employeeNo).toLowerCase()) : undefined;
    const named = !person && r.name ? (state.byName.get(String(r.name).trim()) ?? []) : [];
    if (!person && named.length > 1)
      problems.push({ field: 'name', code: 'ambiguous-person', params: { name: r.name } });
    const who = person ?? (named.length === 1 ? named[0] : undefined);
    if (!who && named.length <= 1)
      problems.push({
        field: r.employeeNo ? 'employeeNo' : 'name',
        code: 'unknown-person',
        params: { name: r.employeeNo ?? r.name },
      });
    else if (who && !q.inAppraisal.has(who.id))
      problems.push({
        field: 'employeeNo',
        code: 'appraisal.import.not-in-review',
        params: { person: who.no, quarter },
      });
    if (who) r.employeeNo = who.no;
    const wanted = norm(String(r.kpi ?? ''));
    const kpi = q.def.kpis.find(
      (k) => norm(k.key) === wanted || norm(k.label['zh-CN']) === wanted || norm(k.label.en) === wanted,
    );
    const rated = q.def.kpis.filter((k) => k.source === 'rated');
    if (!kpi || kpi.source !== 'rated') {
      problems.push({
        field: 'kpi',
        code: 'appraisal.import.unknown-kpi',
        params: { kpi: r.kpi, kpis: rated.map((k) => k.label[ctx.lang]).join('、') },
      });
    } else {
      r.kpi = kpi.key;
      const levels = (kpi.rubric ?? []).map((x) => x.level);
      if (!levels.includes(Number(r.score)))
        problems.push({
          field: 'score',
          code: 'appraisal.import.outside-rubric',
          params: { score: r.score, kpi: kpi.label[ctx.lang], levels: levels.join(', ') },
        });
    }
    return problems;
  },
  key: (r) => `${String(r.quarter)}:${String(r.employeeNo ?? r.name).toLowerCase()}:${String(r.kpi)}`,
  keyText: (r) => `${String(r.quarter)} ${String(r.employeeNo ?? r.name)} ${String(r.kpi)}`,
  commit(records, state, ctx): CommitResult {
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    const quarters = [...new Set(records.map((r) => String(r.quarter)))];
    const at = nowIso();
    let done = 0;
    for (const quarter of quarters) {
      const { appraisal } = ratingTarget(ctx.db, quarter); // refuses a locked or submitted appraisal outright
      const get = ctx.db.prepare(
        'SELECT rowid AS rowid, score, note, rated_by, rated_at FROM review_ratings WHERE review_id = ? AND staff_id = ? AND kpi_key = ?',
      );
      const touched = new Set<number>();
      for (const r of records.filter((x) => x.quarter === quarter)) {
        const staffId = state.byNo.get(String(r.employeeNo).toLowerCase())!.id;
        const old = get.get(appraisal.id, staffId, r.kpi) as
          { rowid: number; score: number; note: string | null; rated_by: string; rated_at: string } | undefined;
        const note = (r.note as string | null | undefined) ?? old?.note ?? null;
        const score = Number(r.score);
        if (old && old.score === score && old.note === note) result.unchanged++;
        else if (old) {
          ctx.db
            .prepare('UPDATE review_ratings SET score = ?, note = ?, rated_by = ?, rated_at = ? WHERE rowid = ?')
            .run(score, note, ctx.actor, at, old.rowid);
          ctx.changes.updated('review_ratings', old.rowid, {
            score: old.score,
            note: old.note,
            rated_by: old.rated_by,
            rated_at: old.rated_at,
          });
          result.updated++;
        } else {
          const { lastInsertRowid } = ctx.db
            .prepare(
              'INSERT INTO review_ratings (review_id, staff_id, kpi_key, score, note, rated_by, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(appraisal.id, staffId, r.kpi, score, note, ctx.actor, at);
          ctx.changes.inserted('review_ratings', Number(lastInsertRowid));
          result.inserted++;
        }
        if (!old || old.score !== score || old.note !== note) {
          audit(ctx.db, {
            actor: ctx.actor,
            entity: 'review_rating',
            entityId: `${quarter}:${String(r.employeeNo)}:${String(r.kpi)}`,
            field: 'score',
            oldValue: old?.score ?? null,
            newValue: score,
            reason: `import ${ctx.importId}`,
          });
          touched.add(staffId);
        }
        ctx.progress(++done, records.length);
      }
      if (touched.size) rescore(ctx, appraisal, [...touched]);
    }
    return result;
  },
  exportRecords(db, options) {
    const rows = db
      .prepare(
        `SELECT v.quarter, s.employee_no AS employeeNo, s.name, r.kpi_key AS kpi, r.score, r.note FROM review_ratings r
         JOIN reviews v ON v.id = r.review_id JOIN staff s ON s.id = r.staff_id
         WHERE (? IS NULL OR v.quarter = ?) ORDER BY v.quarter, s.employee_no, r.kpi_key`,
      )
      .all(options.quarter ?? null, options.quarter ?? null) as ImportRecord[];
    return rows;
  },
};
