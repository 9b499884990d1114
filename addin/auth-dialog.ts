import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type express from 'express';
import type { AppConfig } from '../src/host';
import { jsonForHtml } from '../src/host';
import { PANE_CSP } from './csp';
import type { DialogBoot } from './web';

/** The sign-in dialog's boot: the app registration's public ids, in tenant mode only. */
export function dialogBootOf(config: AppConfig): DialogBoot | undefined {
  if (config.auth.mode !== 'entra') return undefined;
  return {
    clientId: config.auth.clientId,
    authority: `${config.entra.authorityHost.replace(/\/$/, '')}/${config.auth.tenantId}`,
    scope: `${config.auth.audiences[0]}/access_as_user`,
  };
}

/** The pane's CSP, plus Entra ID's token endpoint, which MSAL.js calls from the dialog to redeem its code. */
export function dialogCsp(config: AppConfig): string {
  return PANE_CSP.replace("connect-src 'self'", `connect-src 'self' ${new URL(config.entra.authorityHost).origin}`);
}

const BOOT_BLOCK = /(<script id="dialog-boot" type="application\/json">)[^<]*(<\/script>)/;

/**
 * /addin/auth-dialog.html (with its boot) and /addin/auth-dialog.js: the Word pane's sign-in dialog where
 * Office SSO is not available. Tenant mode only (local mode signs nobody in): 404 otherwise.
 */
export function mountAuthDialog(pages: express.Router, config: AppConfig, webDir: string, bundleDir: string): void {
  const boot = dialogBootOf(config);
  pages.get('/auth-dialog.html', (_req, res) => {
    const file = path.join(webDir, 'auth-dialog.html');
    if (!boot || !existsSync(file)) return void res.status(404).type('text').send('No sign-in dialog in local mode');
    const html = readFileSync(file, 'utf8').replace(BOOT_BLOCK, (_whole, open: string, close: string) => `${open}${jsonForHtml(boot)}${close}`);
    res.set('Content-Security-Policy', dialogCsp(config)).set('Cache-Control', 'no-cache').type('html').send(html);
  });
  pages.get('/auth-dialog.js', (_req, res) => {
    const file = path.join(bundleDir, 'auth-dialog.js');
    if (!boot || !existsSync(file)) return void res.status(404).type('text').send('No sign-in dialog in local mode');
    res.set('Cache-Control', 'no-cache').type('js').send(readFileSync(file));
  });
}
