import type express from 'express';
import { LANGUAGES, type Language } from '../domain';
import type { Surface } from '../host';
import { LEGAL_TEXTS, type LegalDocument, type LegalPage } from './texts';
import { TRANSLATION_PRIVACY } from './translation-texts';
import { escapeMarkup } from '../domain';

/**
 * The privacy statement, the terms of use and the accessibility statement, public pages (Teams shows the
 * first two from the app's details before anyone signs in): /legal/privacy, /legal/terms and /legal/accessibility, in the language of ?lang= or of the browser.
 */

const PAGES: readonly LegalPage[] = ['privacy', 'terms', 'accessibility'];
const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/** A static page: no script at all, its own small style, framed by nobody. */
export const LEGAL_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = escapeMarkup;

function languageOf(req: express.Request, fallback: Language): Language {
  const asked = String(req.query.lang ?? '');
  if ((LANGUAGES as readonly string[]).includes(asked)) return asked as Language;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return accepted ? (accepted as Language) : fallback;
}

/** Who to write to about personal data, on the privacy statement: the DPO's address when the administration gives it. */
const CONTACT: Record<Language, { heading: string; given: string; missing: string }> = {
  nl: {
    heading: 'Contact',
    given: 'Functionaris voor gegevensbescherming:',
    missing: 'Het secretariaat van het bestuur bezorgt u het adres van de functionaris voor gegevensbescherming.',
  },
  fr: {
    heading: 'Contact',
    given: 'Délégué à la protection des données :',
    missing: 'Le secrétariat de l’administration vous communique l’adresse du délégué à la protection des données.',
  },
  en: { heading: 'Contact', given: 'Data protection officer:', missing: 'The administration’s secretariat gives you the data protection officer’s address.' },
};

function contactHtml(language: Language, contact: string | undefined): string {
  const words = CONTACT[language];
  const line = contact
    ? `${escapeHtml(words.given)} <a href="mailto:${escapeHtml(encodeURIComponent(contact).replace(/%40/g, '@'))}">${escapeHtml(contact)}</a>`
    : escapeHtml(words.missing);
  return `<h2>${escapeHtml(words.heading)}</h2>\n<p>${line}</p>`;
}

export function legalPageHtml(page: LegalPage, language: Language, municipality: string, translatorRegion?: string, privacyContact?: string): string {
  const doc: LegalDocument = LEGAL_TEXTS[page][language];
  const fill = (text: string) => escapeHtml(text.replaceAll('{municipality}', municipality).replaceAll('{region}', translatorRegion ?? ''));
  const translation = TRANSLATION_PRIVACY[language];
  const all =
    page === 'privacy' ? [...doc.sections, { heading: translation.heading, paragraphs: translatorRegion ? translation.on : [translation.off] }] : doc.sections;
  const sections =
    all.map((s) => `<h2>${fill(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${fill(p)}</p>`).join('\n')}`).join('\n') +
    (page === 'privacy' ? `\n${contactHtml(language, privacyContact)}` : '');
  const others = LANGUAGES.filter((l) => l !== language)
    .map((l) => `<a href="?lang=${l}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a>`)
    .join(' · ');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fill(doc.title)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem}nav{margin-top:2rem;font-size:.9rem}</style>
</head>
<body>
<main>
<h1>${fill(doc.title)}</h1>
<p>${fill(doc.intro)}</p>
${sections}
</main>
<nav aria-label="${fill(doc.otherLanguages)}">${fill(doc.otherLanguages)}: ${others}</nav>
</body>
</html>`;
}

export const legalSurface: Surface = {
  name: 'legal',
  mountPages(app, { config }) {
    for (const page of PAGES) {
      app.get(`/legal/${page}`, (req, res) => {
        const language = languageOf(req, config.defaultLanguage);
        const municipality = language === 'fr' ? config.municipality.fr : config.municipality.nl;
        res
          .type('html')
          .set('Content-Security-Policy', LEGAL_CSP)
          .set('Content-Language', language)
          .set('Vary', 'Accept-Language')
          .send(legalPageHtml(page, language, municipality, config.translator?.region, config.privacyContact));
      });
    }
  },
  urls: ({ config }) => ({
    'Privacy statement, terms of use and accessibility statement': `${config.publicUrl}/legal/privacy · ${config.publicUrl}/legal/terms · ${config.publicUrl}/legal/accessibility`,
  }),
};
