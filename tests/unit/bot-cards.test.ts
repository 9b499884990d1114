import { actionsCard } from '../../bot/cards/actions-card';
import { digestCard } from '../../bot/cards/digest-card';
import { entryCard } from '../../bot/cards/entry-card';
import { helpCard } from '../../bot/cards/help-card';
import { pollCard, resultsCard } from '../../bot/cards/poll-card';
import { pollFormCard } from '../../bot/cards/poll-form-card';
import { byteSize, entryDeepLink, MAX_CARD_BYTES, plain, registerLink } from '../../bot/cards/text';
import { translator } from '../../bot/i18n';
import type { Action, Poll, SynergyEntry, Vote } from '../../src/domain/model';
import { outcomeOf } from '../../src/domain/poll-outcome';
import { viewOf } from '../../src/register/polls/view';
import type { Stored } from '../../src/store/store';
import { cardActions, cardTexts, validateCard } from '../fakes/bot-connector';

const links = { teamsAppId: '6f1f5c2e-3d0a-4a57-9c57-7a1b2c3d4e5f', publicUrl: 'https://synergy.example.org', inTeams: true };
const long = (n: number, c = 'é') => c.repeat(n);

function ok(card: object) {
  expect(validateCard(card)).toEqual([]);
  expect(byteSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
}

test('plain() neutralises markdown links, emphasis, code and HTML', () => {
  expect(plain('[x](https://evil) *a* _b_ `c` <script>')).toBe('\\[x\\](https://evil) \\*a\\* \\_b\\_ \\`c\\` \\<script\\>');
  expect(plain('- item\nline')).toBe('\\- item line');
  expect(plain('1. first')).toBe('1\\. first');
  expect(plain(long(3000), 100)).toHaveLength(100);
});

test("the digest speaks the reader's dates, marks a title written in another language, and lets an owner mark each action done", () => {
  const digest = {
    week: '2026-W49',
    today: '2026-12-05',
    lines: [
      { actionId: '7', title: 'Laptops bestellen', dueDate: '2026-12-01', overdue: true, entryId: '9', ownerName: 'Ann' },
      { actionId: '8', title: 'Contrat signé', dueDate: '2026-12-07', overdue: false, entryId: null, ownerName: 'Ann', language: 'fr' as const },
    ],
    entryTitles: { '9': { nl: 'Gezamenlijke aankoop' } },
  };
  const fr = digestCard({ digest, t: translator('fr'), language: 'fr', links, defaultLanguage: 'nl' });
  ok(fr);
  const texts = cardTexts(fr).join('\n');
  expect(texts).toContain('5 décembre 2026');
  expect(texts).toContain('En retard depuis le 1 décembre 2026');
  expect(texts).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(texts).toContain('Laptops bestellen (en néerlandais)');
  expect(texts).toContain('Contrat signé**');
  expect(
    cardActions(fr)
      .filter((a) => a.verb === 'actions.done')
      .map((a) => (a.data as { actionId: string }).actionId),
  ).toEqual(['7', '8']);
  const nl = digestCard({ digest, t: translator('nl'), language: 'nl', links, defaultLanguage: 'nl', groupName: 'ICT' });
  expect(cardTexts(nl).join('\n')).toContain('Achterstallig sinds 1 december 2026');
  expect(cardTexts(nl).join('\n')).toContain('Contrat signé (in het Frans)');
  // a channel summary is not anyone's own list: no buttons that change an action
  expect(cardActions(nl).some((a) => a.verb === 'actions.done')).toBe(false);
});

test('deep link: encoded webUrl, label and context with subEntityId', () => {
  const url = new URL(entryDeepLink(links.teamsAppId, links.publicUrl, '12', 'Aankoop & levering #1'));
  expect(url.pathname).toBe(`/l/entity/${links.teamsAppId}/register`);
  expect(url.searchParams.get('webUrl')).toBe('https://synergy.example.org/tab?entry=12');
  expect(url.searchParams.get('label')).toBe('Aankoop & levering #1');
  expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: '12' });
  const poll = new URL(registerLink(links, { pollId: '3' }, 'Which day?'));
  expect(JSON.parse(poll.searchParams.get('context')!)).toEqual({ subEntityId: 'poll:3' });
  expect(poll.searchParams.get('webUrl')).toBe('https://synergy.example.org/tab?poll=3');
});

test('outside Teams (Agents Playground, local mode) links open the local tab in the browser', () => {
  const local = { ...links, publicUrl: 'http://localhost:3978', inTeams: false };
  expect(registerLink(local, { entryId: '12' }, 'x')).toBe('http://localhost:3978/tab?entry=12');
  expect(registerLink(local, { pollId: '3' }, 'x')).toBe('http://localhost:3978/tab?poll=3');
});

test('1 000 open actions with 500-character titles: every page fits in 28 KB, pages cover them all', () => {
  const actions: Stored<Action>[] = Array.from({ length: 1000 }, (_, i) => ({
    id: String(i + 1),
    etag: '1',
    entryId: String((i % 50) + 1),
    title: `${i + 1} ${long(495)}`,
    owner: { name: long(200, 'ø') },
    dueDate: '2099-01-01',
    status: 'open',
    doneDate: null,
  }));
  const titles = new Map(Array.from({ length: 50 }, (_, i) => [String(i + 1), long(500, 'ß')]));
  const t = translator('fr');
  const first = actionsCard({
    actions,
    entryTitles: titles,
    filter: { overdue: false, mine: false },
    page: 1,
    today: '2026-01-01',
    language: 'fr',
    t,
    links,
    defaultLanguage: 'fr',
  });
  ok(first.card);
  expect(first.pages).toBeGreaterThan(10);
  const seen = new Set<string>();
  for (let page = 1; page <= first.pages; page++) {
    const { card } = actionsCard({
      actions,
      entryTitles: titles,
      filter: { overdue: false, mine: false },
      page,
      today: '2026-01-01',
      language: 'fr',
      t,
      links,
      defaultLanguage: 'fr',
    });
    expect(byteSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    for (const text of cardTexts(card)) {
      const m = /^(\d+) é/.exec(text);
      if (m) seen.add(m[1]);
    }
    const nav = cardActions(card)
      .filter((a) => a.verb === 'actions.page')
      .map((a) => (a.data as { page: number }).page);
    expect(nav).toEqual([...(page > 1 ? [page - 1] : []), ...(page < first.pages ? [page + 1] : [])]);
  }
  expect(seen.size).toBe(1000);
});

const poll = (over: Partial<Poll> = {}): Stored<Poll> => ({
  id: '3',
  etag: '1',
  focusGroupId: '1',
  entryId: '9',
  question: `**Vote** [here](https://evil) ${long(400)}`,
  options: Array.from({ length: 10 }, (_, i) => ({ id: `o${i + 1}`, label: `${i + 1} ${long(190)}` })),
  multipleChoice: false,
  anonymous: false,
  closesAt: '2026-12-01T16:00:00.000Z',
  opensAt: null,
  status: 'open',
  sealed: false,
  roster: null,
  quorum: null,
  reminderTime: null,
  createdBy: { name: 'Ann', id: 'aad-ann' },
  creatorTeamsId: '29:ann',
  createdAt: '2026-01-01T00:00:00Z',
  closedAt: null,
  message: null,
  language: 'nl',
  requestKey: 'api:cards-1',
  ...over,
});

test('a named poll with 500 voters and long labels stays under 28 KB, userIds capped at 60', () => {
  const p = poll();
  const votes: Vote[] = Array.from({ length: 500 }, (_, i) => ({
    pollId: '3',
    voter: { id: `29:v${i}`, name: `${long(60, 'ñ')} ${i}` },
    optionIds: [`o${(i % 10) + 1}`],
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    ballotKey: `3|29:v${i}`,
  }));
  const NOW = new Date('2026-06-01T00:00:00Z');
  const view = viewOf(p, votes, { id: '29:v1', canManage: true }, NOW);
  const card = pollCard({
    view,
    t: translator('nl'),
    language: 'nl',
    links,
    entryTitle: long(300),
    refreshUserIds: votes.map((v) => v.voter.id),
    personal: true,
  });
  ok(card);
  expect((card.refresh as { userIds: string[] }).userIds).toHaveLength(60);
  expect(cardTexts(card)).toContain(plain(p.question, 500));
  const nameLines = cardTexts(card).filter((t) => / \+\d+$/.test(t));
  expect(nameLines).toHaveLength(10);
  for (const line of nameLines) expect(line.split(', ').length + Number(/\+(\d+)$/.exec(line)![1])).toBe(50);
  const closed = { ...p, status: 'closed' as const, closedAt: '2026-12-01T16:00:00.000Z' };
  const closedView = viewOf(closed, votes, { id: '', canManage: false }, NOW);
  const french = pollCard({ view: closedView, t: translator('fr'), language: 'fr', links, refreshUserIds: [], personal: false });
  ok(french);
  // each option's line in French typography: "Option\u00a0: 5 (10\u00a0%)"
  const tallies = cardTexts(french).filter((t) => /[█░]{10}$/.test(t));
  expect(tallies).toHaveLength(p.options.length);
  for (const line of tallies) expect(line).toMatch(/^.+\u00a0: \d+ \(\d+\u00a0%\) {2}[█░]{10}$/u);
  ok(resultsCard({ view: closedView, t: translator('en'), language: 'en', links, outcome: outcomeOf(closed, closedView.tally) }));
});

test('a sealed poll with a roster of 500: the card shows only the number of ballots; the list of who has not voted fits', () => {
  const roster = Array.from({ length: 500 }, (_, i) => ({ id: `aad-${i}`, name: `${long(60, 'ñ')} ${i}` }));
  const p = poll({ sealed: true, roster, quorum: { percent: 50 } });
  const votes: Vote[] = roster
    .slice(0, 200)
    .map((m, i) => ({ pollId: '3', voter: { id: m.id, name: m.name }, optionIds: [`o${(i % 10) + 1}`], at: '2026-06-01T00:00:00Z', ballotKey: `3|${m.id}` }));
  const view = viewOf(p, votes, { id: 'aad-ann', canManage: true }, new Date('2026-06-01T00:00:00Z'));
  const card = pollCard({ view, t: translator('fr'), language: 'fr', links, refreshUserIds: [], personal: true, notVoted: view.notVoted!.map((m) => m.name) });
  ok(card);
  const texts = cardTexts(card);
  expect(texts).toContain('Résultats scellés jusqu’à la clôture. Bulletins déposés\u00a0: 200');
  expect(texts.join('\n')).not.toMatch(/\(\d+\s?%\)/);
  expect(texts.some((t) => t.startsWith('N’ont pas encore voté (300)\u00a0: ') && t.endsWith(' +260'))).toBe(true);
  expect(cardActions(card).map((a) => a.title)).toEqual([
    'Qui n’a pas voté\u00a0?',
    'Envoyer un rappel',
    'Clôturer le sondage',
    'Oui, clôturer maintenant',
    'Actualiser',
    'Ouvrir dans le registre',
  ]);
});

test('entry, help and form cards are valid in all languages', () => {
  const entry: Stored<SynergyEntry> = {
    id: '9',
    etag: '1',
    title: { nl: long(500) },
    description: { fr: long(20000) },
    domain: 'SOC.HOUS',
    scope: 'gemeente-ocmw',
    status: 'in_progress',
    startYear: 2021,
    parties: ['Gemeente', 'OCMW'],
    kind: 'synergy',
    formalisation: 'agreement',
    formalisationOverride: false,
    endYear: null,
    benefits: [],
    notes: {},
    translations: [],
    financialBenefit: { amountEur: 125000, confidence: 'estimate' },
    qualitativeBenefit: {},
    contacts: [],
    focusGroupId: null,
    decisions: Array.from({ length: 50 }, () => ({ body: 'college' as const, date: '2026-01-01', text: { nl: long(4000) }, outcome: 'approved' as const })),
    mentions: [],
  };
  for (const lang of ['nl', 'fr', 'en'] as const) {
    const t = translator(lang);
    ok(entryCard({ entry, openActions: [], language: lang, t, links }));
    ok(helpCard(t, ['a line'], 'problem [x](y)'));
    ok(pollFormCard({ language: lang, t, focusGroups: [{ id: '1', name: 'ICT' }], focusGroupId: '1' }));
  }
  expect(JSON.stringify(entryCard({ entry, openActions: [], language: 'nl', t: translator('nl'), links }))).toContain('€');
});

test('an entry card in French marks what is only in Dutch, and dates decisions and actions as French readers write them', () => {
  const entry = {
    id: '4',
    etag: '1',
    title: { nl: 'Gezamenlijke aankoop' },
    description: { fr: 'Achat commun' },
    domain: 'ICT',
    scope: 'gemeente-ocmw',
    status: 'in_progress',
    startYear: 2021,
    parties: [],
    kind: 'synergy',
    formalisation: 'agreement',
    formalisationOverride: false,
    endYear: null,
    benefits: [],
    notes: {},
    translations: [],
    financialBenefit: { amountEur: null, confidence: 'estimate' },
    qualitativeBenefit: {},
    contacts: [],
    focusGroupId: null,
    mentions: [],
    decisions: [{ body: 'college' as const, date: '2026-12-05', text: { nl: 'Goedgekeurd' }, outcome: 'approved' as const }],
  } as never as Stored<SynergyEntry>;
  const actions = [
    { id: '1', etag: '1', entryId: '4', title: 'Offertes vergelijken', owner: { name: 'Ann' }, dueDate: '2027-01-15', status: 'open', doneDate: null },
  ] as Stored<Action>[];
  const texts = cardTexts(entryCard({ entry, openActions: actions, language: 'fr', t: translator('fr'), links, defaultLanguage: 'nl' })).join('\n');
  expect(texts).toContain('Gezamenlijke aankoop (en néerlandais)');
  expect(texts).toContain('Achat commun');
  expect(texts).not.toContain('Achat commun (');
  expect(texts).toMatch(/5 décembre 2026 · .*Goedgekeurd \(en néerlandais\)/);
  expect(texts).toContain('Offertes vergelijken (en néerlandais) · Ann · Échéance le 15 janvier 2027');
  expect(texts).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});
