import type { FakeWordDocument } from '../fakes/word';
import type { Changes } from '../../src/changes/changes';
import { artifactPath } from '../support/browser';
import { paneInWord } from '../support/fake-word-pane';
import { describeNeeding } from '../support/tools';

/** The task pane's "what changed" button in Chromium, with the Word fake as its Word. */

const maybe = describeNeeding('chromium');

declare const fakeWord: FakeWordDocument;

maybe('Word add-in task pane: what changed since the year before', () => {
  const pane = paneInWord();

  test('nl-BE: the section goes into Word in its own control; pressed again, it replaces it', async () => {
    const page = await pane.open('nl-BE');
    await page.selectOption('#year', '2026');
    await page.selectOption('#lang', 'nl');
    expect(await page.textContent('#insert-changes')).toBe('Wijzigingen tegenover het jaar ervoor invoegen');
    await page.click('#insert-changes');
    await page.waitForSelector('#status.ok');
    expect(await page.textContent('#status')).toMatch(/^„Wijzigingen 2026 ten opzichte van 2025” staat in het document \(\d+ alinea’s en tabellen\)\.$/);
    const texts = () =>
      page.evaluate(() =>
        fakeWord
          .controls('synergy-register-changes')
          .map((c) => c.content.flatMap((n) => (n.kind === 'paragraph' ? [n.runs.map((r) => r.text).join('')] : [])).filter(Boolean)),
      );
    const [inserted] = await texts();
    const changes = (await (await pane.server.api('/api/changes?to=2026')).json()) as Changes;
    expect(inserted[0]).toBe('Wijzigingen 2026 ten opzichte van 2025');
    expect(inserted).toContain(`Nieuwe maatregelen (${changes.counts.added})`);
    expect(inserted).toHaveLength(1 + changes.changes.length + Object.values(changes.counts).filter((n) => n > 0).length);
    await page.screenshot({ path: artifactPath('addin', 'pane-changes-nl.png'), fullPage: true });

    await page.click('#insert-changes');
    await page.getByText(/is in het document bijgewerkt/).waitFor();
    expect(await texts()).toEqual([inserted]);
    await page.context().close();
  });
});
