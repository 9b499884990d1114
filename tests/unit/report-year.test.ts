import { mayCloseYear, reportYearStatus } from '../../src/domain/report-year';

const mention = (reportYear: number, rolledOver?: true) => ({
  reportYear,
  status: 'existing' as const,
  italic: false,
  listed: true,
  ...(rolledOver ? { rolledOver } : {}),
});

describe('a report year: open, closed by the register or filed', () => {
  const entries = [{ mentions: [mention(2025), mention(2026, true)] }, { mentions: [mention(2026, true)] }];

  test('filed when a filed report was read back for it, closed when only the register froze it, else open', () => {
    expect(reportYearStatus(entries, 2025)).toBe('filed');
    expect(reportYearStatus(entries, 2026)).toBe('closed');
    expect(reportYearStatus(entries, 2027)).toBe('open');
  });

  test('closing is offered only for an open past or current (Brussels) year', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(mayCloseYear('open', 2026, now)).toBe(true);
    expect(mayCloseYear('open', 2024, now)).toBe(true);
    expect(mayCloseYear('open', 2027, now)).toBe(false);
    expect(mayCloseYear('filed', 2025, now)).toBe(false);
    expect(mayCloseYear('closed', 2026, now)).toBe(false);
    // 00:30 on 1 January in Brussels: the new year has begun there
    expect(mayCloseYear('open', 2027, new Date('2026-12-31T23:30:00Z'))).toBe(true);
  });
});
