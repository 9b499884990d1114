import type { Page } from 'playwright-core';
import type { FakeWordDocument } from '../fakes/word';
import { artifactPath } from '../support/browser';
import { paneInWord } from '../support/fake-word-pane';
import { describeNeeding } from '../support/tools';

/**
 * The real task pane in Chromium with the Word fake as its Word (tests/fakes/word/browser.ts): Insert, the
 * clerk edits in "Word", the register changes, Refresh shows its summary in French with links that select each
 * part and a conflict with both texts; "take the register's" settles it.
 */

const maybe = describeNeeding('chromium');

declare const fakeWord: FakeWordDocument;
declare const fakeSettings: Map<string, unknown>;

maybe('Word add-in task pane inside (fake) Word: refresh part by part', () => {
  const pane = paneInWord();
  const openPane = (locale: string): Promise<Page> => pane.open(locale);

  test('fr-BE: insert, clerk edits, register changes, refresh summary with links and a conflict settled', async () => {
    const page = await openPane('fr-BE');
    expect(await page.isChecked('#track')).toBe(true);
    await page.selectOption('#year', '2023');
    await page.selectOption('#lang', 'fr');
    await page.click('#insert');
    await page.waitForSelector('#status.ok');
    const parts = await page.evaluate(() => fakeWord.units().map((u) => ({ tag: u.tag, id: u.id })));
    const entryTags = parts.filter((p) => p.tag.startsWith('sr/entry:'));
    expect(entryTags.length).toBeGreaterThan(20);

    // the clerk edits two measures in Word; the register changes one of them and another one
    const idOf = (tag: string) => tag.slice('sr/entry:'.length, tag.lastIndexOf('@'));
    const [edited, both, changed] = [entryTags[0], entryTags[1], entryTags[2]].map((p) => idOf(p.tag));
    await page.evaluate(
      ([a, b]) => {
        fakeWord.clerk.retype(`entry:${a}`, 'Texte revu par le secrétariat;');
        fakeWord.clerk.retype(`entry:${b}`, 'Autre texte du secrétariat;');
      },
      [edited, both],
    );
    for (const [id, fr] of [
      [both, 'Mesure reformulée par le registre'],
      [changed, 'Nouvel intitulé venu du registre'],
    ]) {
      const entry = await pane.server.register.entries.get(id);
      await pane.server.register.entries.update(
        id,
        { title: { ...entry.title, fr }, mentions: entry.mentions.map((m) => ({ ...m, textOverride: undefined })) },
        { name: 'Test' },
      );
    }

    await page.click('#refresh');
    await page.waitForSelector('#status.ok');
    const status = await page.textContent('#status');
    expect(status).toMatch(
      /L’annexe est à jour\. Remplacées\u00a0: 1, ajoutées\u00a0: 0, supprimées\u00a0: 0, modifiées par vous et conservées\u00a0: 1, conflits\u00a0: 1, retirées par vous\u00a0: 0\./,
    );
    expect(status).toMatch(/onglet Révision/);
    expect(await page.evaluate(() => fakeWord.trackingMode)).toBe('Off');
    expect(await page.evaluate(() => fakeWord.hasRevisions())).toBe(true);
    const outcomes = await page.$$eval('#report li.part', (items) => items.map((i) => (i as HTMLElement).dataset.outcome));
    expect(outcomes.sort()).toEqual(['conflict', 'kept', 'replaced']);
    const conflict = page.locator('#report li.part.conflict');
    await expect(conflict.locator('figure.mine p').textContent()).resolves.toBe('Autre texte du secrétariat;');
    await expect(conflict.locator('figure.theirs p').textContent()).resolves.toMatch(/^Mesure reformulée par le registre\s?[;.]$/);
    await page.screenshot({ path: artifactPath('addin', 'refresh-summary-fr-BE.png'), fullPage: true });

    // a link selects the part in Word
    await page.locator('#report li.part.replaced a').click();
    const replacedId = await page.evaluate((id) => fakeWord.unit(`entry:${id}`).id, changed);
    await page.waitForFunction((id) => fakeWord.selected === id, replacedId);

    // take the register's text for the conflict
    await conflict.getByRole('button', { name: 'Prendre le texte du registre' }).click();
    await conflict.locator('.resolved').waitFor();
    const text = await page.evaluate((id) => fakeWord.partText(`entry:${id}`, 'Current'), both);
    expect(text).toMatch(/^Mesure reformulée par le registre\s?[;.]$/);
    await page.screenshot({ path: artifactPath('addin', 'refresh-conflict-settled-fr-BE.png'), fullPage: true });
    await page.context().close();
  });

  test('nl-BE: a duplicated measure gets a clear message and "refresh only the first"', async () => {
    const page = await openPane('nl-BE');
    await page.selectOption('#year', '2023');
    await page.click('#insert');
    await page.waitForSelector('#status.ok');
    await page.evaluate(() => {
      const first = fakeWord.units().find((u) => u.tag.startsWith('sr/entry:'))!;
      fakeWord.clerk.duplicatePart(first.tag.slice(3, first.tag.lastIndexOf('@')));
    });
    const before = await page.evaluate(() => fakeWord.text());
    await page.click('#refresh');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toMatch(/staan er twee keer in \(gekopieerd\?\): 1\./);
    expect(await page.evaluate(() => fakeWord.text())).toEqual(before);
    await page.screenshot({ path: artifactPath('addin', 'refresh-duplicate-nl-BE.png'), fullPage: true });
    await page.click('#safe-action');
    await page.waitForSelector('#status.ok');
    expect(await page.$$eval('#report li.part', (items) => items.map((i) => (i as HTMLElement).dataset.outcome))).toEqual(['duplicate']);
    await page.context().close();
  });

  test('en: a measure the clerk deleted in Word stays out on Refresh, listed with "Insert it again", which puts it back', async () => {
    const page = await openPane('en-GB');
    await page.selectOption('#year', '2023');
    await page.click('#insert');
    await page.waitForSelector('#status.ok');
    const remembered = await page.evaluate(() => fakeSettings.get('synergy-register-parts') as string[]);
    expect(remembered.length).toBeGreaterThan(20);
    const key = await page.evaluate(() => {
      const part = fakeWord.units().filter((u) => u.tag.startsWith('sr/entry:'))[3];
      const k = part.tag.slice(3, part.tag.lastIndexOf('@'));
      fakeWord.clerk.deletePart(k);
      return k;
    });
    await page.click('#refresh');
    await page.waitForSelector('#status.ok');
    expect(await page.textContent('#status')).toMatch(/deleted by you: 1\./);
    const item = page.locator('#report li.part.withdrawn');
    await expect(item.locator('.badge').textContent()).resolves.toBe('Deleted by you in the document: not inserted again');
    expect(await page.evaluate((k) => fakeWord.units().some((u) => u.tag.startsWith(`sr/${k}@`)), key)).toBe(false);
    await page.screenshot({ path: artifactPath('addin', 'refresh-withdrawn-en.png'), fullPage: true });
    await item.getByRole('button', { name: 'Insert it again' }).click();
    await page.waitForFunction(() => document.querySelector('#status')?.className.includes('ok') && !document.querySelector('#report li.part.withdrawn'));
    expect(await page.evaluate((k) => fakeWord.units().filter((u) => u.tag.startsWith(`sr/${k}@`)).length, key)).toBe(1);
    await page.context().close();
  });
});
