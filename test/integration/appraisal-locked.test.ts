import { describe, expect, it } from 'vitest';
import { appraisalOps } from '../../src-main/contract/appraisal';
import { HAND_RATINGS, seedAppraisalCompany, decideOutcomes } from '../support/appraisal-fixture';
import { tmpWorkspace } from '../support/workspace';

function snapshot(db: import('better-sqlite3').Database) {
  const tables = [
    'reviews',
    'review_schemes',
    'review_entries',
    'review_kpi_values',
    'review_ratings',
    'review_peer_ratings',
    'review_outcomes',
    'incidents',
    'audit_log',
  ];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

describe('P6.4 the locked-appraisal guarantee', () => {
  it('refuses EVERY mutating appraisal operation once locked, with review/locked, a clear message, and nothing changed', async () => {
    const { call, attempt, ws } = tmpWorkspace('en');
    seedAppraisalCompany(ws.db);
    const computed = await call('appraisal/compute', { quarter: '2026Q3' });
    await call('appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS });
    // P6.1 teamwork peer rating, so that deleting one can be attempted once locked
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S2', kpi: 'teamwork', level: 4 });
    const peerId = (ws.db.prepare('SELECT id FROM review_peer_ratings').get() as { id: number }).id;
    const { definition } = await call('appraisal/scheme', { quarter: '2026Q3' });
    await decideOutcomes(call, '2026Q3');
    await call('appraisal/approve', { quarter: '2026Q3' });
    await call('appraisal/lock', { quarter: '2026Q3' });
    const outcomeId = computed.changed[0].outcomes[0].id;
    const quarter = '2026Q3';
    const attempts: Record<string, unknown> = {
      'appraisal/save-scheme': { quarter, definition },
      'appraisal/compute': { quarter },
      'appraisal/rate': { quarter, person: 'S1', kpi: 'teamwork', score: 5 },
      'appraisal/rate-many': { quarter, ratings: [{ person: 'S1', kpi: 'teamwork', score: 5 }] },
      'appraisal/peer-rate': { quarter, person: 'S1', rater: 'S3', kpi: 'teamwork', level: 5 },
      'appraisal/delete-peer-rating': { id: peerId },
      'appraisal/adjust': { quarter, person: 'S1', total: 50, reason: 'x' },
      'appraisal/feedback': { quarter, person: 'S1', feedback: '继续保持' },
      'appraisal/decide-outcome': { quarter, id: outcomeId, decision: 'confirmed' },
      'appraisal/submit': { quarter },
      'appraisal/approve': { quarter },
      'appraisal/lock': { quarter },
      'appraisal/reopen': { quarter, reason: '改错' },
      'appraisal/record-incident': {
        person: 'S1',
        date: '2026-08-01',
        kind: 'violation',
        description: 'x',
        evidence: 'y',
      },
    };
    // a new mutating operation must be added here, so that the guarantee keeps covering everything
    const mutating = Object.entries(appraisalOps)
      .filter(([, spec]) => spec.mutates)
      .map(([name]) => name)
      .sort();
    expect(Object.keys(attempts).sort()).toEqual(mutating);

    const before = snapshot(ws.db);
    for (const [name, input] of Object.entries(attempts)) {
      const r = await attempt(name, input);
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code, name).toBe('review/locked');
        expect(r.error.message).toBe('The appraisal of 2026Q3 is locked: it can no longer be changed.');
      }
    }
    const zh = await attempt('appraisal/rate', attempts['appraisal/rate'], 'zh-CN');
    expect(!zh.ok && zh.error.message).toBe('2026Q3的考核已锁定，不能再修改。');
    expect(snapshot(ws.db)).toEqual(before);
    // reading still works
    expect((await call('appraisal/show', { quarter })).status).toBe('locked');
  });

  it('walks draft → rated → submitted → approved → locked, auditing each step; approval needs every rating', async () => {
    const { call, attempt, ws } = tmpWorkspace('en');
    seedAppraisalCompany(ws.db);
    await call('appraisal/compute', { quarter: '2026Q3' });
    const early = await attempt('appraisal/approve', { quarter: '2026Q3' });
    expect(!early.ok && early.error).toMatchObject({ code: 'review/ratings-missing', details: { count: 12 } });
    await call('appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS });
    expect((await call('appraisal/show', { quarter: '2026Q3' })).status).toBe('rated');
    await call('appraisal/submit', { quarter: '2026Q3' });
    // submitted: scores are frozen until reopened; feedback may still be written
    const rate = await attempt('appraisal/rate', { quarter: '2026Q3', person: 'S1', kpi: 'teamwork', score: 5 });
    expect(!rate.ok && rate.error.code).toBe('review/not-editable');
    await call('appraisal/feedback', {
      quarter: '2026Q3',
      person: 'S1',
      feedback: '完成率突出，注意客户回访。',
      selfAssessment: '本季度签约两个大客户。',
    });
    await call('appraisal/reopen', { quarter: '2026Q3', reason: '补充评分' });
    expect((await call('appraisal/show', { quarter: '2026Q3' })).status).toBe('rated');
    await decideOutcomes(call, '2026Q3');
    await call('appraisal/approve', { quarter: '2026Q3' });
    await call('appraisal/lock', { quarter: '2026Q3' });
    const steps = ws.db
      .prepare(
        "SELECT old_value AS o, new_value AS n FROM audit_log WHERE entity = 'review' AND field = 'status' ORDER BY id",
      )
      .all();
    expect(steps).toEqual([
      { o: null, n: 'draft' },
      { o: 'rated', n: 'submitted' },
      { o: 'submitted', n: 'draft' },
      { o: 'rated', n: 'submitted' },
      { o: 'submitted', n: 'approved' },
      { o: 'approved', n: 'locked' },
    ]);
  });
});
