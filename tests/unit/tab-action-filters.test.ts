import { departmentKeys, noRefinement, ownerKey, refineActions, refinementChoices } from '../../src/tab/web/action-filters';

const entries = new Map([
  ['1', { id: '1', title: { nl: 'Gezamenlijke aankoop van laptops' }, department: { nl: 'Financiën', fr: 'Finances' } }],
  ['2', { id: '2', title: { fr: 'Marché de nettoyage' }, department: { fr: 'Marchés publics' } }],
]);
const entryOf = (id: string) => entries.get(id);
const action = (id: string, over: Record<string, unknown>) =>
  ({ id, entryId: '1', title: `Actie ${id}`, owner: { name: 'An Peeters' }, dueDate: null, status: 'open', doneDate: null, ...over }) as never;

const actions = [
  action('a', { dueDate: '2026-03-01', owner: { name: 'An Peeters', id: 'aad-1' } }),
  action('b', { dueDate: '2025-01-01', entryId: '2', owner: { name: 'Karim', email: 'K@x.be' } }),
  action('c', { dueDate: null, status: 'blocked' }),
  action('d', { dueDate: '2027-01-01', entryId: null, title: 'Offertes vergelijken' }),
];

describe('the actions view narrows and sorts in the page', () => {
  test('by owner (Entra id, else e-mail, else name), department in any language ignoring accents, status', () => {
    expect(ownerKey({ name: 'X', id: 'aad-1' })).toBe('id:aad-1');
    expect(ownerKey({ name: 'X', email: 'K@x.be' })).toBe('mail:k@x.be');
    const ids = (r: Partial<ReturnType<typeof noRefinement>>) => refineActions(actions, { ...noRefinement(), ...r }, entryOf).map((a: { id: string }) => a.id);
    expect(ids({ owner: 'id:aad-1' })).toEqual(['a']);
    expect(ids({ department: departmentKeys({ department: { nl: 'financien' } })[0] })).toEqual(['a', 'c']);
    expect(ids({ department: 'finances' })).toEqual(['a', 'c']);
    expect(ids({ status: 'blocked' })).toEqual(['c']);
  });

  test('search needs every word, in the title, owner, measure or department; sort by due date, undated last', () => {
    const ids = (r: Partial<ReturnType<typeof noRefinement>>) => refineActions(actions, { ...noRefinement(), ...r }, entryOf).map((a: { id: string }) => a.id);
    expect(ids({})).toEqual(['b', 'a', 'd', 'c']);
    expect(ids({ sort: 'desc' })).toEqual(['d', 'a', 'b', 'c']);
    expect(ids({ q: 'marches karim' })).toEqual(['b']);
    expect(ids({ q: 'LAPTOPS' })).toEqual(['a', 'c']);
  });

  test('the owners and departments to choose from, each once', () => {
    const choices = refinementChoices(actions, entryOf, (v) => v?.nl ?? v?.fr ?? '');
    expect(choices.departments).toEqual([
      { key: 'financien', label: 'Financiën' },
      { key: 'marches publics', label: 'Marchés publics' },
    ]);
    expect(choices.owners.map((o) => o.label)).toEqual(['An Peeters', 'An Peeters', 'Karim']);
  });
});
