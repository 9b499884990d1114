import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Surface } from '../host';
import { bootConfigOf, pageHtml, TAB_CSP } from './page';
import { repoRootFrom } from '../host';
import { type Language, LANGUAGES } from '../i18n';
import { MESSAGES } from './web';

const root = repoRootFrom(__dirname);
const bundleDir = path.join(root, 'dist', 'web', 'tab');

function bundleVersion(bundle: string): string {
  try {
    return String(Math.floor(statSync(path.join(bundleDir, `${bundle}.js`)).mtimeMs));
  } catch {
    return '0';
  }
}

/**
 * The Teams tab: the register page at /tab (personal tab, and channel tab with ?focusGroup=<id>), the
 * channel tab's configuration page at /tab/config, the consent pop-up at /tab/auth/start|end, the
 * bundles under /tab/assets and the translations under /tab/i18n.
 */
export const tabSurface: Surface = {
  name: 'tab',
  mountPages(app, { config }) {
    const boot = bootConfigOf(config);
    const page =
      (bundle: string, title: string): express.RequestHandler =>
      (_req, res) => {
        if (!existsSync(path.join(bundleDir, `${bundle}.js`))) {
          res.status(503).type('text').send('The tab is not built yet: run "node scripts/build-web.mjs" (npm start does it).');
          return;
        }
        res
          .set('Content-Security-Policy', TAB_CSP)
          .set('X-Content-Type-Options', 'nosniff')
          .set('Referrer-Policy', 'same-origin')
          .set('Cache-Control', 'no-store')
          .type('html')
          .send(pageHtml({ bundle, title, boot, lang: config.defaultLanguage, version: bundleVersion(bundle) }));
      };
    app.get('/tab', page('tab', 'Synergieregister — Registre des synergies'));
    app.get('/tab/config', page('config', 'Synergieregister — configuratie / configuration'));
    app.get('/tab/auth/start', page('auth', 'Synergieregister — toestemming / consentement'));
    app.get('/tab/auth/end', page('auth', 'Synergieregister — toestemming / consentement'));
    app.get('/tab/i18n/:lang.json', (req, res) => {
      const lang = String(req.params.lang);
      if (!(LANGUAGES as readonly string[]).includes(lang)) {
        res.status(404).json({ error: { code: 'not_found', message: 'No such language' } });
        return;
      }
      res.json(MESSAGES[lang as Language]);
    });
    app.use('/tab/assets', express.static(bundleDir, { fallthrough: false, maxAge: '1h', index: false }));
  },
  urls: ({ config }) => ({
    'Teams tab (open in a browser)': `${config.publicUrl}/tab`,
    'Channel tab configuration': `${config.publicUrl}/tab/config`,
  }),
};
