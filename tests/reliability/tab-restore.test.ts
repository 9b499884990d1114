import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

jest.setTimeout(90000);

/**
 * Restore in the tab (local mode: the local identity is admin): an entry's versions newest first with what each
 * change did, an earlier one restored as a new version after a confirmation that names the fields it changes;
 * a restore from a page someone else changed meanwhile is refused and the versions reloaded; a deleted entry
 * listed under "Verwijderd" and brought back with its action.
 */
let server: TestServer;
let browser: Browser;

async function call<T = any>(method: string, path: string, body?: unknown, etag?: string): Promise<T> {
  const res = await server.api(path, { method, ...(body === undefined ? {} : { json: body }), headers: etag ? { 'If-Match': etag } : {} });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

beforeAll(async () => {
  server = await startTestServer({ demoData: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(hash: string): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${server.url}/tab${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, close: () => context.close() };
}

/** An entry of a commune of our own, changed twice: three versions. */
async function entryWithThreeVersions(title: string) {
  const created = await call('POST', '/api/entries', {
    title: { nl: title },
    domain: 'SOC',
    status: 'proposed',
    kind: 'synergy',
    formalisation: 'agreement',
    parties: ['Gemeente Rivelde', 'OCMW Rivelde'],
  });
  const second = await call('PATCH', `/api/entries/${created.id}`, { title: { nl: `${title} (herzien)` }, status: 'decided' }, created.etag);
  const third = await call('PATCH', `/api/entries/${created.id}`, { startYear: 2026 }, second.etag);
  return { id: created.id as string, etag: third.etag as string };
}

test('versions newest first; version 1 restored as a new version after a confirmation naming what it changes', async () => {
  const entry = await entryWithThreeVersions('Gedeelde sociale kruidenier');
  const { page, close } = await open(`#/entry/${entry.id}`);
  await page.click('[data-testid="entry-versions"]');
  await page.waitForSelector('[data-testid="versions"]');
  expect(await page.locator('[data-testid="version"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-version')))).toEqual(['3', '2', '1']);
  const newest = page.locator('[data-testid="version"][data-version="3"]');
  expect(await newest.innerText()).toContain('huidige versie');
  expect(await newest.locator('[data-testid="restore-version"]').count()).toBe(0);
  expect(await page.locator('[data-version="2"]').innerText()).toContain('Gedeelde sociale kruidenier → Gedeelde sociale kruidenier (herzien)');
  expect(await newest.innerText()).toContain('Beginjaar: (leeg) → 2026'); // a year, not a number with a thousands dot
  await page.screenshot({ path: artifactPath('restore', 'versions.png'), fullPage: true });

  await page.locator('[data-version="1"] [data-testid="restore-version"]').click();
  const confirm = page.locator('[data-testid="restore-confirm"]');
  expect(await confirm.innerText()).toMatch(/Versie 1 terugzetten\?[\s\S]*Dit verandert: .*Titel.*Status.*Beginjaar/);
  await page.screenshot({ path: artifactPath('restore', 'version-confirm.png'), fullPage: true });
  await page.click('[data-testid="restore-confirm-yes"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="entry-title"]')?.textContent === 'Gedeelde sociale kruidenier');
  expect(await page.locator('[data-testid="history"]').innerText()).toContain('Teruggezet');

  const stored = await call('GET', `/api/entries/${entry.id}`);
  expect(stored).toMatchObject({ title: { nl: 'Gedeelde sociale kruidenier' }, status: 'proposed', parties: ['Gemeente Rivelde', 'OCMW Rivelde'] });
  expect(stored.startYear ?? null).toBeNull();
  // nothing was overwritten: the versions before the restore are all still there, plus the restore itself
  expect((await call('GET', `/api/entries/${entry.id}/versions`)).items.map((v: { kind: string }) => v.kind)).toEqual([
    'created',
    'status_changed',
    'updated',
    'restored',
  ]);
  await close();
});

test('a restore from a page someone else changed meanwhile is refused, nothing overwritten, the versions reloaded', async () => {
  const entry = await entryWithThreeVersions('Gezamenlijke poetsdienst');
  const { page, close } = await open(`#/entry/${entry.id}/versions`);
  await page.waitForSelector('[data-testid="versions"]');
  await call('PATCH', `/api/entries/${entry.id}`, { source: 'notulen OCMW-raad 12/3' }, entry.etag);
  await page.locator('[data-version="1"] [data-testid="restore-version"]').click();
  await page.click('[data-testid="restore-confirm-yes"]');
  await page.waitForSelector('[data-testid="version"][data-version="4"]');
  expect(await page.locator('[data-testid="announcer"]').innerText()).toContain('Iemand heeft de maatregel intussen gewijzigd');
  expect((await call('GET', `/api/entries/${entry.id}`)).source).toBe('notulen OCMW-raad 12/3');
  await close();
});

test('a deleted entry is listed under "Verwijderd" and restored with its action', async () => {
  const entry = await entryWithThreeVersions('Gedeeld onthaal');
  await call('POST', '/api/actions', { entryId: entry.id, title: 'Loketten inrichten', owner: { name: 'Nadia Benali' } });
  const { page, close } = await open(`#/entry/${entry.id}`);
  await page.click('[data-testid="delete-entry"]');
  expect(await page.locator('[data-testid="delete-confirm"]').innerText()).toContain('Een secretaris kan de maatregel 30 dagen lang terugzetten');
  await page.click('[data-testid="delete-confirm-yes"]');
  await page.waitForSelector('#register-summary');
  expect(await page.locator('[data-testid="announcer"]').innerText()).toContain('is verwijderd');

  await page.click('nav.main-nav a[href="#/deleted"]');
  const item = page.locator(`[data-testid="deleted-entry"][data-entry-id="${entry.id}"]`);
  await item.waitFor();
  expect(await item.innerText()).toMatch(
    /Gedeeld onthaal \(herzien\)[\s\S]*Verwijderd op .* door Lokale ontwikkelaar[\s\S]*Terug te zetten tot \d{1,2} \S+ \d{4}/,
  );
  expect(await item.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // dates as people read them, never ISO
  await page.screenshot({ path: artifactPath('restore', 'deleted.png'), fullPage: true });
  await item.locator('[data-testid="restore-deleted"]').click();
  await page.waitForSelector('[data-testid="entry-title"]');
  expect(await page.locator('[data-testid="entry-title"]').innerText()).toBe('Gedeeld onthaal (herzien)');
  expect(await page.locator('#sec-actions, section').filter({ hasText: 'Loketten inrichten' }).count()).toBeGreaterThan(0);
  const restoredId = decodeURIComponent(new URL(page.url()).hash.replace('#/entry/', ''));
  expect(restoredId).not.toBe(entry.id);
  expect((await call('GET', '/api/deleted-entries')).items.map((d: { id: string }) => d.id)).not.toContain(entry.id);
  await page.screenshot({ path: artifactPath('restore', 'restored-entry.png'), fullPage: true });
  await close();
});
