import { lacksLanguage, missingTexts } from '../../src/domain/bilingual';
import { synergyEntry } from '../../src/domain/model';
import { filterEntries } from '../../src/domain/queries';

describe('bilingual completeness', () => {
  test('a field counts as missing when the other language has text and this one has none (blank is none)', () => {
    const entry = { title: { nl: 'Gedeelde archivaris', fr: '  ' }, description: { nl: 'Tekst' }, department: { fr: 'Service' }, subheading: {} };
    expect(missingTexts(entry, 'fr')).toEqual(['title', 'description']);
    expect(missingTexts(entry, 'nl')).toEqual(['department']);
    expect(lacksLanguage(entry, 'fr')).toBe(true);
  });
  test('an entry with both languages or none lacks nothing', () => {
    expect(missingTexts({ title: { nl: 'A', fr: 'B' }, qualitativeBenefit: {} }, 'fr')).toEqual([]);
    expect(missingTexts({}, 'nl')).toEqual([]);
    expect(lacksLanguage({ title: { nl: 'A', fr: 'B' } }, 'nl')).toBe(false);
  });
  test('every text the annex prints counts: sub-heading and qualitative benefit too; English does not', () => {
    expect(missingTexts({ title: { nl: 'A', fr: 'A' }, subheading: { fr: 'Intertitre' }, qualitativeBenefit: { nl: 'Sneller' } }, 'nl')).toEqual([
      'subheading',
    ]);
    expect(missingTexts({ title: { nl: 'A', fr: 'A' }, qualitativeBenefit: { nl: 'Sneller' } }, 'fr')).toEqual(['qualitativeBenefit']);
    expect(missingTexts({ title: { en: 'Shared archivist', nl: 'Gedeelde archivaris' } }, 'fr')).toEqual(['title']);
    expect(missingTexts({ title: { en: 'Shared archivist' } }, 'fr')).toEqual([]);
  });
});

describe('the register filter on a missing language', () => {
  const entry = (id: string, title: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    ...synergyEntry.parse({ domain: 'HR', status: 'existing', kind: 'synergy', formalisation: 'informal_exchange', title, ...extra }),
    id,
  });
  const entries = [
    entry('1', { nl: 'Enkel Nederlands' }),
    entry('2', { fr: 'Seulement français' }),
    entry('3', { nl: 'Beide', fr: 'Les deux' }),
    entry('4', { nl: 'Beide titels', fr: 'Les deux titres' }, { description: { fr: 'Description seulement en français' } }),
  ];
  test('keeps only the entries lacking that language, with the other filters', () => {
    expect(filterEntries(entries, { missing: 'fr' }).map((e) => e.id)).toEqual(['1']);
    expect(filterEntries(entries, { missing: 'nl' }).map((e) => e.id)).toEqual(['2', '4']);
    expect(filterEntries(entries, { missing: 'nl', text: 'description' }).map((e) => e.id)).toEqual(['4']);
    expect(filterEntries(entries, {}).map((e) => e.id)).toEqual(['1', '2', '3', '4']);
  });
});
