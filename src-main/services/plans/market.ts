import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { Competitor, DiscountBand, LostOpportunity, MarketNewsItem, Strategy } from '../../contract/plans';
import { staffExists } from '../../db/access/staff';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';

/**
 * Market intelligence (P1.5, P2.3): competitors (products, price points, share by region, strengths,
 * weaknesses, recent moves, the deals lost to them) and dated market news tied to a target year, team or
 * cell and to a lost opportunity; and the strategy
 * (P2.4) per year and product line: positioning, list price, discount bands and promotion methods.
 */

type CompetitorRow = Omit<Competitor, 'shares' | 'lost'> & { shares: string | null };
const COMP_SQL =
  'SELECT id, name, products, price_points AS pricePoints, shares, strengths, weaknesses, recent_moves AS recentMoves FROM competitors';

const LOST_SQL = `SELECT o.id, o.title, c.name AS customer, s.name AS owner, o.amount, substr(coalesce(o.stage_since, o.expected_date, o.created_at), 1, 10) AS date,
  o.lost_reason AS reason, o.competitor FROM opportunities o JOIN customers c ON c.id = o.customer_id LEFT JOIN staff s ON s.id = o.staff_id WHERE o.stage = 'lost'`;
const toLost = (r: LostOpportunity): LostOpportunity => ({ ...r, amount: r.amount === null ? null : r.amount / 100 });

/**
 * The opportunities lost to each competitor (P1.5, P2.3): a deal names its competitor when it is lost
 * (services/pipeline/opportunities.ts); the name matches the competitor's record, case and surrounding
 * spaces aside. Newest first.
 */
function lostByCompetitor(db: Database): Map<string, LostOpportunity[]> {
  const out = new Map<string, LostOpportunity[]>();
  for (const r of db
    .prepare(`${LOST_SQL} AND o.competitor IS NOT NULL ORDER BY date DESC, o.id DESC`)
    .all() as LostOpportunity[]) {
    const k = r.competitor!.trim().toLowerCase();
    (out.get(k) ?? out.set(k, []).get(k)!).push(toLost(r));
  }
  return out;
}

const toCompetitor = (r: CompetitorRow, lost: Map<string, LostOpportunity[]>): Competitor => {
  const list = lost.get(r.name.trim().toLowerCase()) ?? [];
  return {
    ...r,
    shares: r.shares ? (JSON.parse(r.shares) as Record<string, number>) : {},
    lost: {
      count: list.length,
      amount: Math.round(list.reduce((x, o) => x + (o.amount ?? 0), 0) * 100) / 100,
      opportunities: list,
    },
  };
};

export function listCompetitors(db: Database): Competitor[] {
  const lost = lostByCompetitor(db);
  return (db.prepare(`${COMP_SQL} ORDER BY name`).all() as CompetitorRow[]).map((r) => toCompetitor(r, lost));
}

/** Lost opportunities, newest first: all, those of a year (by the day they were lost), or those lost to one competitor. */
export function lostOpportunities(db: Database, input: { competitorId?: number; year?: number }): LostOpportunity[] {
  let name: string | null = null;
  if (input.competitorId !== undefined) {
    name = db.prepare('SELECT name FROM competitors WHERE id = ?').pluck().get(input.competitorId) as string | null;
    if (name === undefined || name === null)
      throw new WorkbenchError('market/competitor-not-found', { id: input.competitorId });
  }
  const rows = (
    db
      .prepare(
        `${LOST_SQL}${name !== null ? ' AND trim(o.competitor) = ? COLLATE NOCASE' : ''} ORDER BY date DESC, o.id DESC`,
      )
      .all(...(name !== null ? [name.trim()] : [])) as LostOpportunity[]
  ).map(toLost);
  return input.year === undefined ? rows : rows.filter((r) => r.date.startsWith(String(input.year)));
}

export function saveCompetitor(ctx: ServiceContext, input: ParsedInput<'market/competitor-save'>): Competitor {
  const { db } = ctx;
  const clash = db.prepare('SELECT id FROM competitors WHERE name = ?').get(input.name) as { id: number } | undefined;
  if (clash && clash.id !== input.id) throw new WorkbenchError('market/competitor-exists', { name: input.name });
  const values = [
    input.name,
    input.products ?? null,
    input.pricePoints ?? null,
    JSON.stringify(input.shares),
    input.strengths ?? null,
    input.weaknesses ?? null,
    input.recentMoves ?? null,
  ];
  const id = db.transaction(() => {
    if (input.id !== undefined) {
      if (!db.prepare('SELECT 1 FROM competitors WHERE id = ?').get(input.id))
        throw new WorkbenchError('market/competitor-not-found', { id: input.id });
      db.prepare(
        'UPDATE competitors SET name = ?, products = ?, price_points = ?, shares = ?, strengths = ?, weaknesses = ?, recent_moves = ?, updated_at = ? WHERE id = ?',
      ).run(...values, nowIso(), input.id);
      return input.id;
    }
    return Number(
      db
        .prepare(
          'INSERT INTO competitors (name, products, price_points, shares, strengths, weaknesses, recent_moves, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(...values, nowIso(), nowIso()).lastInsertRowid,
    );
  })();
  return toCompetitor(db.prepare(`${COMP_SQL} WHERE id = ?`).get(id) as CompetitorRow, lostByCompetitor(db));
}

const NEWS_SQL = `SELECT n.id, n.date, n.source, n.region, n.product_line AS productLine, n.note, n.link, n.competitor_id AS competitorId, c.name AS competitor,
  n.year, n.team_id AS teamId, n.staff_id AS staffId, n.period, n.opportunity_id AS opportunityId, o.title AS opportunity
  FROM market_news n LEFT JOIN competitors c ON c.id = n.competitor_id LEFT JOIN opportunities o ON o.id = n.opportunity_id`;

export function listNews(db: Database, year?: number): MarketNewsItem[] {
  return db
    .prepare(
      `${NEWS_SQL}${year ? ' WHERE n.year = ? OR substr(n.date, 1, 4) = CAST(? AS TEXT)' : ''} ORDER BY n.date DESC, n.id DESC`,
    )
    .all(...(year ? [year, year] : [])) as MarketNewsItem[];
}

export function saveNews(ctx: ServiceContext, input: ParsedInput<'market/news-save'>): MarketNewsItem {
  const { db } = ctx;
  if (input.competitorId && !db.prepare('SELECT 1 FROM competitors WHERE id = ?').get(input.competitorId))
    throw new WorkbenchError('market/competitor-not-found', { id: input.competitorId });
  if (input.teamId && !db.prepare('SELECT 1 FROM teams WHERE id = ?').get(input.teamId))
    throw new WorkbenchError('plans/unknown-team', { team: input.teamId });
  if (input.staffId && !staffExists(db, input.staffId))
    throw new WorkbenchError('plans/unknown-person', { person: input.staffId });
  if (input.opportunityId) {
    const stage = db.prepare('SELECT stage FROM opportunities WHERE id = ?').pluck().get(input.opportunityId) as
      string | undefined;
    if (stage === undefined) throw new WorkbenchError('market/opportunity-not-found', { id: input.opportunityId });
    if (stage !== 'lost') throw new WorkbenchError('market/opportunity-not-lost', { id: input.opportunityId });
  }
  const values = [
    input.date,
    input.source ?? null,
    input.region ?? null,
    input.productLine ?? null,
    input.note,
    input.link ?? null,
    input.competitorId ?? null,
    input.year ?? null,
    input.teamId ?? null,
    input.staffId ?? null,
    input.period ?? null,
    input.opportunityId ?? null,
  ];
  const id = db.transaction(() => {
    if (input.id !== undefined) {
      if (!db.prepare('SELECT 1 FROM market_news WHERE id = ?').get(input.id))
        throw new WorkbenchError('market/news-not-found', { id: input.id });
      db.prepare(
        'UPDATE market_news SET date = ?, source = ?, region = ?, product_line = ?, note = ?, link = ?, competitor_id = ?, year = ?, team_id = ?, staff_id = ?, period = ?, opportunity_id = ? WHERE id = ?',
      ).run(...values, input.id);
      return input.id;
    }
    return Number(
      db
        .prepare(
          'INSERT INTO market_news (date, source, region, product_line, note, link, competitor_id, year, team_id, staff_id, period, opportunity_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(...values, nowIso()).lastInsertRowid,
    );
  })();
  return db.prepare(`${NEWS_SQL} WHERE n.id = ?`).get(id) as MarketNewsItem;
}

type StrategyRow = Omit<Strategy, 'discountBands' | 'listPrice'> & { discountBands: string; listPrice: number | null };
const STRAT_SQL =
  'SELECT id, year, product_line AS productLine, positioning, list_price AS listPrice, discount_bands AS discountBands, promotion_methods AS promotionMethods FROM sales_strategies';
const toStrategy = (r: StrategyRow): Strategy => ({
  ...r,
  listPrice: r.listPrice === null ? null : r.listPrice / 100,
  discountBands: JSON.parse(r.discountBands) as DiscountBand[],
});

export function listStrategies(db: Database, year: number): Strategy[] {
  return (db.prepare(`${STRAT_SQL} WHERE year = ? ORDER BY product_line`).all(year) as StrategyRow[]).map(toStrategy);
}

export function saveStrategy(ctx: ServiceContext, input: ParsedInput<'strategy/save'>): Strategy {
  const { db } = ctx;
  const before = db.prepare(`${STRAT_SQL} WHERE year = ? AND product_line = ?`).get(input.year, input.productLine) as
    StrategyRow | undefined;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sales_strategies (year, product_line, positioning, list_price, discount_bands, promotion_methods, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (year, product_line) DO UPDATE SET positioning = excluded.positioning, list_price = excluded.list_price, discount_bands = excluded.discount_bands,
         promotion_methods = excluded.promotion_methods, updated_at = excluded.updated_at`,
    ).run(
      input.year,
      input.productLine,
      input.positioning ?? null,
      input.listPrice == null ? null : Math.round(input.listPrice * 100),
      JSON.stringify(input.discountBands),
      input.promotionMethods ?? null,
      nowIso(),
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'sales_strategy',
      entityId: `${input.year}/${input.productLine}`,
      field: 'discountBands',
      oldValue: before?.discountBands ?? null,
      newValue: input.discountBands,
    });
  })();
  return toStrategy(
    db.prepare(`${STRAT_SQL} WHERE year = ? AND product_line = ?`).get(input.year, input.productLine) as StrategyRow,
  );
}

/**
 * The one definition of who may approve a discount (P2.4, and P3.3's contract approval): the lowest band
 * of the year's strategy for the product line that covers the discount. Beyond the last band nobody may
 * (allowed false); without a strategy there are no bands to check against (strategy false).
 */
export function discountApprover(
  db: Database,
  year: number,
  productLine: string,
  discountPct: number,
): { allowed: boolean; approver: DiscountBand['approver'] | null; band: DiscountBand | null; strategy: boolean } {
  const row = db.prepare(`${STRAT_SQL} WHERE year = ? AND product_line = ?`).get(year, productLine) as
    StrategyRow | undefined;
  if (!row) return { allowed: false, approver: null, band: null, strategy: false };
  const band = toStrategy(row).discountBands.find((b) => discountPct <= b.maxDiscountPct) ?? null;
  return { allowed: band !== null, approver: band?.approver ?? null, band, strategy: true };
}
