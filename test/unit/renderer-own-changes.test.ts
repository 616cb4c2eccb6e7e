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

  it('a failed change expects no echo, and an expectation lapses after a few seconds', async () => {
    const own = await load();
    own.expectOwnChange('appraisal/compute');
    own.cancelOwnChange('appraisal/compute');
    expect(own.isOwnEcho('appraisal/compute')).toBe(false);
    own.expectOwnChange('appraisal/lock');
    vi.advanceTimersByTime(6_000);
    expect(own.isOwnEcho('appraisal/lock')).toBe(false);
  });
});
