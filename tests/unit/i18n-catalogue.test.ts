import { z } from 'zod';
import { CATALOGUE, plural, scoped, translate, translateKey } from '../../src/i18n/catalogue';
import { codeOfZodIssue, describeIssue, fieldLabel, reasonText } from '../../src/i18n/validation';
import { action, synergyEntry } from '../../src/domain/model';
import { ValidationError } from '../../src/register/errors';
import { validate } from '../../src/register/register-service';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the one message catalogue', () => {
  test('every key has a Dutch, French and English text with the same placeholders', () => {
    for (const [key, texts] of Object.entries(CATALOGUE)) {
      for (const lang of ['nl', 'fr', 'en'] as const) expect([key, lang, texts[lang].trim().length > 0]).toEqual([key, lang, true]);
      expect([key, placeholders(texts.nl)]).toEqual([key, placeholders(texts.en)]);
      expect([key, placeholders(texts.fr)]).toEqual([key, placeholders(texts.en)]);
    }
  });

  test('holds the five former places: tab, bot, pane, annex and vocabulary labels', () => {
    expect(translate('fr', 'tab.app.title')).toBe('Registre des synergies');
    expect(scoped('bot', 'fr')('poll.started', { id: 3 })).toBe('Sondage 3 lancé.');
    expect(scoped('pane', 'nl')('insert')).toBe('Invoegen');
    expect(translate('nl', 'annex.synergies')).toBe('SYNERGIEËN');
    expect(translate('fr', 'domain.SOC.HOUS')).toBe('Logement');
    expect(translate('nl', 'status.stopped')).toBe('Stopgezet');
  });

  test('Dutch and French are not copies of English for the validation reasons', () => {
    for (const [key, texts] of Object.entries(CATALOGUE)) {
      if (!key.startsWith('validation.') || key.startsWith('validation.type.') || key === 'validation.labelled') continue;
      expect([key, texts.nl === texts.en]).toEqual([key, false]);
      expect([key, texts.fr === texts.en]).toEqual([key, false]);
    }
  });

  test('placeholders are filled, plurals follow the language, unknown keys fall back', () => {
    expect(translate('fr', 'tab.register.pageOf', { page: 2, pages: 9 })).toBe('Page 2 sur 9');
    expect(plural('fr', 'tab.register.found', 0)).toBe('0 mesure trouvée');
    expect(translateKey('nl', 'no.such.key', undefined, 'fallback {x}')).toBe('fallback {x}');
  });
});

describe('validation reasons as message codes', () => {
  const issues = (schema: z.ZodTypeAny, input: unknown) => {
    try {
      validate(schema, input);
    } catch (e) {
      return (e as ValidationError).issues;
    }
    throw new Error('expected a ValidationError');
  };

  test('zod issues become codes with parameters; the English reason is kept for scripts', () => {
    const found = issues(synergyEntry, {
      title: { nl: ' ' },
      domain: 'SPORT',
      status: 'existing',
      kind: 'synergy',
      form: 'subsidy',
      startYear: 1900,
      extra: 1,
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', code: 'needs_text', reason: 'needs a text in Dutch, French or English' }),
        expect.objectContaining({ field: 'domain', code: 'invalid_option' }),
        expect.objectContaining({ field: 'startYear', code: 'too_small', params: { min: 1976 } }),
        expect.objectContaining({ field: '', code: 'unknown_field', params: { keys: 'extra' } }),
      ]),
    );
  });

  test('a Dutch or French screen reads the reason with the field label, never the English text', () => {
    const issue = { field: 'title.nl', code: 'too_long', params: { max: 500 } };
    expect(describeIssue('nl', issue)).toBe('Titel (Nederlands): mag hoogstens 500 tekens hebben');
    expect(describeIssue('fr', issue)).toBe('Titre (néerlandais)\u00a0: ne peut dépasser 500 caractères');
    expect(fieldLabel('nl', 'contacts.0.email')).toBe('Contactpersonen › 1 › E-mailadres');
    expect(reasonText('fr', { code: 'invalid_type', params: { expected: 'number' } })).toBe('doit être un nombre');
    const done = issues(action, { title: 'x', owner: { name: 'A' }, status: 'done' });
    expect(describeIssue('nl', done[0])).toMatch(/^Datum van afwerking: een afgewerkte actie/);
  });

  test('an unknown custom issue falls back to "invalid" in the reader\'s language', () => {
    const custom = codeOfZodIssue({ code: 'custom', path: [], message: 'raw English' });
    expect(custom).toEqual({ code: 'invalid' });
    expect(reasonText('nl', custom)).toBe('is ongeldig');
  });
});
