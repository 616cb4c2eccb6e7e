import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Issue 12 item 12: the window's own change comes back as a data/changed event; refreshing on that echo
// fetched the whole review (a megabyte for 1,000 people) a second time. The echo is dropped, once.
describe('own changes and their echo (renderer/backend/ownChanges.ts)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', globalThis);
    vi.resetModules();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const load = () => import('../../src-renderer/backend/ownChanges');

  it('drops the echo of an own change exactly once, and only for that operation', async () => {
    const own = await load();
    own.expectOwnChange('appraisal/compute');
    expect(own.isOwnEcho('appraisal/rate')).toBe(false);
    expect(own.isOwnEcho('appraisal/compute')).toBe(true);
    // the next change of the same operation (another door, another tab) is refreshed again
    expect(own.isOwnEcho('appraisal/compute')).toBe(false);
  });

  it('two own changes in flight drop two echoes', async () => {
    const own = await load();
    own.expectOwnChange('targets/edit');
    own.expectOwnChange('targets/edit');
    expect([own.isOwnEcho('targets/edit'), own.isOwnEcho('targets/edit'), own.isOwnEcho('targets/edit')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('a failed change expects no echo, and an expectation lapses a few seconds after the answer', async () => {
    const own = await load();
    own.cancelOwnChange(own.expectOwnChange('appraisal/compute'));
    expect(own.isOwnEcho('appraisal/compute')).toBe(false);
    const lock = own.expectOwnChange('appraisal/lock');
    vi.advanceTimersByTime(20_000); // a slow change: still expected while it runs
    own.ownChangeDone(lock);
    vi.advanceTimersByTime(4_000);
    expect(own.isOwnEcho('appraisal/lock')).toBe(true);
    own.ownChangeDone(own.expectOwnChange('appraisal/lock'));
    vi.advanceTimersByTime(6_000);
    expect(own.isOwnEcho('appraisal/lock')).toBe(false);
  });

  it("an earlier change's lapse does not take a later change's expectation with it", async () => {
    // recomputing twice within a few seconds: the second echo refetched everything (settings, system info, the review)
    const own = await load();
    const first = own.expectOwnChange('appraisal/compute');
    own.ownChangeDone(first);
    expect(own.isOwnEcho('appraisal/compute')).toBe(true);
    vi.advanceTimersByTime(3_000);
    const second = own.expectOwnChange('appraisal/compute');
    vi.advanceTimersByTime(2_500); // the first one's lapse has passed
    own.ownChangeDone(second);
    expect(own.isOwnEcho('appraisal/compute')).toBe(true);
  });
});
