import type { RequestHandler } from 'express';

/**
 * Pages that may frame the task pane. Word on Windows and Mac shows the pane as a top-level page in a web view,
 * where frame-ancestors does not apply; Word on the web frames it inside its editor (word-edit.officeapps.live.com),
 * which the document's page frames in turn: SharePoint or OneDrive for work (*.sharepoint.com), Microsoft 365
 * (*.cloud.microsoft, *.office.com, *.microsoft365.com), Teams (a document opened in a channel) or OneDrive for
 * home. Every ancestor must be listed. Microsoft publishes no list for add-ins (office-js issue #1005); this one
 * follows the Teams tab's documented hosts plus the ones Word on the web frames from (README: what to check in Word).
 */
export const PANE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.officeapps.live.com',
  'https://*.sharepoint.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://onedrive.live.com',
];

/**
 * The task pane's Content-Security-Policy: office.js and the host scripts it loads come from Microsoft's CDN,
 * office.js styles its own notices inline, and on some desktop builds sends its telemetry to Microsoft's
 * collector itself; everything else is the register's own.
 */
export const PANE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https://*.pipe.aria.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${PANE_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** Security headers of every page and file under /addin. */
export const paneSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.set('Content-Security-Policy', PANE_CSP).set('X-Content-Type-Options', 'nosniff');
  next();
};
