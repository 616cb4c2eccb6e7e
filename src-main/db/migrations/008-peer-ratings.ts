import type { Migration } from '../migrate';

/**
 * P6.1 teamwork, rated by the manager and optionally by peers: one row per (review, rated person,
 * rater, KPI). `level` is on the KPI's rubric scale, as the manager's review_ratings.score is; the
 * KPI's effective rating blends the two by the scheme's peer weight (services/review/peers.ts).
 */
export const migration008: Migration = {
  version: 8,
  name: 'peer ratings',
  sql: `
CREATE TABLE review_peer_ratings (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  rater_id INTEGER NOT NULL REFERENCES staff(id),
  kpi_key TEXT NOT NULL,
  level REAL NOT NULL,
  comment TEXT,
  rated_at TEXT NOT NULL,
  rated_by TEXT NOT NULL,
  CHECK (rater_id <> staff_id),
  UNIQUE (review_id, staff_id, rater_id, kpi_key)
) STRICT;
CREATE INDEX review_peer_ratings_person ON review_peer_ratings(review_id, staff_id, kpi_key);
CREATE INDEX review_peer_ratings_rater ON review_peer_ratings(rater_id);
`,
};
