import type { Migration } from '../migrate';

/**
 * P1.5, P2.3 (issue 15 item 1): a market news item may be tied to the opportunity it explains, once
 * opportunities exist (migration 11): a lost deal and the competitor's move behind it. The competitor's own
 * lost deals are read from the opportunities' `competitor` (the name recorded when a deal is lost), so they
 * need no column; the index serves that look-up.
 */
export const migration015: Migration = {
  version: 15,
  name: 'market news tied to lost opportunities',
  sql: `
ALTER TABLE market_news ADD COLUMN opportunity_id INTEGER REFERENCES opportunities(id);
CREATE INDEX market_news_opportunity ON market_news(opportunity_id);
CREATE INDEX opportunities_lost_competitor ON opportunities(competitor COLLATE NOCASE) WHERE stage = 'lost';
`,
};
