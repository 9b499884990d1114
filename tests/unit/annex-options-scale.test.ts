import { AnnexService } from '../../src/annex/annex-service';
import type { Register } from '../../src/register/register-service';

/** The annex's year list holds for a register of any size (no call with one argument per year found). */
test('the years of 200 000 measures, each with report mentions', async () => {
  const entries = Array.from({ length: 200_000 }, (_, i) => ({
    id: String(i + 1),
    startYear: 2000 + (i % 27),
    endYear: null,
    mentions: [{ reportYear: 2010 + (i % 15) }],
  }));
  const register = {
    entries: { list: async () => entries },
    reports: { list: async () => [] },
    clock: { now: () => new Date('2026-03-01T10:00:00Z') },
  } as unknown as Register;
  const options = await new AnnexService(register, { municipality: { nl: 'Ukkel', fr: 'Uccle' }, language: 'nl' }).options();
  expect(options.years[0]).toBe(2027);
  expect(options.years.at(-1)).toBe(2000);
});
