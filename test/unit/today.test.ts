import { afterEach, describe, expect, it, vi } from 'vitest';
import { today } from '../../src-main/services/context';

describe('today (one definition for every service)', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    process.env.TZ = tz;
  });

  it('is the date on the computer’s own clock, not the UTC date (China is UTC+8)', () => {
    process.env.TZ = 'Asia/Shanghai';
    vi.useFakeTimers({ now: new Date('2026-03-01T20:30:00Z') }); // 04:30 on 2 March in Beijing
    expect(today()).toBe('2026-03-02');
    vi.setSystemTime(new Date('2026-12-31T15:59:59Z')); // 23:59:59 on 31 December
    expect(today()).toBe('2026-12-31');
    vi.setSystemTime(new Date('2026-12-31T16:00:00Z')); // midnight: the new year
    expect(today()).toBe('2027-01-01');
  });
});
