import { rulesForClosing } from '../../src/annex/model/placement';
import { type Action, type SynergyEntry, synergyEntry, action as actionSchema } from '../../src/domain/model';
import { changedFields, filterActions, filterEntries, fold, inDomain, isOverdue } from '../../src/domain/queries';
import { rollOverEntry } from '../../src/annex/model/roll-over';

let nextId = 1;
function entry(overrides: Partial<SynergyEntry> & Pick<SynergyEntry, 'title'>): SynergyEntry & { id: string } {
  const value = synergyEntry.parse({ domain: 'HR', status: 'existing', kind: 'synergy', formalisation: 'informal_exchange', ...overrides });
  return { ...value, id: String(nextId++) };
}
function act(overrides: Partial<Action> & Pick<Action, 'title'>): Action & { id: string } {
  return { ...actionSchema.parse({ owner: { name: 'Anne Peeters' }, ...overrides }), id: String(nextId++) };
}

describe('entry filters', () => {
  const entries = [
    entry({
      title: { nl: 'Gezamenlijke overheidsopdracht voor maaltijdcheques' },
      domain: 'PROC',
      status: 'new',
      startYear: 2022,
      parties: ['gemeente', 'OCMW'],
    }),
    entry({ title: { fr: 'Coordination sociale du CPAS' }, domain: 'SOC.COORD', status: 'existing', parties: ['CPAS', 'commune'] }),
    entry({ title: { nl: 'Overeenkomst met de MAIS' }, domain: 'SOC.HOUS', status: 'existing', focusGroupId: '7', parties: ['MAIS'] }),
    entry({ title: { nl: 'Financiën: gezamenlijk leenbeleid' }, domain: 'FIN', status: 'rejected', startYear: 2025 }),
  ];

  it('selects sub-domains with their parent domain', () => {
    expect(inDomain('SOC.HOUS', 'SOC')).toBe(true);
    expect(inDomain('SOC', 'SOC.HOUS')).toBe(false);
    expect(filterEntries(entries, { domain: 'SOC' }).map((e) => e.domain)).toEqual(['SOC.HOUS', 'SOC.COORD']);
  });

  it('filters by status, year, party and focus group', () => {
    expect(filterEntries(entries, { status: 'rejected' })).toHaveLength(1);
    expect(filterEntries(entries, { year: 2022 })[0].domain).toBe('PROC');
    expect(filterEntries(entries, { party: 'mais' })[0].domain).toBe('SOC.HOUS');
    expect(filterEntries(entries, { focusGroupId: '7' })).toHaveLength(1);
  });

  it('searches free text without regard to case or accents, in every language, all words', () => {
    expect(fold('Financiën Marchés')).toBe('financien marches');
    expect(filterEntries(entries, { text: 'FINANCIEN leenbeleid' })).toHaveLength(1);
    expect(filterEntries(entries, { text: 'coordination cpas' })[0].title.fr).toBe('Coordination sociale du CPAS');
    expect(filterEntries(entries, { text: 'maaltijdcheques mais' })).toHaveLength(0);
  });

  it('orders results by the report order of domains, then creation', () => {
    expect(filterEntries(entries, {}).map((e) => e.domain)).toEqual(['FIN', 'PROC', 'SOC.HOUS', 'SOC.COORD']);
  });
});

describe('action queries', () => {
  const today = '2026-11-23';
  const actions = [
    act({ title: 'later', dueDate: '2027-01-10' }),
    act({ title: 'undated' }),
    act({ title: 'overdue', dueDate: '2026-02-28', owner: { name: 'Jan Janssens', email: 'Jan@Molenbeek.brussels' } }),
    act({ title: 'done long ago', dueDate: '2023-01-01', status: 'done', doneDate: '2023-01-02' }),
  ];

  it('lists open actions sorted by due date, undated last', () => {
    expect(filterActions(actions, { open: true }, today).map((a) => a.title)).toEqual(['overdue', 'later', 'undated']);
  });

  it('finds overdue actions: open and due before today', () => {
    expect(isOverdue(actions[2], today)).toBe(true);
    expect(isOverdue(actions[3], today)).toBe(false);
    expect(filterActions(actions, { overdue: true }, today).map((a) => a.title)).toEqual(['overdue']);
  });

  it("finds one person's actions by e-mail regardless of case, or by name", () => {
    expect(filterActions(actions, { owner: { email: 'jan@molenbeek.brussels' } }, today).map((a) => a.title)).toEqual(['overdue']);
    expect(filterActions(actions, { owner: { name: 'anne peeters' } }, today)).toHaveLength(3);
  });

  it('filters by the domain of the linked entry', () => {
    const linked = act({ title: 'linked', entryId: '99' });
    const found = filterActions([...actions, linked], { domain: 'SOC' }, today, (id) => (id === '99' ? 'SOC.HOUS' : undefined));
    expect(found.map((a) => a.title)).toEqual(['linked']);
  });
});

describe('year roll-over', () => {
  const close = (e: ReturnType<typeof entry>, year: number, others: Array<ReturnType<typeof entry>> = []) =>
    rollOverEntry(e, rulesForClosing([e, ...others], [], year)!);

  it('turns "new" of year N into "existing" and freezes the mention of year N in italics', () => {
    const rolled = close(entry({ title: { nl: 'x' }, status: 'new' }), 2026)!;
    expect(rolled.status).toBe('existing');
    expect(rolled.mentions).toEqual([{ reportYear: 2026, status: 'new', italic: true, listed: true, rolledOver: true }]);
  });

  it("freezes what the year's annex holds: a measure stopped that year, an old one without italics, its explicit section", () => {
    const stopped = close(entry({ title: { nl: 'x' }, status: 'stopped', startYear: 2020, endYear: 2026 }), 2026)!;
    expect(stopped.status).toBe('stopped');
    expect(stopped.mentions).toEqual([{ reportYear: 2026, status: 'stopped', italic: false, listed: true, rolledOver: true }]);
    expect(close(stopped, 2026)).toBeUndefined();
    const old = close(entry({ title: { nl: 'y' }, status: 'existing', startYear: 2019, section: 'jobhuis' }), 2026)!;
    expect(old.mentions).toEqual([{ reportYear: 2026, status: 'existing', italic: false, listed: true, section: 'jobhuis', rolledOver: true }]);
  });

  it('leaves out what is not of that year: started later, ended earlier, stopped without an end year', () => {
    expect(close(entry({ title: { nl: 'later' }, status: 'new', startYear: 2028 }), 2026)).toBeUndefined();
    expect(close(entry({ title: { nl: 'earlier' }, status: 'stopped', startYear: 2020, endYear: 2024 }), 2026)).toBeUndefined();
    expect(close(entry({ title: { nl: 'when?' }, status: 'stopped' }), 2026)).toBeUndefined();
  });

  it('a year closed by a filed report (imported) is not closed again: nothing is added to what it printed', () => {
    const filed = entry({
      title: { nl: 'printed' },
      status: 'existing',
      startYear: 2020,
      mentions: [{ reportYear: 2026, status: 'existing', italic: false, listed: true }],
    });
    expect(rulesForClosing([filed, entry({ title: { nl: 'added later' }, status: 'existing', startYear: 2025 })], [], 2026)).toBeUndefined();
  });

  it('a roll-over cut short resumes: the entries frozen already do not close the year for the others', () => {
    const done = close(entry({ title: { nl: 'a' }, status: 'existing', startYear: 2020 }), 2026)!;
    const rest = entry({ title: { nl: 'b' }, status: 'existing', startYear: 2021 });
    expect(close(rest, 2026, [done])!.mentions).toEqual([{ reportYear: 2026, status: 'existing', italic: false, listed: true, rolledOver: true }]);
  });
});

describe('change detection for the history', () => {
  it('reports each changed top-level field with its old and new value', () => {
    expect(changedFields({ a: 1, b: { x: 1 }, c: 'same' }, { a: 2, b: { x: 1 }, c: 'same', d: true }, [])).toEqual([
      { field: 'a', from: 1, to: 2 },
      { field: 'd', from: null, to: true },
    ]);
    expect(changedFields({ updatedAt: '1' }, { updatedAt: '2' }, ['updatedAt'])).toEqual([]);
  });
});

describe('a change is a change of meaning', () => {
  const { changedFields: changed, sameMeaning } = jest.requireActual('../../src/domain/queries') as typeof import('../../src/domain/queries');
  test('no text, an empty text, an empty list and an object of empty texts are the same; key order does not count', () => {
    expect(sameMeaning(undefined, {})).toBe(true);
    expect(sameMeaning({ nl: '' }, null)).toBe(true);
    expect(sameMeaning([], undefined)).toBe(true);
    expect(sameMeaning({ nl: 'A', fr: 'B' }, { fr: 'B', nl: 'A' })).toBe(true);
    expect(sameMeaning({ nl: 'A' }, { nl: 'A', fr: 'B' })).toBe(false);
    expect(sameMeaning(0, null)).toBe(false);
  });
  test('the history records no "(empty) → (empty)" and no title saved unchanged', () => {
    expect(changed({ department: undefined, title: { nl: 'X', fr: 'Y' } }, { department: {}, title: { fr: 'Y', nl: 'X' } })).toEqual([]);
  });
});
