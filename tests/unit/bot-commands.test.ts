import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePoll } from '../../bot/commands/poll';
import { COMMANDS } from '../../bot/commands';
import { CommandRegistry, type Matched } from '../../bot/commands/registry';
import { languageOf, translator } from '../../bot/i18n';

const registry = new CommandRegistry();

/** What a message parses to, as the registry sees it: the command, its arguments or refusal, the answer's language. */
function parse(text: string, client: 'nl' | 'fr' | 'en' = 'en') {
  const m: Matched = registry.match(text, client);
  if (m.kind === 'command') return { command: m.command.name, args: m.args, language: m.language };
  if (m.kind === 'refused') return { command: m.command.name, refused: m.key, params: m.params, language: m.language };
  return m;
}

describe('commands in three languages', () => {
  test.each([
    ['help', { command: 'help', args: {}, language: 'en' }],
    ['Hulp', { command: 'help', args: {}, language: 'nl' }],
    ['aide', { command: 'help', args: {}, language: 'fr' }],
    ['', { kind: 'empty' }],
    ['open actions', { command: 'actions', args: { overdue: false, mine: false }, language: 'en' }],
    ['open acties ICT achterstallig mijn', { command: 'actions', args: { domain: 'ICT', overdue: true, mine: true }, language: 'nl' }],
    ['actions ouvertes RH en retard', { command: 'actions', args: { domain: 'HR', overdue: true, mine: false }, language: 'fr' }],
    ['open actions purple', { command: 'actions', refused: 'error.badArgument', params: { word: 'purple', command: 'open actions' }, language: 'en' }],
    ['actions ouvertes informatique en retard les miennes', { command: 'actions', args: { domain: 'ICT', overdue: true, mine: true }, language: 'fr' }],
    ['Actions HR overdue', { command: 'actions', args: { domain: 'HR', overdue: true, mine: false }, language: 'en' }],
    ['open acties soc.hous', { command: 'actions', args: { domain: 'SOC.HOUS', overdue: false, mine: false }, language: 'nl' }],
    ['entry 12', { command: 'entry', args: { id: '12' }, language: 'en' }],
    ['maatregel #7', { command: 'entry', args: { id: '7' }, language: 'nl' }],
    ['entrée achats groupés', { command: 'entry', args: { text: 'achats groupés' }, language: 'fr' }],
    ['entry', { command: 'entry', refused: 'error.missingEntry', params: {}, language: 'en' }],
    ['results', { command: 'results', args: {}, language: 'en' }],
    ['résultats 4', { command: 'results', args: { pollId: '4' }, language: 'fr' }],
    ['resultaten vier', { command: 'results', refused: 'error.badArgument', params: { word: 'vier', command: 'resultaten' }, language: 'nl' }],
    ['stemming', { command: 'poll', args: { kind: 'form' }, language: 'nl' }],
    ['sondage 3', { command: 'poll', args: { kind: 'show', pollId: '3' }, language: 'fr' }],
    ['nonsense here', { kind: 'unknown', word: 'nonsense' }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  test('the answer is in the language of the word used, whatever the client says; a word two languages share follows the client', () => {
    const parse = (text: string, client: 'nl' | 'fr' | 'en') => {
      const m = registry.match(text, client);
      return { language: m.kind === 'command' || m.kind === 'refused' ? m.language : undefined };
    };
    expect(parse('hulp', 'en').language).toBe('nl');
    expect(parse('aide', 'nl').language).toBe('fr');
    expect(parse('help', 'nl').language).toBe('nl');
    expect(parse('help', 'fr').language).toBe('en');
    expect(parse('fiche 12', 'fr').language).toBe('fr');
    expect(parse('fiche 12', 'nl').language).toBe('nl');
    expect(parse('fiche 12', 'en').language).toBe('nl');
  });

  test("Teams markup around the text is ignored (the SDK itself removes the bot's @mention)", () => {
    expect(parse('<p>open&nbsp;acties</p>')).toMatchObject({ command: 'actions' });
    expect(parse('/help')).toMatchObject({ command: 'help' });
  });
});

describe('poll settings before the question', () => {
  test('every setting in French', () => {
    expect(
      parsePoll(
        'multiple anonyme scellé groupe=ICT fiche=12 votants=canal quorum=50% ouverture=2026-11-30T09:00 clôture=2026-12-01T17:00 rappel=9h30 Quel jour ? | Lundi | Mardi |  ',
      ),
    ).toEqual({
      ok: true,
      value: {
        kind: 'create',
        question: 'Quel jour ?',
        options: ['Lundi', 'Mardi'],
        multipleChoice: true,
        anonymous: true,
        sealed: true,
        opensAt: '2026-11-30T08:00:00.000Z',
        closesAt: '2026-12-01T16:00:00.000Z',
        roster: 'channel',
        quorum: { percent: 50 },
        reminderTime: '09:30',
        entryId: '12',
        group: 'ICT',
      },
    });
  });

  test('Dutch and English words; bad values are named', () => {
    expect(parsePoll('verzegeld kiezers=groep quorum=4 herinner=08:00 Welke dag? | ma | di')).toMatchObject({
      ok: true,
      value: { sealed: true, roster: 'focusGroup', quorum: { ballots: 4 }, reminderTime: '08:00' },
    });
    expect(parsePoll('sealed roster=everyone Q | a | b')).toEqual({
      ok: false,
      key: 'error.badArgument',
      params: { word: 'roster=everyone', command: 'poll' },
    });
    expect(parsePoll('quorum=half Q | a | b')).toMatchObject({ ok: false, key: 'error.badArgument' });
    expect(parsePoll('Only one | option')).toMatchObject({ ok: false, key: 'error.pollSyntax' });
    expect(parsePoll('closes=tomorrow Q | a | b')).toEqual({ ok: false, key: 'error.badDate', params: { value: 'tomorrow' } });
    expect(parsePoll(`Q | ${Array.from({ length: 11 }, (_, i) => `o${i}`).join(' | ')}`)).toMatchObject({ ok: false, key: 'error.pollSyntax' });
  });
});

describe('the command registry', () => {
  test('every command module in bot/commands is in its index, each with its own help line and buttons', () => {
    const dir = path.join(__dirname, '../../bot/commands');
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['command.ts', 'parse.ts', 'registry.ts', 'index.ts'].includes(f));
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(modules.map((f) => f.replace(/\.ts$/, '')).sort());
    expect(registry.commands.map((c) => c.order)).toEqual([...registry.commands.map((c) => c.order)].sort((a, b) => a - b));
    expect(registry.verbList()).toEqual(expect.arrayContaining(['poll.vote', 'poll.close', 'poll.runAgain', 'actions.page']));
    expect(registry.helpLines(translator('en'))).toHaveLength(modules.length);
    expect(registry.action('poll.vote')).toBeDefined();
    expect(registry.action('actions.page')).toBeDefined();
    expect(registry.action('nope')).toBeUndefined();
  });
});

describe('i18n', () => {
  test('language from the locale, English fallback', () => {
    expect(languageOf('nl-BE')).toBe('nl');
    expect(languageOf('fr-BE')).toBe('fr');
    expect(languageOf('de-DE')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(translator('fr')('poll.started', { id: 3 })).toBe('Sondage 3 lancé.');
  });
});
