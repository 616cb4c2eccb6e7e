import type { Database } from 'better-sqlite3';
import { BulkInsert, type DemoProgress } from './bulk-insert';
import { stamp, type DemoCalendar } from './calendar';
import { mobile, personName, PROVINCES, ROADS, TRADE_NAMES } from './names';
import type { Org } from './organisation';
import { apportion, cumulative, makeRng, pick, pickWeighted, randInt, shuffle, type Rng } from './random';
import { SEGMENT_INDEX, SEGMENTS } from './segments';

/** The demo's customers, in the typed arrays that order generation reads (customer id = index + 1). */
export interface CustomerBook {
  n: number;
  segment: Uint8Array;
  /** 1 for buying customers, 0 for leads and prospects. */
  buying: Uint8Array;
  /** Orderable customers: pickList[pickStart[p] .. pickEnd[p]) are person p's, followed by those inherited. */
  pickList: Int32Array;
  pickStart: Int32Array;
  pickEnd: Int32Array;
  pickEndInherited: Int32Array;
  /** First window month in which an heir also sells to the customers inherited from a leaver. */
  inheritFrom: Int32Array;
}

const INDUSTRY_WORDS: Record<string, string[]> = {
  制造业: ['精密机械', '电子科技', '汽车零部件', '新材料', '机电设备', '化工'],
  零售: ['商贸', '连锁超市', '百货'],
  物流: ['物流', '供应链管理'],
  教育: ['教育科技', '职业培训学校'],
  医疗: ['医疗器械', '健康管理'],
  金融: ['投资管理', '融资租赁'],
  房地产: ['置业', '物业服务'],
  信息技术: ['信息技术', '网络科技', '软件'],
  酒店餐饮: ['酒店管理', '餐饮管理'],
  能源: ['新能源科技', '电力工程'],
};
const INDUSTRIES = Object.keys(INDUSTRY_WORDS);
const AGENCIES: [string, string][] = [
  ['公安局', '政府机关'],
  ['教育局', '教育'],
  ['交通运输局', '政府机关'],
  ['住房和城乡建设局', '政府机关'],
  ['市场监督管理局', '政府机关'],
  ['政务服务中心', '公共服务'],
  ['图书馆', '公共服务'],
  ['体育中心', '公共服务'],
  ['疾病预防控制中心', '医疗卫生'],
  ['城市管理局', '政府机关'],
  ['自然资源局', '政府机关'],
  ['中医院', '医疗卫生'],
  ['档案馆', '公共服务'],
  ['管委会', '政府机关'],
];
const NUMBERED: [string, string][] = [
  ['人民医院', '医疗卫生'],
  ['中学', '教育'],
  ['实验小学', '教育'],
];
const DISTRICTS = ['高新区', '经开区', '新城区', '滨江区', '城东区', '城西区', '临港新区', '北湖区'];
const CN_NUM = '一二三四五六七八九十';
const DEALER_WORDS = ['安防工程', '弱电工程', '智能科技', '系统集成', '电子科技'];
const MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com'];
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** A customer's name (unique in `taken`) and industry for its segment and city. */
function customerName(
  rng: Rng,
  segment: number,
  city: string,
  taken: Set<string>,
  individual: string,
): [string, string | null] {
  for (let attempt = 0; ; attempt++) {
    let name: string;
    let industry: string | null;
    if (segment === SEGMENT_INDEX.individual) return [individual, null];
    if (segment === SEGMENT_INDEX.government) {
      const numbered = rng() < 0.3;
      const [what, ind] = numbered ? pick(rng, NUMBERED) : pick(rng, AGENCIES);
      const where = rng() < 0.5 || attempt > 5 ? `${city}市${pick(rng, DISTRICTS)}` : `${city}市`;
      name = numbered ? `${where}第${CN_NUM[randInt(rng, 0, 9)]}${what}` : `${where}${what}`;
      industry = ind;
    } else if (segment === SEGMENT_INDEX.dealer) {
      name = `${city}${pick(rng, TRADE_NAMES)}${pick(rng, DEALER_WORDS)}有限公司`;
      industry = '系统集成';
    } else {
      industry = pick(rng, INDUSTRIES);
      const suffix =
        segment === SEGMENT_INDEX.enterprise ? pick(rng, ['有限公司', '股份有限公司', '集团有限公司']) : '有限公司';
      name = `${city}${pick(rng, TRADE_NAMES)}${pick(rng, INDUSTRY_WORDS[industry])}${suffix}`;
    }
    if (attempt > 40) name = `${name}（${attempt}）`;
    if (!taken.has(name)) {
      taken.add(name);
      return [name, industry];
    }
  }
}

/** Generates and writes the customers: ~94% buying customers spread over the sellers, the rest leads. */
export function createCustomers(
  db: Database,
  cal: DemoCalendar,
  org: Org,
  count: number,
  seed: number,
  progress: DemoProgress,
): CustomerBook {
  const rng = makeRng(seed, 'customers');
  const people = org.people;
  const active = org.sellers.filter((i) => !people[i].leftDate);
  const buying = Math.round(count * 0.94);
  const weight = (i: number) => 0.5 + people[i].base;
  const perSeller = apportion(buying, org.sellers.map(weight));
  const leadsPer = apportion(count - buying, active.map(weight));
  const slots: number[] = [];
  org.sellers.forEach((p, k) => {
    for (let j = 0; j < perSeller[k]; j++) slots.push(p);
  });
  active.forEach((p, k) => {
    for (let j = 0; j < leadsPer[k]; j++) slots.push(-1 - p);
  });
  shuffle(rng, slots);

  const n = slots.length;
  const book: CustomerBook = {
    n,
    segment: new Uint8Array(n),
    buying: new Uint8Array(n),
    pickList: new Int32Array(buying),
    pickStart: new Int32Array(people.length),
    pickEnd: new Int32Array(people.length),
    pickEndInherited: new Int32Array(people.length),
    inheritFrom: new Int32Array(people.length).fill(99),
  };
  const segCum = cumulative(SEGMENTS.map((s) => s.share));
  const names = new Set<string>();
  const contacts = new Set<string>();
  const firstYear = Number(cal.days[0].slice(0, 4));
  const ins = new BulkInsert(
    db,
    'customers',
    [
      'id',
      'code',
      'name',
      'stage',
      'segment',
      'industry',
      'province',
      'city',
      'owner_id',
      'contact_name',
      'phone',
      'email',
      'address',
      'birthday',
      'visit_interval_days',
      'created_at',
    ],
    progress,
  );
  const p = ins.p;
  for (let c = 0; c < n; c++) {
    const orderable = slots[c] >= 0;
    const s = orderable ? slots[c] : -1 - slots[c];
    const person = people[s];
    const owner = person.heir >= 0 ? people[person.heir] : person;
    const province = pick(rng, org.teams[person.team].provinces);
    const city = pick(rng, PROVINCES[province].cities);
    const seg = pickWeighted(rng, segCum);
    const contact = personName(rng, contacts);
    const [name, industry] = customerName(rng, seg, city, names, contact.name);
    const code = `C${String(c + 1).padStart(5, '0')}`;
    book.segment[c] = seg;
    book.buying[c] = orderable ? 1 : 0;
    const provinceFull = PROVINCES[province].full;
    const cityFull = `${city}市`;
    const o = ins.row();
    p[o] = c + 1;
    p[o + 1] = code;
    p[o + 2] = name;
    p[o + 3] = orderable ? 'customer' : rng() < 0.5 ? 'lead' : 'prospect';
    p[o + 4] = SEGMENTS[seg].name;
    p[o + 5] = industry;
    p[o + 6] = provinceFull;
    p[o + 7] = cityFull;
    p[o + 8] = owner.id;
    p[o + 9] = contact.name;
    p[o + 10] = mobile(rng);
    p[o + 11] = `${contact.pinyin.replace('.', '')}${randInt(rng, 10, 99)}@${pick(rng, MAIL_DOMAINS)}`;
    p[o + 12] =
      `${provinceFull === cityFull ? '' : provinceFull}${cityFull}${pick(rng, ROADS)}${randInt(rng, 1, 999)}号`;
    p[o + 13] =
      rng() < 0.6 ? `${randInt(rng, 1965, 1995)}-${pad2(randInt(rng, 1, 12))}-${pad2(randInt(rng, 1, 28))}` : null;
    p[o + 14] = seg === SEGMENT_INDEX.enterprise && rng() < 0.25 ? 14 : SEGMENTS[seg].visitDays;
    p[o + 15] = stamp(`${firstYear - randInt(rng, 1, 8)}-${pad2(randInt(rng, 1, 12))}-${pad2(randInt(rng, 1, 28))}`);
  }
  ins.end();
  buildPickLists(org, book, slots);
  return book;
}

/** Groups the buying customers by seller; a leaver's block sits right after the heir's own block. */
function buildPickLists(org: Org, book: CustomerBook, slots: number[]): void {
  const bySeller = new Map<number, number[]>();
  slots.forEach((s, c) => {
    if (s >= 0) (bySeller.get(s) ?? bySeller.set(s, []).get(s)!).push(c);
  });
  let at = 0;
  const place = (p: number) => {
    book.pickStart[p] = at;
    for (const c of bySeller.get(p) ?? []) book.pickList[at++] = c;
    book.pickEnd[p] = at;
    book.pickEndInherited[p] = at;
  };
  for (const p of org.sellers) {
    if (org.people[p].leftDate) continue;
    place(p);
    for (const l of org.sellers) {
      if (org.people[l].heir !== p) continue;
      place(l);
      book.pickEndInherited[p] = at;
      book.inheritFrom[p] = Math.min(book.inheritFrom[p], org.people[l].lastMonth + 1);
    }
  }
}

/** Customers who bought nothing become prospects; those silent for nine months are marked lost. */
export function settleStages(db: Database, cal: DemoCalendar, book: CustomerBook, lastOrderDay: Int16Array): void {
  const stage = db.prepare('UPDATE customers SET stage = ? WHERE id = ?');
  for (let c = 0; c < book.n; c++) {
    if (!book.buying[c]) continue;
    if (lastOrderDay[c] < 0) stage.run('prospect', c + 1);
    else if (lastOrderDay[c] < cal.windowDays - 270) stage.run('lost', c + 1);
  }
}
