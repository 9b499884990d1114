import type { AppConfig } from '../host';
import { jsonForHtml } from '../host';
import { escapeMarkup } from '../domain';
import type { Language } from '../domain';

/** What the browser code needs to know about the server; nothing secret. */
export interface TabBootConfig {
  authMode: 'local' | 'entra';
  defaultLanguage: Language;
  municipality: { nl: string; fr: string };
  /** for the consent pop-up (tenant mode only) */
  entra: { tenantId: string; clientId: string; authorityHost: string } | null;
}

export function bootConfigOf(config: AppConfig): TabBootConfig {
  return {
    authMode: config.auth.mode,
    defaultLanguage: config.defaultLanguage,
    municipality: config.municipality,
    entra: config.auth.mode === 'entra' ? { tenantId: config.auth.tenantId, clientId: config.auth.clientId, authorityHost: config.entra.authorityHost } : null,
  };
}

const escapeAttr = escapeMarkup;

/** The tab's icon, inline (img-src allows data:): without one the browser asks for /favicon.ico, which does not exist. */
const FAVICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#5b5fc7"/><path d="M4 5h8M4 8h8M4 11h5" stroke="#fff" stroke-width="1.5"/></svg>')}`;

/**
 * The HTML shell of a tab page: no user data in it, only the boot configuration and the bundle.
 * `bundle` is the name of a bundle in dist/web/tab (tab, config, auth).
 */
export function pageHtml(options: { bundle: string; title: string; boot: TabBootConfig; lang: string; version: string }): string {
  const v = encodeURIComponent(options.version);
  return `<!doctype html>
<html lang="${escapeAttr(options.lang)}" data-theme="default">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttr(options.title)}</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/tab/assets/${options.bundle}.css?v=${v}">
<script id="tab-boot" type="application/json">${jsonForHtml(options.boot)}</script>
<script src="/tab/assets/${options.bundle}.js?v=${v}" defer></script>
</head>
<body>
<noscript>Synergieregister / Registre des synergies: JavaScript is required.</noscript>
<div id="app" class="app-loading" aria-busy="true">Synergieregister…</div>
</body>
</html>`;
}

/** Teams (and the browser) may frame the tab; nothing else. Scripts only from our own origin. */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // teams-js checks the host's origin against Microsoft's list of valid Teams domains, fetched from its CDN
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com https://*.skype.com",
].join('; ');
