import { missingTexts } from '../../src/tab/web/views/completeness';

describe('bilingual completeness', () => {
  test('a field counts as missing when the other language has text and this one has none (blank is none)', () => {
    const entry = { title: { nl: 'Gedeelde archivaris', fr: '  ' }, description: { nl: 'Tekst' }, department: { fr: 'Service' }, subheading: {} };
    expect(missingTexts(entry, 'fr')).toEqual(['title', 'description']);
    expect(missingTexts(entry, 'nl')).toEqual(['department']);
  });
  test('an entry with both languages or none lacks nothing', () => {
    expect(missingTexts({ title: { nl: 'A', fr: 'B' }, qualitativeBenefit: {} }, 'fr')).toEqual([]);
    expect(missingTexts({}, 'nl')).toEqual([]);
  });
});
