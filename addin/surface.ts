import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { comingBudgetYear } from '../src/domain';
import type { AppConfig } from '../src/host';
import type { Surface } from '../src/host';
import { paneSecurityHeaders } from './csp';
import { manifestFor } from './manifest';
import { mountAuthDialog } from './auth-dialog';
import { repoRootFrom } from '../src/host';
import { jsonForHtml } from '../src/host';
import type { PaneBoot } from './web';
import { annexLanguageFor } from '../src/domain';

const ROOT = repoRootFrom(__dirname);
const WEB_DIR = path.join(ROOT, 'addin', 'web');
const BUNDLE_DIR = path.join(ROOT, 'dist', 'web', 'addin');
const APP_PACKAGE = path.join(ROOT, 'appPackage');

function sendFile(res: express.Response, file: string, type: string) {
  if (!existsSync(file)) {
    res
      .status(503)
      .type('text')
      .send(`${path.basename(file)} is not built yet: run "npm run build"`);
    return;
  }
  res.type(type).set('Cache-Control', 'no-cache').send(readFileSync(file));
}

/** What the pane needs to know about the server (the tab's boot config counterpart): only the auth mode. */
export function paneBootOf(config: AppConfig): PaneBoot {
  return { authMode: config.auth.mode };
}

const BOOT_BLOCK = /(<script id="addin-boot" type="application\/json">)[^<]*(<\/script>)/;

/** taskpane.html with this server's boot config in its JSON block. */
function sendTaskpane(res: express.Response, config: AppConfig) {
  const file = path.join(WEB_DIR, 'taskpane.html');
  if (!existsSync(file)) return sendFile(res, file, 'html');
  const html = readFileSync(file, 'utf8');
  if (!BOOT_BLOCK.test(html)) throw new Error('taskpane.html lost its addin-boot block');
  const json = jsonForHtml(paneBootOf(config));
  res
    .type('html')
    .set('Cache-Control', 'no-cache')
    .send(html.replace(BOOT_BLOCK, (_whole, open: string, close: string) => `${open}${json}${close}`));
}

/** The Word add-in: its task pane, commands and manifest under /addin (the annex it inserts is the API's, /api/annex). */
export const addinSurface: Surface = {
  name: 'addin',

  mountPages(app, { config }) {
    const pages = express.Router();
    pages.use(paneSecurityHeaders);
    pages.get('/taskpane.html', (_req, res) => sendTaskpane(res, config));
    pages.get('/commands.html', (_req, res) => sendFile(res, path.join(WEB_DIR, 'commands.html'), 'html'));
    pages.get('/commands.js', (_req, res) => sendFile(res, path.join(WEB_DIR, 'commands.js'), 'js'));
    pages.get('/taskpane.css', (_req, res) => sendFile(res, path.join(WEB_DIR, 'taskpane.css'), 'css'));
    pages.get('/taskpane.js', (_req, res) => sendFile(res, path.join(BUNDLE_DIR, 'taskpane.js'), 'js'));
    pages.get('/taskpane.js.map', (_req, res) => sendFile(res, path.join(BUNDLE_DIR, 'taskpane.js.map'), 'json'));
    mountAuthDialog(pages, config, WEB_DIR, BUNDLE_DIR);
    pages.get('/icon-:size.png', (req, res) => {
      const size = req.params.size;
      if (!['16', '32', '64', '80'].includes(size)) return void res.status(404).end();
      sendFile(res, path.join(APP_PACKAGE, `addin-icon-${size}.png`), 'png');
    });
    // The manifest for this server's URL, to sideload in Word on the web (Upload My Add-in)
    pages.get('/manifest.xml', (_req, res) => {
      // in tenant mode with <WebApplicationInfo> for Office SSO (CLIENT_ID and the Application ID URI the API accepts)
      const xml = manifestFor(config, ROOT);
      res.type('application/xml').set('Content-Disposition', 'attachment; filename="word-addin.xml"').send(xml);
    });
    pages.get('/', (_req, res) => res.redirect('/addin/taskpane.html'));
    app.use('/addin', pages);
  },

  urls: ({ config }) => ({
    'Word add-in task pane (open in a browser or in Word)': `${config.publicUrl}/addin/taskpane.html`,
    'Word add-in manifest (sideload in Word)': `${config.publicUrl}/addin/manifest.xml  (or build/word-addin.xml after "npx tsc -p tsconfig.build.json && node dist/scripts/build-addin-manifest.js")`,
    'Synergy annex as .docx': `${config.publicUrl}/api/annex.docx?year=${comingBudgetYear(new Date())}&lang=${annexLanguageFor(config.defaultLanguage)}`,
  }),
};
