import { MESSAGES, plural, translate } from '../../src/tab/web/i18n';
import { intlLocale, languageOf, resolveLanguage } from '../../src/tab/web/locale';

describe('tab translations', () => {
  test('Dutch and French are really translated (not copies of English) for the main labels', () => {
    for (const key of ['app.title', 'register.title', 'banner.localMode', 'conflict.title', 'actions.markDone'] as const) {
      expect(MESSAGES.nl[key]).not.toBe(MESSAGES.en[key]);
      expect(MESSAGES.fr[key]).not.toBe(MESSAGES.en[key]);
    }
    expect(translate('nl', 'banner.localMode')).toBe('Lokale modus — lokale identiteit.');
  });

  test('placeholders are filled; unknown ones stay visible', () => {
    expect(translate('fr', 'register.pageOf', { page: 2, pages: 9 })).toBe('Page 2 sur 9');
    expect(translate('nl', 'register.pageOf', { page: 2 })).toBe('Pagina 2 van {pages}');
  });

  test('plural forms follow the language', () => {
    expect(plural('nl', 'register.found', 1)).toBe('1 maatregel gevonden');
    expect(plural('nl', 'register.found', 2)).toBe('2 maatregelen gevonden');
    expect(plural('fr', 'register.found', 0)).toBe('0 mesure trouvée'); // French: 0 is singular
    expect(plural('fr', 'register.found', 5000, undefined, '5 000')).toBe('5 000 mesures trouvées');
  });
});

describe('tab language choice', () => {
  test('language tags', () => {
    expect(languageOf('nl-be')).toBe('nl');
    expect(languageOf('FR_be')).toBe('fr');
    expect(languageOf('de-de')).toBeUndefined();
    expect(languageOf(undefined)).toBeUndefined();
  });

  test('in Teams the Teams locale decides, English for other languages; ?lang and the saved choice win', () => {
    expect(resolveLanguage({ teamsLocale: 'fr-be', browser: 'nl-BE', fallback: 'nl' })).toBe('fr');
    expect(resolveLanguage({ teamsLocale: 'de-de', fallback: 'nl' })).toBe('en');
    expect(resolveLanguage({ teamsLocale: 'fr-be', saved: 'nl', fallback: 'nl' })).toBe('nl');
    expect(resolveLanguage({ query: 'fr', saved: 'nl', teamsLocale: 'nl-be', fallback: 'nl' })).toBe('fr');
  });

  test('outside Teams: the browser language if Dutch or French, else the server default', () => {
    expect(resolveLanguage({ browser: 'fr-FR', fallback: 'nl' })).toBe('fr');
    expect(resolveLanguage({ browser: 'en-US', fallback: 'nl' })).toBe('nl');
    expect(resolveLanguage({ browser: 'en-US', fallback: 'fr' })).toBe('fr');
    expect(resolveLanguage({ query: 'xx', browser: 'nl', fallback: 'fr' })).toBe('nl');
  });

  test('Intl locale: the host region when the language matches, else Belgium', () => {
    expect(intlLocale('nl', 'nl-nl')).toBe('nl-NL');
    expect(intlLocale('fr', 'fr-be')).toBe('fr-BE');
    expect(intlLocale('fr', 'nl-be')).toBe('fr-BE');
    expect(intlLocale('en', 'en-us')).toBe('en-US');
    expect(intlLocale('nl')).toBe('nl-BE');
  });
});
