import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as model from '../../src/domain/model';
import type { TestServer } from '../support/server';

/** A fresh browser context (no saved language) with a page that records dialogs and page errors. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { context, page, dialogs, errors };
}

export async function json<T = any>(res: Response): Promise<T> {
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${body}`);
  return (body ? JSON.parse(body) : undefined) as T;
}

export interface Fixture {
  focusGroupId: string;
  laptops: { id: string; etag: string };
  training: { id: string; etag: string };
  cleaning: { id: string; etag: string };
  overdueAction: { id: string; etag: string };
  laterAction: { id: string; etag: string };
  meetingId: string;
}

/** Sets the register's commune up, as the first-run screen does, so that the tab opens on the register. */
export async function setUpCommune(server: TestServer): Promise<void> {
  const res = await server.api('/api/settings', {
    method: 'PUT',
    json: { municipality: { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' }, bodyKind: 'municipality', region: 'brussels', languages: ['nl', 'fr'] },
  });
  if (!res.ok) throw new Error(`settings: ${res.status} ${await res.text()}`);
}

/** The tests' own register (no demo data, the commune set up): three entries in three domains, actions, a meeting, a poll. */
export async function seed(server: TestServer): Promise<Fixture> {
  await setUpCommune(server);
  const post = (path: string, body: unknown) => server.api(path, { method: 'POST', json: body }).then((r) => json(r));
  const group = await post('/api/focus-groups', {
    domain: 'ICT',
    name: { nl: 'Focusgroep ICT', fr: 'Groupe de travail TIC' },
    members: [
      { name: 'An Peeters', administration: 'gemeente', role: 'contact', function: 'ICT-coördinator' },
      { name: 'Karim El Amrani', administration: 'ocmw', role: 'member' },
    ],
    channel: { teamId: 'team-1', channelId: '19:ict@thread.tacv2', name: 'ICT-synergie' },
    mandate: { nl: 'Gezamenlijke ICT-aankopen en infrastructuur.' },
  });
  const laptops = await post('/api/entries', {
    title: { nl: 'Gezamenlijke aankoop van laptops', fr: 'Achat groupé d’ordinateurs portables' },
    description: { nl: 'Eén raamcontract voor gemeente en OCMW.' },
    domain: 'ICT',
    status: 'existing',
    startYear: 2021,
    parties: ['Gemeente', 'OCMW'],
    kind: 'economy_of_scale',
    formalisation: 'joint_procurement',
    financialBenefit: { amountEur: 12500, confidence: 'estimate' },
    focusGroupId: group.id,
  });
  const training = await post('/api/entries', {
    title: { nl: 'Gedeelde opleidingen voor het personeel', fr: 'Formations communes du personnel' },
    domain: 'HR',
    status: 'new',
    startYear: 2023,
    parties: ['Gemeente', 'OCMW'],
    kind: 'synergy',
    formalisation: 'agreement',
  });
  const cleaning = await post('/api/entries', {
    title: { fr: 'Marché conjoint de nettoyage' },
    domain: 'PROC',
    status: 'proposed',
    startYear: 2024,
    parties: ['Commune', 'CPAS', 'Politiezone'],
    kind: 'economy_of_scale',
    formalisation: 'joint_procurement',
  });
  await post(`/api/entries/${laptops.id}/decisions`, {
    body: 'college',
    date: '2023-02-01',
    text: { nl: 'Principieel akkoord met het raamcontract' },
    outcome: 'approved',
  });
  const overdueAction = await post('/api/actions', {
    entryId: laptops.id,
    title: 'Bestek opstellen',
    owner: { id: 'local-developer', name: 'Lokale ontwikkelaar (local mode)' },
    dueDate: '2020-01-15',
  });
  const laterAction = await post('/api/actions', {
    entryId: laptops.id,
    title: 'Offertes vergelijken',
    owner: { name: 'Sarah Janssens' },
    dueDate: '2099-06-30',
  });
  const meeting = await post('/api/meetings', {
    body: 'steering_group',
    date: '2023-01-19',
    title: { nl: 'Stuurgroep synergieën' },
    summary: { nl: 'Overzicht van de lopende dossiers.' },
    decisions: [{ text: { nl: 'De ICT-aankopen worden gebundeld.' }, entryIds: [laptops.id] }],
  });
  const poll = await server.register.store.polls.create(
    model.poll.parse({
      focusGroupId: group.id,
      entryId: laptops.id,
      question: 'Welk type laptop kiezen we?',
      options: [
        { id: 'a', label: '14 duim' },
        { id: 'b', label: '15 duim' },
      ],
      createdBy: { name: 'An Peeters' },
      createdAt: '2023-03-01T09:00:00Z',
      requestKey: 'test:tab-fixture-poll',
    }),
  );
  await server.register.store.votes.create(
    model.vote.parse({
      pollId: poll.id,
      voter: { id: 'u1', name: 'An Peeters' },
      optionIds: ['b'],
      at: '2023-03-01T10:00:00Z',
      ballotKey: model.ballotKeyOf(poll.id, 'u1'),
    }),
  );
  const fresh = async (path: string) => json(await server.api(path));
  return {
    focusGroupId: group.id,
    laptops: await fresh(`/api/entries/${laptops.id}`),
    training,
    cleaning,
    overdueAction,
    laterAction,
    meetingId: meeting.id,
  };
}

/** Every form control in the page has an accessible label (label element, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.$$eval('input, select, textarea', (els) =>
    els
      .filter((el) => {
        const c = el as HTMLInputElement;
        if (c.type === 'hidden') return false;
        return !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/**
 * Keyboard only: presses Tab (Shift+Tab with `back`) until the focused element matches `selector` (a fluent-button
 * host counts for its inner button), and fails when it never gets there: what a person without a mouse does.
 */
export async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.max ?? 150); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const found = await page.evaluate((sel) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const host = document.activeElement;
      return Boolean(host?.matches(sel) || el?.matches(sel));
    }, selector);
    if (found) return;
  }
  throw new Error(`keyboard: Tab never reached ${selector}`);
}

/** Keyboard only: moves the focused <select> with the arrow keys until it shows `value`. */
export async function arrowTo(page: Page, value: string): Promise<void> {
  await page.keyboard.press('Home');
  for (let i = 0; i < 80; i++) {
    if ((await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`keyboard: the select never showed ${value}`);
}
