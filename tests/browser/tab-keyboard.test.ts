import * as model from '../../src/domain/model';
import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { arrowTo, json, openPage, setUpCommune, tabTo } from './tab-helpers';

/**
 * With the keyboard alone (Tab, typing, arrows, Enter, Space; no mouse): a clerk adds a measure and an action
 * with its owner; a focus-group member votes.
 */

jest.setTimeout(90_000);
const suite = browserSuite({ demoData: false });
let groupId: string;

beforeAll(async () => {
  await setUpCommune(suite.server);
  const group = await json(
    await suite.server.api('/api/focus-groups', {
      method: 'POST',
      json: {
        domain: 'FIN',
        name: { nl: 'Focusgroep Financiën' },
        members: [
          { id: 'local-developer', name: 'Lokale ontwikkelaar', administration: 'gemeente', role: 'contact' },
          { id: 'aad-karim', name: 'Karim El Amrani', email: 'karim@gemeente.be', administration: 'ocmw', role: 'member' },
        ],
      },
    }),
  );
  groupId = group.id;
});

test('keyboard only: a new measure, then an action with its owner and due date', async () => {
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/register`);
  await tabTo(page, '[data-testid="new-entry"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('form.entry-form');
  await tabTo(page, '[name="title.nl"]');
  await page.keyboard.type('Gezamenlijke loonadministratie');
  await tabTo(page, '[name="domain"]');
  await arrowTo(page, 'HR');
  await tabTo(page, '[name="department.nl"]');
  await page.keyboard.type('Personeelsdienst');
  await tabTo(page, '[name="form"]');
  await arrowTo(page, 'shared_service');
  await tabTo(page, '[name="focusGroupId"]');
  await arrowTo(page, groupId);
  await tabTo(page, '[data-testid="save-entry"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="entry-title"]');
  expect(await page.locator('[data-testid="entry-title"]').innerText()).toBe('Gezamenlijke loonadministratie');
  // one Enter is one save: the history says "created" once
  expect(await page.locator('[data-testid="history"] > li').allInnerTexts()).toEqual([expect.stringMatching(/^Aangemaakt/)]);

  await tabTo(page, '[data-testid="add-action"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="action-form"]');
  await tabTo(page, '[name="title"]');
  await page.keyboard.type('Loonbrieven vergelijken');
  await tabTo(page, '[name="owner"]');
  await page.keyboard.type('Karim El Amrani');
  await tabTo(page, '[name="dueDate"]');
  // the date field reads the browser's order (en-US here: month, day, year)
  await page.keyboard.type('03312025');
  await tabTo(page, '[data-testid="action-form-save"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="actions-table"]');
  await page.screenshot({ path: artifactPath('tab', 'keyboard-action.png'), fullPage: true });
  const [action] = (await json(await suite.server.api('/api/actions'))).items;
  expect(action).toMatchObject({
    title: 'Loonbrieven vergelijken',
    owner: { id: 'aad-karim', name: 'Karim El Amrani', email: 'karim@gemeente.be' },
    dueDate: '2025-03-31',
  });
  expect(errors).toEqual([]);
  await context.close();
});

test('keyboard only: a member votes on a poll in the tab', async () => {
  const entry = await json(
    await suite.server.api('/api/entries', {
      method: 'POST',
      json: { title: { nl: 'Gedeelde kas' }, domain: 'FIN', status: 'proposed', kind: 'synergy', formalisation: 'agreement', focusGroupId: groupId },
    }),
  );
  const poll = await suite.server.register.store.polls.create(
    model.poll.parse({
      focusGroupId: groupId,
      entryId: entry.id,
      question: 'Welke bank kiezen we?',
      options: [
        { id: 'a', label: 'Belfius' },
        { id: 'b', label: 'BNP Paribas Fortis' },
      ],
      roster: [
        { id: 'local-developer', name: 'Lokale ontwikkelaar' },
        { id: 'aad-karim', name: 'Karim El Amrani' },
      ],
      createdBy: { name: 'Karim El Amrani', id: 'aad-karim' },
      createdAt: new Date().toISOString(),
      requestKey: 'test:keyboard-poll',
    }),
  );
  const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/tab?lang=nl#/poll/${poll.id}`);
  await page.waitForSelector('[data-testid="ballot-form"]');
  await tabTo(page, 'input[name="choice"]');
  // arrows move within a radio group and choose
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('b');
  await tabTo(page, '[data-testid="vote"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('my-ballot').filter({ hasText: 'BNP Paribas Fortis' }).waitFor();
  await page.screenshot({ path: artifactPath('tab', 'keyboard-vote.png'), fullPage: true });
  const votes = await suite.server.register.store.votes.list();
  expect(votes.map((v) => [v.voter.id, v.optionIds])).toEqual([['local-developer', ['b']]]);
  expect(errors).toEqual([]);
  await context.close();
});
