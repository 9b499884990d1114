import { changesCard } from '../../bot/commands/changes';
import { CommandRegistry, type Matched } from '../../bot/commands/registry';
import { translator } from '../../bot/i18n';
import type { SynergyEntry } from '../../src/domain/model';
import { changesBetween } from '../../src/changes/changes';
import { cardActions, cardTexts, validateCard } from '../fakes/bot-connector';
import { entry } from './annex-fixtures';

/** The bot's "changes 2026" (wijzigingen, changements): its words, its refusals, its card. */

const registry = new CommandRegistry();

function parse(text: string, client: 'nl' | 'fr' | 'en' = 'en') {
  const m: Matched = registry.match(text, client);
  if (m.kind === 'command') return { args: m.args, language: m.language };
  if (m.kind === 'refused') return { refused: m.key, params: m.params, language: m.language, text: translator(m.language)(m.key, m.params) };
  return m;
}

test.each([
  ['changes 2026', { args: { to: 2026, from: 2025 }, language: 'en' }],
  ['Wijzigingen 2026 2023', { args: { to: 2026, from: 2023 }, language: 'nl' }],
  ['changements 2026', { args: { to: 2026, from: 2025 }, language: 'fr' }],
  ['what changed 2027', { args: { to: 2027, from: 2026 }, language: 'en' }],
])('%s', (text, expected) => {
  expect(parse(text, 'en')).toEqual(expected);
});

test('a missing or bad year is answered with what was wrong, in the language of the word used', () => {
  expect(parse('changements')).toMatchObject({
    refused: 'error.changesNoYear',
    text: 'Pour quelle année de rapport\u00a0? Par exemple «\u00a0changements 2026\u00a0».',
  });
  expect(parse('wijzigingen 20x6')).toMatchObject({
    refused: 'error.changesBadYear',
    language: 'nl',
    text: '"20x6" is geen verslagjaar: geef een jaar van 2000 tot 2100, bijvoorbeeld "wijzigingen 2026".',
  });
  expect(parse('changes 1999')).toMatchObject({ refused: 'error.changesBadYear', params: { word: '1999' } });
  expect(parse('changes 2026 2025 extra')).toMatchObject({ refused: 'error.changesBadYear', params: { word: 'extra' } });
  expect(parse('changes 2023 2026')).toMatchObject({ refused: 'error.changesOrder', text: 'The earlier year (2026) must come before 2023.' });
});

const m = (reportYear: number, status: SynergyEntry['status']) => ({ reportYear, status, italic: false, listed: true });
const LINKS = { teamsAppId: 'app-1', publicUrl: 'https://register.example/', inTeams: false };

function register() {
  const added = ['Gedeelde helpdesk', 'Gezamenlijke aankoop van papier', 'Eén loket', 'Gedeelde drukkerij', '[klik](https://evil.example) **vet** <b>x</b>'];
  return [
    ...added.map((title) => entry({ title: { nl: title }, mentions: [m(2025, 'existing'), m(2026, 'new')].slice(1) })),
    entry({ title: { nl: 'Gemeenschappelijke IDPBW' }, mentions: [m(2025, 'existing'), m(2026, 'stopped')] }),
    entry({ title: { nl: 'Loket huisvesting' }, mentions: [m(2025, 'proposed'), m(2026, 'decided')] }),
  ];
}

test('the card: per kind its count and first three items, the rest counted, texts from people escaped, a button to the tab', () => {
  const changes = changesBetween(register(), 2025, 2026);
  const card = changesCard(changes, { language: 'nl', t: translator('nl'), links: LINKS });
  expect(validateCard(card)).toEqual([]);
  const texts = cardTexts(card);
  expect(texts[0]).toBe('Wijzigingen 2026 ten opzichte van 2025');
  expect(texts).toContain('Nieuwe maatregelen (5)');
  expect(texts).toContain('Stopgezette of verdwenen maatregelen (1)');
  expect(texts).toContain('Gewijzigde status (1)');
  const added = texts[texts.indexOf('Nieuwe maatregelen (5)') + 1].split('\n');
  expect(added).toEqual([
    '- Gedeelde helpdesk (Nieuw dit jaar)',
    '- Gezamenlijke aankoop van papier (Nieuw dit jaar)',
    '- Eén loket (Nieuw dit jaar)',
    '… en nog 2 andere',
  ]);
  expect(texts.join('\n')).toContain('- Loket huisvesting: Voorgesteld → Beslist');
  const [open] = cardActions(card);
  expect(open).toMatchObject({ type: 'Action.OpenUrl', url: 'https://register.example/tab#/changes?to=2026&from=2025' });

  // the escaped title of someone who wrote markdown and HTML
  const evil = changesBetween(register().slice(4), 2025, 2026);
  const evilText = cardTexts(changesCard(evil, { language: 'fr', t: translator('fr'), links: { ...LINKS, inTeams: true } }));
  expect(evilText[0]).toBe('Changements 2026 par rapport à 2025');
  expect(evilText).toContain('- \\[klik\\](https://evil.example) \\*\\*vet\\*\\* \\<b\\>x\\</b\\> (Nouveau cette année)');
});

test('in Teams the button opens the register tab on the two years; no change at all is said so', () => {
  const none = changesBetween([], 2025, 2026);
  const card = changesCard(none, { language: 'fr', t: translator('fr'), links: { ...LINKS, inTeams: true } });
  expect(cardTexts(card)).toContain('Aucun changement.');
  const url = new URL(String(cardActions(card)[0].url));
  expect(url.host).toBe('teams.microsoft.com');
  expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'changes:2026:2025' });
  expect(url.searchParams.get('webUrl')).toBe('https://register.example/tab#/changes?to=2026&from=2025');
});
