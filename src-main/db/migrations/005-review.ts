import type { Migration } from '../migrate';

/**
 * P6 appraisal: the facts behind a KPI value (for completion: the quarter's target and actual sales in
 * fen) so the printed report can show target and actual beside the score.
 */
export const migration005: Migration = {
  version: 5,
  name: 'review kpi detail',
  sql: `
ALTER TABLE review_kpi_values ADD COLUMN target INTEGER;
ALTER TABLE review_kpi_values ADD COLUMN actual INTEGER;
CREATE INDEX review_outcomes_review ON review_outcomes(review_id, staff_id);
CREATE INDEX incidents_date ON incidents(date);
`,
};
