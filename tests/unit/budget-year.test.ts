import { brusselsYear, comingBudgetYear, defaultAnnexYear } from '../../src/domain/budget-year';

describe('the coming budget year (Brussels calendar)', () => {
  test('is the Brussels calendar year plus one', () => {
    expect(comingBudgetYear(new Date('2026-06-15T10:00:00Z'))).toBe(2027);
  });

  test('turns at midnight in Brussels, not at midnight UTC', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Brussels (winter time, UTC+1)
    expect(brusselsYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(comingBudgetYear(new Date('2026-12-31T23:30:00Z'))).toBe(2028);
    expect(comingBudgetYear(new Date('2026-12-31T22:59:00Z'))).toBe(2027);
  });

  test('an annex screen proposes the coming year when offered, else the nearest offered year', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    expect(defaultAnnexYear([2028, 2027, 2026], now)).toBe(2027);
    expect(defaultAnnexYear([2025, 2024], now)).toBe(2025);
    expect(defaultAnnexYear([], now)).toBe(2027);
  });
});
