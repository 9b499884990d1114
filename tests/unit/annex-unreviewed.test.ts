import { assertPrintable } from '../../src/annex';
import { buildAnnexModel } from '../../src/annex/model';
import { ERROR_STATUS } from '../../src/domain/errors';
import { reportTemplate } from '../../src/domain/template';
import { translate } from '../../src/i18n';
import { entry, TEMPLATE } from './annex-fixtures';

/** A template may refuse to print an annex whose texts in its language a machine translated and nobody reviewed. */
describe('unreviewed machine translations in the printed annex', () => {
  const translated = entry({
    title: { nl: 'Gezamenlijke aankoop', fr: 'Achat groupé' },
    description: { nl: 'Voor beide besturen', fr: 'Pour les deux administrations' },
    startYear: 2023,
    machineTranslated: [
      { field: 'title', language: 'fr' },
      { field: 'description', language: 'fr' },
    ],
  });
  const reviewed = entry({ title: { nl: 'Gedeelde jurist', fr: 'Juriste partagé' }, startYear: 2023 });
  const model = (choice: 'list' | 'refuse' | undefined, language: 'nl' | 'fr', entries = [translated, reviewed]) =>
    buildAnnexModel({
      entries,
      meetings: [],
      templates: [reportTemplate.parse({ ...TEMPLATE, ...(choice ? { machineTranslations: choice } : {}) })],
      year: 2023,
      language,
      municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' },
    });

  it("lists them by default: a template without the choice reads 'list' and the annex is printed", () => {
    expect(reportTemplate.parse(TEMPLATE).machineTranslations).toBe('list');
    const fr = model(undefined, 'fr');
    expect(fr.meta.template.machineTranslations).toBe('list');
    expect(fr.meta.machineTranslated).toEqual([{ id: translated.id, title: 'Achat groupé', fields: ['title', 'description'] }]);
    expect(assertPrintable(fr)).toBe(fr);
  });

  it("with 'refuse', refuses the annex in the language still to review, naming how many texts, in the reader's language", () => {
    const fr = model('refuse', 'fr');
    let thrown: unknown;
    try {
      assertPrintable(fr);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'unreviewed_translations', count: 2, language: 'fr' });
    expect(ERROR_STATUS.unreviewed_translations).toBe(409);
    const error = thrown as { messageKey(): string; params(): Record<string, string | number> };
    expect(error.messageKey()).toBe('unreviewed_translations');
    expect(translate('fr', 'errors.unreviewed_translations', error.params())).toContain('2 texte(s) dans cette langue doivent encore être relus');
    expect(translate('nl', 'errors.unreviewed_translations', error.params())).toContain('2 tekst(en) in deze taal');
  });

  it("with 'refuse', prints the other language and prints again once every text is reviewed", () => {
    const nl = model('refuse', 'nl');
    expect(assertPrintable(nl)).toBe(nl);
    const afterReview = model('refuse', 'fr', [{ ...translated, machineTranslated: undefined }, reviewed]);
    expect(afterReview.meta.machineTranslated).toEqual([]);
    expect(assertPrintable(afterReview)).toBe(afterReview);
  });

  it('rejects an unknown choice, naming the field', () => {
    const result = reportTemplate.safeParse({ ...TEMPLATE, machineTranslations: 'hide' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['machineTranslations']);
  });
});
