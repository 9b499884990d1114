import type { Surface } from '../server/surface';

/** The Teams tab: pages under /tab. */
export const tabSurface: Surface = {
  name: 'tab',
  mountPages(app) {
    app.get('/tab', (_req, res) => res.type('html').send('<!doctype html><title>Synergy Register</title><p>The tab is being built.</p>'));
  },
  urls: ({ config }) => ({ 'Teams tab (open in a browser)': `${config.publicUrl}/tab` }),
};
