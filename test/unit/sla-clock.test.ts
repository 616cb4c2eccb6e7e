import { describe, expect, it } from 'vitest';
import { workDay, workingHours, yearsWithoutSchedule } from '../../src-main/services/tickets/sla-clock';

// P4.6: working hours 09:00–18:00 (9 h a day) on China's working days; hand-counted below.
const wd = workDay('09:00', '18:00');

describe('P4.6 SLA clock: working hours on working days, paused while waiting on the customer', () => {
  it('counts hours within one working day', () => {
    expect(workingHours('2026-03-02T10:00', '2026-03-02T15:30', [], wd)).toBe(5.5); // Monday
  });

  it('skips the weekend: Friday 16:00 → Monday 11:00 is 2 h + 2 h', () => {
    expect(workingHours('2026-03-06T16:00', '2026-03-09T11:00', [], wd)).toBe(4);
  });

  it('starts counting at the next working hour when opened outside them', () => {
    expect(workingHours('2026-03-07T10:00', '2026-03-09T10:00', [], wd)).toBe(1); // Saturday → Monday 09:00–10:00
    expect(workingHours('2026-03-02T20:00', '2026-03-03T08:00', [], wd)).toBe(0);
  });

  it('skips the Spring Festival holiday and counts its adjusted Saturday (调休, 2026-02-14)', () => {
    // Fri 13th 17–18 (1 h) + Sat 14th worked (9 h) + 15th–23rd holiday + Tue 24th 09–10 (1 h)
    expect(workingHours('2026-02-13T17:00', '2026-02-24T10:00', [], wd)).toBe(11);
    // Fri 27th 17–18 (1 h) + Sat 28th worked (9 h) + Mon 2 March 09–10 (1 h)
    expect(workingHours('2026-02-27T17:00', '2026-03-02T10:00', [], wd)).toBe(11);
  });

  it('stops while waiting on the customer, across days', () => {
    // Mon 09:00 → Wed 15:00 is 9 + 9 + 6 = 24 h; waiting Mon 16:00 → Wed 11:00 is 2 + 9 + 2 = 13 h
    expect(
      workingHours(
        '2026-03-02T09:00',
        '2026-03-04T15:00',
        [{ start: '2026-03-02T16:00', end: '2026-03-04T11:00' }],
        wd,
      ),
    ).toBe(11);
    // a pause across a weekend: Fri 17:00 → Mon 10:00 is 1 + 1 = 2 h of the 9 + 9 − … span
    expect(
      workingHours(
        '2026-03-06T09:00',
        '2026-03-09T18:00',
        [{ start: '2026-03-06T17:00', end: '2026-03-09T10:00' }],
        wd,
      ),
    ).toBe(18 - 2);
  });

  it('runs an open pause to the end of the span, and clips pauses to it', () => {
    expect(workingHours('2026-03-02T09:00', '2026-03-03T12:00', [{ start: '2026-03-02T12:00', end: null }], wd)).toBe(
      3,
    );
    expect(
      workingHours(
        '2026-03-02T12:00',
        '2026-03-02T18:00',
        [{ start: '2026-03-02T08:00', end: '2026-03-02T13:00' }],
        wd,
      ),
    ).toBe(5);
  });

  it('says which years lack the official schedule (only weekends are known there)', () => {
    expect(yearsWithoutSchedule('2026-01-01', '2026-12-31')).toEqual([]);
    expect(yearsWithoutSchedule('2026-12-01', '2027-01-31')).toEqual([2027]);
  });
});

describe('P4.6 SLA clock across years', () => {
  it('counts across New Year, before and after the clock origin alike', () => {
    // Wed 2025-12-31 17:00 → Mon 2026-01-05 10:00: 1 h, then 1–3 Jan holiday, Sun 4 Jan worked (调休) 9 h, Mon 1 h
    expect(workingHours('2025-12-31T17:00', '2026-01-05T10:00', [], wd)).toBe(11);
    // Thu 2021-12-30 17–18 (1 h), Fri 31st worked (9 h), 1–3 Jan 2022 holiday, Tue 4th 09–10 (1 h)
    expect(workingHours('2021-12-30T17:00', '2022-01-04T10:00', [], wd)).toBe(11);
  });
});
