import { LEGAL_TEXTS } from '../../src/legal/texts';
import { startTestServer, type TestServer } from '../support/server';

/** The privacy statement and terms of use the manifests link to: public, in NL/FR/EN, escaped, no script. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoData: false, env: { MUNICIPALITY_NL: 'Gemeente <b>Ukkel</b>', MUNICIPALITY_FR: 'Commune d’Uccle & CPAS' } });
});
afterAll(() => server?.stop());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await server.api(path, { headers });
  return { status: res.status, headers: res.headers, html: await res.text() };
};

test.each([
  ['privacy', 'fr', 'Déclaration de confidentialité', 'Commune d’Uccle &amp; CPAS'],
  ['privacy', 'nl', 'Privacyverklaring', 'Gemeente &lt;b&gt;Ukkel&lt;/b&gt;'],
  ['privacy', 'en', 'Privacy statement', 'Gemeente &lt;b&gt;Ukkel&lt;/b&gt;'],
  ['terms', 'fr', 'Conditions d’utilisation', 'Commune d’Uccle &amp; CPAS'],
  ['terms', 'nl', 'Gebruiksvoorwaarden', 'Gemeente &lt;b&gt;Ukkel&lt;/b&gt;'],
  ['terms', 'en', 'Terms of use', 'Gemeente &lt;b&gt;Ukkel&lt;/b&gt;'],
  ['accessibility', 'nl', 'Toegankelijkheidsverklaring', 'Gemeente &lt;b&gt;Ukkel&lt;/b&gt;'],
  ['accessibility', 'fr', 'Déclaration d’accessibilité', 'Commune d’Uccle &amp; CPAS'],
  ['accessibility', 'en', 'Accessibility statement', 'Gemeente &lt;b&gt;Ukkel&lt;/b&gt;'],
])('/legal/%s?lang=%s: the page in that language, the municipality named and escaped', async (name, lang, title, municipality) => {
  const { status, headers, html } = await page(`/legal/${name}?lang=${lang}`);
  expect(status).toBe(200);
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).toContain(`<h1>${title}`);
  expect(html).toContain(municipality);
  expect(html).not.toContain('<b>Ukkel');
  expect(html).not.toMatch(/<script/i);
  expect(headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  expect(headers.get('content-language')).toBe(lang);
});

test('without ?lang the browser’s language decides, else the default language', async () => {
  expect((await page('/legal/privacy', { 'Accept-Language': 'fr-BE,fr;q=0.9' })).html).toContain('<html lang="fr">');
  expect((await page('/legal/terms', { 'Accept-Language': 'de-DE' })).html).toContain('<html lang="nl">');
  expect((await page('/legal/privacy?lang=xx', { 'Accept-Language': 'en' })).html).toContain('<html lang="en">');
});

test('the three languages say the same things: as many sections and paragraphs in each', () => {
  for (const doc of Object.values(LEGAL_TEXTS)) {
    const shape = (l: 'nl' | 'fr' | 'en') => doc[l].sections.map((s) => s.paragraphs.length);
    expect(shape('fr')).toEqual(shape('nl'));
    expect(shape('en')).toEqual(shape('nl'));
  }
});

test('the privacy statement says whom to contact: the DPO’s address when the administration gives it, else how to get it', async () => {
  const without = await page('/legal/privacy?lang=nl');
  expect(without.html).toContain('Het secretariaat van het bestuur bezorgt u het adres van de functionaris voor gegevensbescherming.');
  const withContact = await startTestServer({ demoData: false, env: { PRIVACY_CONTACT: 'dpo@uccle.brussels' } });
  try {
    const html = await (await withContact.api('/legal/privacy?lang=fr')).text();
    expect(html).toContain('Délégué à la protection des données : <a href="mailto:dpo@uccle.brussels">dpo@uccle.brussels</a>');
  } finally {
    await withContact.stop();
  }
});
