import { cleanText, parseCommand } from '../../bot/commands';
import { languageOf, translator } from '../../bot/i18n';
import { formatLocalDateTime, parseLocalDateTime } from '../../bot/time';

describe('command parsing in three languages', () => {
  test.each([
    ['help', { kind: 'help' }],
    ['Hulp', { kind: 'help' }],
    ['aide', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['<at>Synergy Register</at> help', { kind: 'help' }],
    ['open actions', { kind: 'actions', overdue: false, mine: false }],
    ['open acties ICT achterstallig mijn', { kind: 'actions', domain: 'ICT', overdue: true, mine: true }],
    ['actions ouvertes RH en retard', { kind: 'actions', domain: 'HR', overdue: true, mine: false }],
    ['open actions purple', { kind: 'error', key: 'error.badArgument', params: { word: 'purple', command: 'open actions' }, command: 'actions' }],
    ['actions ouvertes informatique en retard les miennes', { kind: 'actions', domain: 'ICT', overdue: true, mine: true }],
    ['Actions HR overdue', { kind: 'actions', domain: 'HR', overdue: true, mine: false }],
    ['open acties soc.hous', { kind: 'actions', domain: 'SOC.HOUS', overdue: false, mine: false }],
    ['entry 12', { kind: 'entry', id: '12' }],
    ['fiche #7', { kind: 'entry', id: '7' }],
    ['fiche achats groupés', { kind: 'entry', text: 'achats groupés' }],
    ['entry', { kind: 'error', key: 'error.missingEntry', params: {}, command: 'entry' }],
    ['results', { kind: 'results' }],
    ['résultats 4', { kind: 'results', pollId: '4' }],
    ['resultaten vier', { kind: 'error', key: 'error.badArgument', params: { word: 'vier', command: 'results' }, command: 'results' }],
    ['stemming', { kind: 'pollForm' }],
    ['nonsense here', { kind: 'error', key: 'error.unknownCommand', params: { word: 'nonsense' } }],
  ])('%s', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  test('poll with settings before the question', () => {
    expect(parseCommand('sondage multiple anonyme groupe=ICT fiche=12 clôture=2026-12-01T17:00 Quel jour ? | Lundi | Mardi |  ')).toEqual({
      kind: 'poll',
      question: 'Quel jour ?',
      options: ['Lundi', 'Mardi'],
      multipleChoice: true,
      anonymous: true,
      closesAt: '2026-12-01T16:00:00.000Z',
      entryId: '12',
      group: 'ICT',
    });
    expect(parseCommand('poll Only one | option')).toMatchObject({ kind: 'error', key: 'error.pollSyntax' });
    expect(parseCommand('poll closes=tomorrow Q | a | b')).toMatchObject({ kind: 'error', key: 'error.badDate', params: { value: 'tomorrow' } });
    expect(parseCommand(`poll Q | ${Array.from({ length: 11 }, (_, i) => `o${i}`).join(' | ')}`)).toMatchObject({ kind: 'error', key: 'error.pollSyntax' });
  });

  test('mentions and markup are removed', () => {
    expect(cleanText('<at>Bot</at>&nbsp; open   acties ')).toBe('open acties');
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

describe('Brussels time', () => {
  test('winter and summer offsets, date only means end of day', () => {
    expect(parseLocalDateTime('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(parseLocalDateTime('2026-07-15 09:30')).toBe('2026-07-15T07:30:00.000Z');
    expect(parseLocalDateTime('2026-07-15')).toBe('2026-07-15T21:59:00.000Z');
    expect(parseLocalDateTime('2026-02-30T10:00')).toBeUndefined();
    expect(parseLocalDateTime('2026-07-15T09:30:00Z')).toBe('2026-07-15T09:30:00.000Z');
    expect(formatLocalDateTime('2026-07-15T07:30:00.000Z')).toBe('2026-07-15 09:30 (Europe/Brussels)');
  });
});
