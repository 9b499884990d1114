import { CATALOGUE } from '../../src/i18n/catalogue';

/**
 * One register of language: the Dutch texts address the reader formally ("u/uw", never "je/jouw"), and one
 * concept has one word — a poll is a "stemming" in Dutch and a "sondage" in French, everywhere.
 */
const texts = Object.entries(CATALOGUE as Record<string, Partial<Record<'nl' | 'fr' | 'en', string>>>);

test('Dutch texts say "u/uw", never "je/jij/jouw"', () => {
  const informal = texts.filter(([, t]) => /\b(je|jij|jou|jouw|jullie)\b/i.test(t.nl ?? '')).map(([key]) => key);
  expect(informal).toEqual([]);
});

test('a poll is a "stemming" in Dutch and a "sondage" in French', () => {
  expect(texts.filter(([, t]) => /\bpeiling/i.test(t.nl ?? '')).map(([key]) => key)).toEqual([]);
  expect(texts.filter(([, t]) => /\bscrutin|\bconsultation\b/i.test(t.fr ?? '')).map(([key]) => key)).toEqual([]);
});
