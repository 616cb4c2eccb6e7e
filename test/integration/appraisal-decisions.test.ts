import { describe, expect, it } from 'vitest';
import { HAND_RATINGS, seedAppraisalCompany } from '../support/appraisal-fixture';
import { tmpWorkspace } from '../support/workspace';

/** The hand-computed company's 2026Q3 appraisal, computed and fully rated: its rules propose rewards and penalties. */
async function rated(lang: 'en' | 'zh-CN' = 'en') {
  const w = tmpWorkspace(lang);
  seedAppraisalCompany(w.ws.db);
  await w.call('appraisal/compute', { quarter: '2026Q3' });
  await w.call('appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS });
  const proposed = () =>
    w.ws.db
      .prepare(
        "SELECT o.id, o.type, s.employee_no AS no FROM review_outcomes o JOIN staff s ON s.id = o.staff_id WHERE o.status = 'proposed' ORDER BY s.employee_no, o.id",
      )
      .all() as { id: number; type: string; no: string }[];
  const audits = () => w.ws.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  return { ...w, proposed, audits };
}

describe('P6.2, P6.3 rewards and penalties are decided before the appraisal is approved (P6.4)', () => {
  it('approval is refused while any proposal is open, naming each one; nothing changes', async () => {
    const { attempt, call, proposed, audits } = await rated();
    const open = proposed();
    // The rules propose something for each of the three (bonus, deduction, honour, …): see appraisal-compute.test.ts.
    expect(new Set(open.map((o) => o.no))).toEqual(new Set(['S1', 'S2', 'S3']));
    const before = audits();
    const r = await attempt('appraisal/approve', { quarter: '2026Q3' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      code: 'review/outcomes-undecided',
      details: { quarter: '2026Q3', count: open.length, ids: open.map((o) => o.id) },
    });
    expect(r.error.message).toMatch(
      /^The 2026Q3 appraisal still has \d+ proposed rewards or penalties: confirm or reject each/,
    );
    expect(r.error.message).toContain('张伟 (S1): Bonus');
    expect(r.error.message).toContain('李娜 (S2): Bonus deduction');
    expect(audits()).toBe(before);
    expect((await call('appraisal/show', { quarter: '2026Q3' })).status).toBe('rated');
    // Submitting for approval is still possible; approving the submitted appraisal is refused the same way.
    await call('appraisal/submit', { quarter: '2026Q3' });
    const again = await attempt('appraisal/approve', { quarter: '2026Q3' });
    expect(!again.ok && again.error.code).toBe('review/outcomes-undecided');
  });

  it('says so in Chinese too', async () => {
    const { attempt } = await rated('zh-CN');
    const r = await attempt('appraisal/approve', { quarter: '2026Q3' });
    expect(!r.ok && r.error.message).toMatch(/^2026Q3的考核还有 \d+ 项奖惩建议待确认：批准或锁定前请逐项确认或否决（/);
    expect(!r.ok && r.error.message).toContain('张伟 (S1): 奖金');
  });

  it('once each proposal is confirmed or rejected it is approved; a decision taken back blocks the lock; the locked report shows the decisions', async () => {
    const { attempt, call, proposed } = await rated();
    const open = proposed();
    const rejected = open.find((o) => o.type === 'deduction')!;
    for (const o of open)
      await call('appraisal/decide-outcome', {
        quarter: '2026Q3',
        id: o.id,
        decision: o === rejected ? 'rejected' : 'confirmed',
      });
    await call('appraisal/approve', { quarter: '2026Q3' });
    // Still changeable while approved: back to "proposed", and the lock is refused until it is decided again.
    await call('appraisal/decide-outcome', { quarter: '2026Q3', id: rejected.id, decision: 'proposed' });
    const lock = await attempt('appraisal/lock', { quarter: '2026Q3' });
    expect(!lock.ok && lock.error).toMatchObject({
      code: 'review/outcomes-undecided',
      details: { count: 1, ids: [rejected.id] },
    });
    expect((await call('appraisal/show', { quarter: '2026Q3' })).status).toBe('approved');
    await call('appraisal/decide-outcome', { quarter: '2026Q3', id: rejected.id, decision: 'rejected' });
    await call('appraisal/lock', { quarter: '2026Q3' });

    const { html } = await call('report/appraisal-html', { quarter: '2026Q3' });
    const decisions = [...html.matchAll(/<td>(Proposed|Confirmed|Rejected)<\/td><\/tr>/g)].map((m) => m[1]);
    expect(decisions).toHaveLength(open.length);
    expect(decisions.filter((d) => d === 'Rejected')).toHaveLength(1);
    expect(decisions.filter((d) => d === 'Confirmed')).toHaveLength(open.length - 1);
    expect(html).not.toContain('Proposed');
  });
});
