import * as model from '../../src/domain/model';
import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { json, openPage } from './tab-helpers';

/** An entry's history and versions show what really changed, in the reader's language. */

jest.setTimeout(60_000);
const suite = browserSuite({ demoData: false });

test('no "(empty) → (empty)", no title saved unchanged; the year closing is worded in French', async () => {
  const entry = await json(
    await suite.server.api('/api/entries', {
      method: 'POST',
      json: {
        title: { nl: 'Gedeelde archiefdienst', fr: 'Service d’archives partagé' },
        domain: 'ARCH',
        status: 'existing',
        startYear: 2020,
        kind: 'synergy',
        formalisation: 'agreement',
      },
    }),
  );
  // an edit that re-sends the same texts in another order and an empty department changes nothing
  const same = await json(
    await suite.server.api(`/api/entries/${entry.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': entry.etag },
      json: { title: { fr: 'Service d’archives partagé', nl: 'Gedeelde archiefdienst' }, department: {} },
    }),
  );
  const real = await json(
    await suite.server.api(`/api/entries/${entry.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': same.etag },
      json: { title: { nl: 'Gedeelde archiefdienst', fr: 'Archives communes' } },
    }),
  );
  // history written before the rule, with a change that was none, still reads as nothing
  await suite.server.register.store.history.create(
    model.historyEvent.parse({
      entryId: entry.id,
      at: '2026-01-02T10:00:00Z',
      by: { name: 'Ancien import' },
      kind: 'updated',
      changes: [
        { field: 'department', from: null, to: {} },
        { field: 'title', from: { nl: 'A' }, to: { nl: 'A', fr: '' } },
      ],
    }),
  );
  await suite.server.register.entries.rollOver(2026, { id: 'x', name: 'Secrétaire', roles: ['secretary'] } as never);
  const history = (await json(await suite.server.api(`/api/entries/${entry.id}/history`))).items as Array<{ kind: string; changes: Array<{ field: string }> }>;
  // the register recorded only the real edit (the old record is the one written before the rule)
  expect(
    history
      .filter((e) => e.kind === 'updated')
      .map((e) => e.changes.map((c) => c.field).join('+'))
      .sort(),
  ).toEqual(['department+title', 'title']);
  void real;

  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=fr#/entry/${entry.id}`, { locale: 'fr-BE' });
  await page.waitForSelector('[data-testid="history"]');
  const items = await page.locator('[data-testid="history"] > li').allInnerTexts();
  expect(items.filter((i) => /^Modifiée/.test(i))).toEqual([expect.stringMatching(/Champs\u00a0: Titre/)]);
  expect(items.join('\n')).toContain('Rapport 2026 clôturé');
  // the year closing names what it changed for a reader, never the store's bookkeeping
  expect(items.find((i) => /^Clôture/.test(i))).toMatch(/Champs\u00a0: Mentions dans les rapports\n/);
  expect(items.join('\n')).not.toMatch(/Report year|Ancien import/);
  await page.screenshot({ path: artifactPath('tab', 'history-fr.png'), fullPage: true });

  await page.evaluate((id) => {
    location.hash = `#/entry/${id}/versions`;
  }, entry.id);
  await page.waitForSelector('[data-testid="restore-version"]');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\(vide\)\s*→\s*\(vide\)/);
  expect(text).toContain('Archives communes');
  expect(errors).toEqual([]);
  await context.close();
});
