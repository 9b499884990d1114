import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { json, openPage } from './tab-helpers';
import { describeNeeding } from '../support/tools';
import { closeSuite } from '../support/browser-suite';

/**
 * The tab's poll view, as a person uses it: from an entry, start a sealed poll with a quorum; vote and see
 * one's own ballot while the results stay sealed; the creator sees who has not voted; a second person's
 * vote shows up without pressing anything; close; the outcome is on the entry; export the results.
 */

const run = describeNeeding('chromium');
jest.setTimeout(90_000);

let server: TestServer;
let browser: Browser;
let entryId: string;
let groupId: string;

beforeAll(async () => {
  server = await startTestServer({ demoData: false });
  browser = await launchChromium();
  const group = await json(
    await server.api('/api/focus-groups', {
      method: 'POST',
      json: {
        domain: 'PROC',
        name: { nl: 'Focusgroep Aankoop', fr: 'Groupe de travail Achats' },
        members: [
          { id: 'local-developer', name: 'Lokale ontwikkelaar', administration: 'gemeente', role: 'contact' },
          { id: 'aad-karim', name: 'Karim El Amrani', administration: 'ocmw', role: 'member' },
          { id: 'aad-sofie', name: 'Sofie Claes', administration: 'gemeente', role: 'member' },
          { name: 'Zonder Account', administration: 'ocmw', role: 'member' },
        ],
      },
    }),
  );
  groupId = group.id;
  const entry = await json(
    await server.api('/api/entries', {
      method: 'POST',
      json: {
        title: { nl: 'Aankoopcentrale van Sint-Pieters-Leeuw', fr: "Centrale d'achat de Leeuw-Saint-Pierre" },
        domain: 'PROC',
        status: 'under_study',
        kind: 'economy_of_scale',
        formalisation: 'joint_procurement',
        focusGroupId: group.id,
      },
    }),
  );
  entryId = entry.id;
});

afterAll(() => closeSuite({ browser, server }));

run('the tab poll view', () => {
  test('create a sealed poll for an entry, vote, see who has not voted, a live count, close, outcome, export', async () => {
    const { page, context, errors } = await openPage(browser, `${server.url}/tab?lang=fr&entry=${entryId}`, { locale: 'fr-BE' });
    await page.getByTestId('entry-title').waitFor();
    await page.getByTestId('new-poll').click();
    await page.getByTestId('poll-form').waitFor();
    await page.getByLabel('Question').fill('Quelle centrale d’achat ?');
    await page.getByLabel('Options, une par ligne (2 à 10)').fill('Rejoindre une centrale existante\nCréer notre centrale\nAchats groupés ponctuels');
    await page.getByLabel('Masquer les résultats jusqu’à la clôture').check();
    await page.getByLabel('Qui peut voter').selectOption('focusGroup');
    // not a yes/no question: its outcome becomes a decision only because the chair says so
    await page.getByLabel('Enregistrer le résultat comme décision de la mesure').selectOption('yes');
    // A quorum the roster cannot reach is refused, with the reason next to the field.
    await page.getByLabel('Quorum (nombre de bulletins ou %, facultatif)').fill('9');
    await page.getByTestId('create-poll').click();
    await page.locator('[data-errors-for="quorum"]').filter({ hasText: /3/ }).waitFor();
    await page.screenshot({ path: artifactPath('tab', 'poll-form-fr-refused.png') });
    await page.getByLabel('Quorum (nombre de bulletins ou %, facultatif)').fill('60%');
    await page.getByTestId('create-poll').click();
    await page.getByTestId('poll-question').waitFor();
    const pollId = decodeURIComponent(page.url().split('#/poll/')[1]);
    expect(await page.getByTestId('poll-meta').innerText()).toContain('Votants inscrits\u00a0: 3 · ont voté\u00a0: 0');

    // I vote; my ballot is shown, the counts stay sealed.
    await page.getByLabel('Créer notre centrale').check();
    await page.getByTestId('vote').click();
    await page.getByTestId('my-ballot').filter({ hasText: 'Votre vote\u00a0: Créer notre centrale' }).waitFor();
    expect(await page.getByTestId('sealed').innerText()).toBe('Résultats scellés jusqu’à la clôture. Bulletins déposés\u00a0: 1');
    expect(await page.getByTestId('not-voted').locator('li').allInnerTexts()).toEqual(['Karim El Amrani', 'Sofie Claes']);
    await page.screenshot({ path: artifactPath('tab', 'poll-sealed-fr.png') });

    // Karim votes elsewhere (the bot, the API): my page shows 2 ballots by itself, and still my own ballot.
    await server.register.polls.vote(pollId, { id: 'aad-karim', name: 'Karim El Amrani' }, ['o1']);
    await page.getByTestId('sealed').filter({ hasText: 'Bulletins déposés\u00a0: 2' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('my-ballot').innerText()).toBe('Votre vote\u00a0: Créer notre centrale');
    expect(await page.getByTestId('not-voted').locator('li').allInnerTexts()).toEqual(['Sofie Claes']);
    // (the view redraws itself every few seconds: wait for the text rather than count it mid-redraw)
    await page.getByText('L’export est possible après la clôture.').waitFor();
    expect(await page.getByTestId('export-csv').count()).toBe(0);

    // Close (I am a chair): the outcome, in French, names the tie; it is on the entry.
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('close-poll').click();
    await page.getByTestId('outcome').waitFor();
    expect(await page.getByTestId('outcome').innerText()).toContain(
      'égalité entre «\u00a0Rejoindre une centrale existante\u00a0» et «\u00a0Créer notre centrale\u00a0»',
    );
    expect(await page.getByTestId('tally').innerText()).toContain('Karim El Amrani');
    await page.screenshot({ path: artifactPath('tab', 'poll-closed-fr.png') });
    const entry = await server.register.entries.get(entryId);
    expect(entry.decisions.find((d) => d.pollId === pollId)).toMatchObject({ body: 'focus_group', outcome: 'noted' });

    // Export: a CSV file with one row per ballot and the totals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`poll-${pollId}.csv`);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      });
    });
    // semicolons, as Excel reads CSV with Belgian settings; ballot times on the Brussels clock
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffBulletin;Votant;Voté le (Bruxelles);Rejoindre une centrale existante;Créer notre centrale;Achats groupés ponctuels',
    );
    expect(csv).toContain('Total;;;1;1;0');
    expect(csv.split('\r\n')[1]).toMatch(/^1;Lokale ontwikkelaar \(local mode\);\d{4}-\d{2}-\d{2} \d{2}:\d{2};0;1;0$/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`poll-${pollId}.xlsx`);

    // Run it again: the form opens filled in with the question, options and settings, to change before starting.
    await page.getByTestId('duplicate-poll').click();
    await page.getByTestId('poll-form').waitFor();
    expect(await page.locator('#view-title').innerText()).toBe('Relancer le sondage\u00a0: modifiez ce qu’il faut, puis lancez-le');
    expect(await page.getByLabel('Question').inputValue()).toBe('Quelle centrale d’achat ?');
    expect(await page.getByLabel('Options, une par ligne (2 à 10)').inputValue()).toBe(
      'Rejoindre une centrale existante\nCréer notre centrale\nAchats groupés ponctuels',
    );
    expect(await page.getByLabel('Masquer les résultats jusqu’à la clôture').isChecked()).toBe(true);
    expect(await page.getByLabel('Qui peut voter').inputValue()).toBe('focusGroup');
    expect(await page.getByLabel('Quorum (nombre de bulletins ou %, facultatif)').inputValue()).toBe('60%');
    expect(await page.getByLabel('Enregistrer le résultat comme décision de la mesure').inputValue()).toBe('yes');
    expect(await server.register.store.polls.list()).toHaveLength(1);
    await page.screenshot({ path: artifactPath('tab', 'poll-run-again-fr.png') });
    await page.getByLabel('Question').fill('Quelle centrale d’achat, deuxième tour ?');
    await page.getByTestId('create-poll').click();
    await page.getByTestId('poll-question').filter({ hasText: 'deuxième tour' }).waitFor();
    const second = (await server.register.store.polls.list()).find((p) => p.question.includes('deuxième tour'))!;
    expect(second).toMatchObject({ sealed: true, recordDecision: true, quorum: { percent: 60 }, entryId });

    // The entry lists the poll with its final counts.
    await page.goto(`${server.url}/tab?lang=fr#/entry/${entryId}`);
    await page.locator('.poll-list').getByText('Quelle centrale d’achat ?').waitFor();
    expect(errors).toEqual([]);
    await context.close();
    expect(groupId).toBeTruthy();
  });
  test('a scheduled sealed anonymous poll: says managers see who voted, shows its options to someone off the roster, offers no export yet', async () => {
    const opensAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await server.api('/api/polls', {
      method: 'POST',
      json: {
        focusGroupId: groupId,
        entryId,
        question: 'Quel fournisseur ?',
        options: ['A', 'B'],
        sealed: true,
        anonymous: true,
        opensAt,
        roster: [{ id: 'aad-karim', name: 'Karim El Amrani' }],
      },
    });
    expect(created.status).toBe(201);
    const poll = await json(created);
    const { page, context, errors } = await openPage(browser, `${server.url}/tab?lang=fr#/poll/${poll.id}`, { locale: 'fr-BE' });
    await page.getByTestId('poll-question').waitFor();
    expect(await page.getByTestId('anonymous-note').innerText()).toBe(
      'Anonyme\u00a0: personne ne voit votre choix\u00a0; les gestionnaires voient toutefois qui a déjà voté.',
    );
    expect(await page.getByTestId('poll-options').innerText()).toBe('Options\u00a0: A · B');
    await page.getByText('L’export est possible dès l’ouverture du sondage.').waitFor();
    expect(await page.getByTestId('export-csv').count()).toBe(0);
    await page.screenshot({ path: artifactPath('tab', 'poll-scheduled-sealed-fr.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
