import type { Migration } from '../migrate';

/**
 * P3.3 with P2.4: a contract names the product line whose strategy's discount bands its approval is
 * checked against (services/plans/market.ts, `discountApprover`). Without one, the line of the
 * opportunity's product is used. Added as a column, so the contracts of migration 11 stay as they were.
 */
export const migration014: Migration = {
  version: 14,
  name: 'contract product line',
  sql: `
ALTER TABLE contracts ADD COLUMN product_line TEXT;
`,
};
