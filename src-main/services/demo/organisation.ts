import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { monthIndex, stamp, type DemoCalendar } from './calendar';
import { mobile, personName } from './names';
import { apportion, makeRng, normal, randInt, shuffle, type Rng } from './random';
import type { DemoSize } from './sizes';

export type Role = 'director' | 'area' | 'manager' | 'senior' | 'rep';

const TITLES: Record<Role, string> = {
  director: '销售总监',
  area: '大区总监',
  manager: '区域经理',
  senior: '高级销售代表',
  rep: '销售代表',
};
const EMAIL_DOMAIN = 'hxzn.com.cn';

/** One person of the demo's sales organisation, with the hidden traits that drive their results. */
export interface Person {
  id: number;
  employeeNo: string;
  name: string;
  /** e.g. "zhang.wei", for the e-mail address */
  pinyin: string;
  role: Role;
  /** Index into Org.teams, -1 for the director and area directors. */
  team: number;
  /** Index into Org.people, -1 for the director. */
  manager: number;
  hireDate: string;
  leftDate: string | null;
  /** First and last window month (0–23) in which the person sells; firstMonth > lastMonth for non-sellers. */
  firstMonth: number;
  lastMonth: number;
  /** Sales capacity (relative). */
  base: number;
  /** Log growth of the person's sales per year, beyond the company's growth: strong people rise, weak ones fall. */
  trend: number;
  /** -1..1: how well customers rate the person; drives survey answers and complaints. */
  quality: number;
  /** For a leaver: the teammate who took over their customers. */
  heir: number;
}

export interface Org {
  teams: { id: number; name: string; area: string; provinces: string[]; manager: number }[];
  people: Person[];
  /** Indexes of the people who sell (team managers and representatives, including leavers). */
  sellers: number[];
  director: number;
}

type Draft = Omit<Person, 'id' | 'employeeNo' | 'name' | 'pinyin'>;

const isoMinusDays = (iso: string, days: number) => dayjs(iso).subtract(days, 'day').format('YYYY-MM-DD');

/** Trend spread so that completion of the history-based target runs from about 60% to 130%. */
function trendAt(u: number): number {
  const shaped = u * (0.4 + 0.6 * u * u);
  return -0.03 + (shaped < 0 ? 0.47 : 0.27) * shaped;
}

/** Builds the director, area directors, team managers and representatives of the demo company. */
export function buildOrg(cal: DemoCalendar, size: DemoSize, seed: number): Org {
  const rng = makeRng(seed, 'org');
  const windowStart = cal.days[0];
  const draft: Draft[] = [];
  const add = (role: Role, team: number, hireDate: string) =>
    draft.push({
      role,
      team,
      manager: -1,
      hireDate,
      leftDate: null,
      firstMonth: 0,
      lastMonth: 23,
      base: 0,
      trend: 0,
      quality: 0,
      heir: -1,
    }) - 1;
  const yearsBefore = (lo: number, hi: number) => isoMinusDays(windowStart, Math.round((lo + rng() * (hi - lo)) * 365));

  const director = add('director', -1, yearsBefore(9, 12));
  const areas = [...new Set(size.teams.map((t) => t.area))];
  const areaHead = new Map<string, number>();
  if (size.areaDirectors) for (const a of areas) areaHead.set(a, add('area', -1, yearsBefore(6, 9)));
  const managers = size.teams.map((_, i) => add('manager', i, yearsBefore(3, 8)));
  const repCount = size.staff - draft.length;
  const perTeam = apportion(
    repCount,
    size.teams.map((t) => t.weight),
  );
  const reps: number[] = [];
  perTeam.forEach((n, team) => {
    for (let k = 0; k < n; k++) reps.push(add('rep', team, yearsBefore(0.25, 8)));
  });

  // New hires join during last year; leavers leave at a month's end before this year's targets were set.
  const order = shuffle(rng, [...reps]);
  const newHires = order.slice(0, size.newHires);
  const leavers = order.slice(size.newHires, size.newHires + size.leavers);
  const lastYearStart = monthIndex(cal, cal.targetYear - 1, 1);
  const lastYearDec = monthIndex(cal, cal.targetYear - 1, 12);
  for (const i of newHires) {
    const m = randInt(rng, Math.max(3, lastYearStart), Math.min(lastYearDec - 3, 21));
    const month = cal.months[m];
    draft[i].hireDate = cal.days[month.firstDay + randInt(rng, 0, month.lastDay - month.firstDay)];
    draft[i].firstMonth = m + 1;
  }
  for (const i of leavers) {
    const m = randInt(rng, 6, Math.min(21, lastYearDec));
    draft[i].leftDate = cal.days[cal.months[m].lastDay];
    draft[i].lastMonth = m;
  }

  // Strength: capacity varies by person; the trend (hence target completion) is spread evenly by rank.
  const sellers = [...managers, ...reps];
  const ranked = shuffle(rng, [...sellers]);
  ranked.forEach((i, r) => {
    const p = draft[i];
    p.trend = trendAt((2 * (r + 0.5)) / ranked.length - 1);
    p.base = Math.exp(0.35 * normal(rng)) * (p.role === 'manager' ? 0.6 : 1);
    p.quality = Math.tanh((0.7 * (p.trend + 0.03)) / 0.2 + 0.5 * normal(rng));
  });
  for (const i of reps) {
    const years = dayjs(cal.days[cal.windowDays - 1]).diff(draft[i].hireDate, 'year', true);
    if (years >= 4 && rng() < 0.75) {
      draft[i].role = 'senior';
      draft[i].base *= 1.25;
    }
  }

  // Reporting lines.
  for (const a of areaHead.values()) draft[a].manager = director;
  size.teams.forEach((t, i) => (draft[managers[i]].manager = areaHead.get(t.area) ?? director));
  for (const i of reps) draft[i].manager = managers[draft[i].team];
  for (const i of [director, ...areaHead.values()]) draft[i].firstMonth = 24;
  for (const l of leavers) draft[l].heir = chooseHeir(rng, draft, l, newHires, leavers);

  return number(rng, draft, size, director);
}

function chooseHeir(rng: Rng, draft: Draft[], leaver: number, newHires: number[], leavers: number[]): number {
  const taken = new Set(leavers.map((l) => draft[l].heir));
  const mates = draft
    .map((_, i) => i)
    .filter(
      (i) =>
        draft[i].team === draft[leaver].team &&
        i !== leaver &&
        !leavers.includes(i) &&
        !newHires.includes(i) &&
        draft[i].role !== 'manager',
    );
  const free = mates.filter((i) => !taken.has(i));
  const pool = free.length > 0 ? free : mates;
  return pool[Math.floor(rng() * pool.length)];
}

/** Employee numbers follow seniority (S0001 is the longest-serving); ids equal that order. */
function number(rng: Rng, draft: Draft[], size: DemoSize, director: number): Org {
  const byHire = draft
    .map((_, i) => i)
    .sort((a, b) => (draft[a].hireDate < draft[b].hireDate ? -1 : draft[a].hireDate > draft[b].hireDate ? 1 : a - b));
  const newIndex = new Int32Array(draft.length);
  byHire.forEach((old, i) => (newIndex[old] = i));
  const names = new Set<string>();
  const people: Person[] = byHire.map((old, i) => {
    const p = draft[old];
    return {
      ...p,
      ...personName(rng, names),
      id: i + 1,
      employeeNo: `S${String(i + 1).padStart(4, '0')}`,
      manager: p.manager < 0 ? -1 : newIndex[p.manager],
      heir: p.heir < 0 ? -1 : newIndex[p.heir],
    };
  });
  const teams = size.teams.map((t, i) => ({
    id: i + 1,
    name: t.name,
    area: t.area,
    provinces: t.provinces,
    manager: people.findIndex((p) => p.role === 'manager' && p.team === i),
  }));
  const sellers = people
    .map((_, i) => i)
    .filter((i) => people[i].role === 'manager' || people[i].role === 'senior' || people[i].role === 'rep');
  return { teams, people, sellers, director: newIndex[director] };
}

/** Writes teams and staff; reporting lines go in last, so that every reference points at an existing row. */
export function insertOrg(db: Database, org: Org, seed: number): void {
  const rng = makeRng(seed, 'org-contact');
  const founded = stamp(org.people[0].hireDate);
  const team = db.prepare('INSERT INTO teams (id, name, region, active, created_at) VALUES (?, ?, ?, 1, ?)');
  for (const t of org.teams) team.run(t.id, t.name, `${t.area}：${t.provinces.join('、')}`, founded);
  const staff = db.prepare(
    `INSERT INTO staff (id, employee_no, name, team_id, title, hire_date, phone, email, status, left_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const emails = new Set<string>();
  for (const p of org.people) {
    const local = emails.has(p.pinyin) ? `${p.pinyin}${p.id}` : p.pinyin;
    emails.add(local);
    staff.run(
      p.id,
      p.employeeNo,
      p.name,
      p.team < 0 ? null : org.teams[p.team].id,
      TITLES[p.role],
      p.hireDate,
      mobile(rng),
      `${local}@${EMAIL_DOMAIN}`,
      p.leftDate ? 'inactive' : 'active',
      p.leftDate,
      stamp(p.hireDate),
      stamp(p.leftDate ?? p.hireDate),
    );
  }
  const reportsTo = db.prepare('UPDATE staff SET manager_id = ? WHERE id = ?');
  for (const p of org.people) if (p.manager >= 0) reportsTo.run(org.people[p.manager].id, p.id);
  const manages = db.prepare('UPDATE teams SET manager_id = ? WHERE id = ?');
  for (const t of org.teams) manages.run(org.people[t.manager].id, t.id);
}
