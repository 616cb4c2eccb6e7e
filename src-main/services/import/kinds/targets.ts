import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../../contract/errors';
import { cellLabel } from '../../targets/cells';
import { setCell } from '../../targets/distribute';
import { actionId } from '../../targets/edit';
import { mIdx } from '../../targets/periods';
import { loadPlan, rollUp, type Plan } from '../../targets/plan';
import { planHeader, savePlan } from '../../targets/store';
import { isProblem, loadStaff, nameKey, resolvePerson, type StaffLookup } from './lookups';
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { allStaff } from '../../../db/access/staff';

/**
 * Sales targets (P2.1, P2.2) in the two layouts managers keep them in:
 * - long: one row per salesperson (or team) and month: year, month, amount;
 * - wide: one row per salesperson (or team) with a column per month ("1月"…"12月", "Jan"…, "M1"…),
 *   with or without a year-total column, which must then equal the months' sum.
 * A salesperson's months are written as they stand; a team's month is spread over its people like a
 * typed cell. Blank months change nothing, so an exported plan imports back unchanged.
 */
const L = (k: string) => `targets.import.fields.${k}`;
const P = (k: string) => `targets.import.problem.${k}`;

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZH_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The month (1..12) a wide sheet's column header names, as text, or null. */
function monthOfHeader(header: string): string | null {
  const h = header.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const ok = (m: number) => (m >= 1 && m <= 12 ? String(m) : null);
  // Months numbered 1…12 as the headers (numbers in the header row, issue 10 item 6).
  if (/^\d{1,2}$/.test(h)) return ok(Number(h));
  let m = /^(\d{1,2})\s*月(份)?(目标|指标|任务)?(\s*[(（].*[)）])?$/.exec(h);
  if (m) return ok(Number(m[1]));
  m = /^M(\d{1,2})$/i.exec(h);
  if (m) return ok(Number(m[1]));
  m = /^\d{4}\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(h);
  if (m) return ok(Number(m[1]));
  m = /^([一二三四五六七八九十]{1,3})月(份)?$/.exec(h);
  if (m) return ok(ZH_MONTHS.indexOf(m[1]) + 1 || 0);
  const en = EN_MONTHS.indexOf(h.slice(0, 3).toLowerCase());
  if (
    en >= 0 &&
    /^[a-z]+\.?$/i.test(h) &&
    (h.length === 3 ||
      h.length === 4 ||
      'january february march april may june july august september october november december'
        .split(' ')
        .includes(h.toLowerCase()))
  )
    return String(en + 1);
  return null;
}

/**
 * A month cell of a long sheet: 3, "3月", "M3", "March", "2026-03", "2026年3月", and month-year labels
 * such as "Apr-18" or "April 2018" (which also give the year: a fiscal year that runs into the next
 * calendar year keeps its months apart). null when it names no month.
 */
function parseMonthCell(text: string): { month: number; year: number | null } | null {
  const h = text.normalize('NFKC').trim();
  if (/^\d{1,2}$/.test(h)) return Number(h) >= 1 && Number(h) <= 12 ? { month: Number(h), year: null } : null;
  const header = monthOfHeader(h);
  if (header) {
    const y = /^(\d{4})\s*[-/.年]/.exec(h);
    return { month: Number(header), year: y ? Number(y[1]) : null };
  }
  const m = /^([A-Za-z]{3,9})\.?[\s\-/']*(\d{2}|\d{4})$/.exec(h);
  if (m) {
    const month = monthOfHeader(m[1]);
    if (month) return { month: Number(month), year: m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]) };
  }
  return null;
}

interface State {
  /** The years the month headers name ("2024-01", "2024年1月"…; date cells formatted "Jan-24" read as 2024-01). */
  headerYears: number[];
  staff: StaffLookup;
  teams: Map<string, number>;
  teamOfPerson: Map<number, number | null>;
  personId: Map<string, number>;
}

const yearOf = (r: ImportRecord, fallback?: number) => (r.year as number | null) ?? fallback ?? null;

export const targetsKind: ImportKind<State> = {
  kind: 'targets',
  label: 'targets.import.kind',
  fields: [
    {
      key: 'salesperson',
      label: L('salesperson'),
      type: 'text',
      maxLength: 50,
      example: 'S0101',
      synonyms: [
        '工号',
        '员工编号',
        '员工号',
        '销售员',
        '业务员',
        '销售人员',
        '销售代表',
        'Employee No',
        'Employee Number',
        'Salesperson',
        'Sales Rep',
        'Rep',
      ],
    },
    {
      key: 'name',
      label: L('name'),
      type: 'text',
      maxLength: 50,
      example: '王伟',
      synonyms: ['姓名', '名字', '人员', 'Name', 'Full Name'],
    },
    {
      key: 'team',
      label: L('team'),
      type: 'text',
      maxLength: 50,
      example: '华东区',
      synonyms: ['团队', '销售团队', '部门', '大区', '区域', '小组', 'Team', 'Department', 'Region'],
    },
    {
      key: 'year',
      label: L('year'),
      type: 'year',
      example: 2026,
      synonyms: ['年度', '年份', '年', '目标年度', 'Year', 'Fiscal Year'],
    },
    {
      key: 'month',
      label: L('month'),
      type: 'text',
      maxLength: 40,
      example: 3,
      synonyms: [
        '月份',
        '月',
        '目标月份',
        '年月',
        '期间',
        'Month',
        'Period',
        'Target Month',
        'Order Month',
        'Month of Order Date',
        'Year Month',
      ],
    },
    {
      key: 'amount',
      label: L('amount'),
      type: 'money',
      min: 0,
      example: 500000,
      synonyms: [
        '目标',
        '目标金额',
        '销售目标',
        '月度目标',
        '目标额',
        '任务额',
        '指标',
        '金额',
        'Target',
        'Sales Target',
        'Amount',
        'Quota',
      ],
    },
    { key: 'months', label: L('months'), type: 'money', min: 0, synonyms: [], repeat: monthOfHeader },
    {
      key: 'yearTotal',
      label: L('yearTotal'),
      type: 'money',
      min: 0,
      synonyms: [
        '全年',
        '全年目标',
        '全年合计',
        '年度目标',
        '年度合计',
        '合计',
        '总计',
        '年目标',
        'Total',
        'Year Total',
        'Annual',
        'Annual Target',
        'FY Total',
      ],
    },
  ],
  requireOneOf: [['month', 'amount'], ['months']],
  prepare(ctx) {
    const teams = new Map(
      (ctx.db.prepare('SELECT id, name FROM teams').all() as { id: number; name: string }[]).map((t) => [
        nameKey(t.name),
        t.id,
      ]),
    );
    const staff = allStaff(ctx.db);
    const headerYears = [
      ...new Set(
        (ctx.headers?.get('months') ?? [])
          .map((h) => /^(\d{4})\s*[-/.年]/.exec(h.normalize('NFKC').trim())?.[1])
          .filter((y): y is string => !!y),
      ),
    ].map(Number);
    return {
      headerYears,
      staff: loadStaff(ctx.db),
      teams,
      teamOfPerson: new Map(staff.map((s) => [s.id, s.teamId])),
      personId: new Map(staff.map((s) => [s.employeeNo, s.id])),
    };
  },
  check(r, s, ctx) {
    const problems: RowProblem[] = [];
    if (r.month !== null && r.month !== undefined) {
      const pm = parseMonthCell(String(r.month));
      if (!pm) return [{ field: 'month', code: P('bad-month'), params: { value: r.month } }];
      if (pm.year !== null && r.year !== null && r.year !== undefined && r.year !== pm.year)
        problems.push({ field: 'month', code: P('year-mismatch'), params: { value: r.month, year: r.year } });
      r.month = pm.month;
      if (pm.year !== null) r.year = pm.year;
    }
    const wideRow = r.months && typeof r.months === 'object' && Object.keys(r.months).length > 0;
    // A wide sheet whose month headers are dates of one year is that year's; of several years, it cannot be one row a person.
    if (wideRow && s.headerYears.length > 1)
      return [{ field: 'months', code: P('header-years'), params: { years: s.headerYears.join(', ') } }];
    const headerYear = wideRow && s.headerYears.length === 1 ? s.headerYears[0] : undefined;
    const given = (r.year as number | null) ?? ctx.options.year;
    if (headerYear !== undefined && given !== null && given !== undefined && given !== headerYear)
      problems.push({ field: 'months', code: P('year-mismatch'), params: { value: headerYear, year: given } });
    const year = yearOf(r, headerYear ?? ctx.options.year);
    if (year === null) problems.push({ field: 'year', code: P('no-year') });
    else r.year = year;
    const who = (r.salesperson as string | null) ?? (r.name as string | null);
    if (who) {
      const p = resolvePerson(s.staff, who, r.salesperson ? 'salesperson' : 'name');
      if (isProblem(p)) problems.push(p);
      else {
        r.salesperson = p.employeeNo;
        if (r.team) {
          const teamId = s.teams.get(nameKey(String(r.team)));
          if (teamId !== s.teamOfPerson.get(p.id))
            problems.push({ field: 'team', code: P('team-mismatch'), params: { person: p.name, team: r.team } });
        }
      }
    } else if (r.team) {
      if (!s.teams.has(nameKey(String(r.team))))
        problems.push({ field: 'team', code: P('unknown-team'), params: { team: r.team } });
    } else problems.push({ field: 'salesperson', code: P('no-owner') });
    const wide = r.months && typeof r.months === 'object' && Object.keys(r.months).length > 0;
    if (!wide && (r.month === null || r.amount === null))
      problems.push({ field: r.month === null ? 'month' : 'amount', code: 'required' });
    const months = wide
      ? (r.months as Record<string, number | null>)
      : r.amount !== null
        ? { [String(r.month)]: r.amount as number }
        : {};
    for (const [m, fen] of Object.entries(months)) {
      if (fen !== null && fen % 100 !== 0)
        problems.push({
          field: wide ? 'months' : 'amount',
          code: P('not-whole-yuan'),
          params: { month: m, value: fen / 100 },
        });
    }
    if (wide && r.yearTotal !== null && r.yearTotal !== undefined) {
      const given = Object.values(months).filter((v): v is number => v !== null);
      const sum = given.reduce((a, b) => a + b, 0);
      if (given.length === 12 && sum !== r.yearTotal)
        problems.push({
          field: 'yearTotal',
          code: P('total-mismatch'),
          params: { total: (r.yearTotal as number) / 100, sum: sum / 100 },
        });
    }
    return problems;
  },
  key: (r) =>
    `${r.year}:${r.salesperson ? `p:${String(r.salesperson).toLowerCase()}` : `t:${nameKey(String(r.team))}`}:${r.month ?? 'wide'}`,
  keyText: (r) => [r.year, r.salesperson ?? r.team, r.month].filter((x) => x !== null && x !== undefined).join(' '),
  commit(records, s, ctx): CommitResult {
    const { db } = ctx;
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    const years = [...new Set(records.map((r) => r.year as number))].sort();
    let done = 0;
    for (const year of years) {
      const plan = loadPlan(db, year);
      const label = cellLabel(ctx.lang, year);
      const mine = records.filter((r) => r.year === year);
      // Teams first: a team's month is spread over its people, whose own rows (if any) then stand as given.
      const ordered = [...mine.filter((r) => !r.salesperson), ...mine.filter((r) => r.salesperson)];
      for (const r of ordered) {
        const months =
          r.months && Object.keys(r.months as object).length
            ? (r.months as Record<string, number | null>)
            : { [String(r.month)]: r.amount as number };
        const node = r.salesperson
          ? plan.people.find((p) => p.id === s.personId.get(String(r.salesperson)))
          : plan.teams.find((t) => nameKey(t.name) === nameKey(String(r.team)));
        if (!node)
          throw new WorkbenchError('targets/unknown-person', { person: String(r.salesperson ?? r.team), year });
        let changed = false;
        const had = plan.stored.has(`${node.scope}:${node.id}`);
        for (const [m, fen] of Object.entries(months)) {
          if (fen === null) continue;
          const i = mIdx(Number(m));
          if (node.row[i] === fen / 100) continue;
          changed = true;
          if (node.scope === 'person') node.row[i] = fen / 100;
          else setCell(plan, node, i, fen / 100, label);
        }
        if (node.scope === 'person') rollUp(plan);
        result[changed ? (had ? 'updated' : 'inserted') : 'unchanged']++;
        ctx.progress(++done, records.length);
      }
      commitPlan(db, plan, ctx);
    }
    return result;
  },
  exportRecords(db, options) {
    const year = options.year ?? new Date().getFullYear();
    const plan = loadPlan(db, year);
    return plan.people.map((p) => ({
      salesperson: p.employeeNo,
      name: p.name,
      team: p.parent!.name,
      year,
      month: null,
      amount: null,
      months: Object.fromEntries(Array.from({ length: 12 }, (_, k) => [String(k + 1), p.row[mIdx(k + 1)] * 100])),
      yearTotal: p.row[0] * 100,
    }));
  },
};

/**
 * Saves an imported year. A submitted plan refuses an import that would change it (reopen it first);
 * for an approved plan the import is an adjustment whose reason names the import, which can be undone
 * as a whole (P2.6 workflow).
 */
function commitPlan(db: Database, plan: Plan, ctx: Parameters<ImportKind<State>['commit']>[2]): void {
  const changed = [plan.company, ...plan.teams, ...plan.people].some((node) => {
    const old = plan.stored.get(`${node.scope}:${node.id}`);
    return !old || node.row.some((v, i) => old.row[i] !== v);
  });
  if (!changed) return;
  const { status } = planHeader(db, plan.year);
  if (status === 'submitted') throw new WorkbenchError('targets/plan-submitted', { year: plan.year });
  savePlan(ctx, plan, actionId('import'), status === 'approved' ? `import #${ctx.importId}` : null, ctx.changes);
}
