import { changesBlocks } from '../../src/changes/changes-blocks';
import { changesBetween, diffWords } from '../../src/changes/changes';
import type { HistoryEvent, SynergyEntry } from '../../src/domain/model';
import { entry } from './annex-fixtures';

/** "What changed since last year", between a rolled-over year and the open one, and between two closed years. */

const m = (reportYear: number, status: SynergyEntry['status'], extra: Partial<SynergyEntry['mentions'][number]> = {}) => ({
  reportYear,
  status,
  italic: status === 'new',
  listed: true,
  ...extra,
});

function register() {
  return [
    entry({ title: { nl: 'Gedeelde helpdesk', fr: 'Helpdesk commun' }, status: 'existing', mentions: [m(2025, 'new')] }),
    entry({ title: { nl: 'Gezamenlijke aankoop van papier' }, domain: 'PROC', status: 'stopped', mentions: [m(2025, 'existing')] }),
    entry({ title: { nl: 'Gemeenschappelijk loket huisvesting' }, domain: 'SOC.HOUS', status: 'decided', mentions: [m(2025, 'proposed')] }),
    entry({
      title: { nl: 'Gezamenlijke opleidingen voor het onthaal en de balie' },
      status: 'existing',
      mentions: [m(2025, 'existing', { textOverride: { nl: 'Gezamenlijke opleidingen voor het onthaal' } })],
    }),
    entry({ title: { nl: 'Nieuwe centrale voor energie' }, domain: 'CLIM', status: 'proposed', mentions: [] }),
    entry({ title: { nl: 'Alleen in een vergadering' }, status: 'existing', mentions: [m(2025, 'decided', { listed: false })] }),
  ];
}

test('open year 2026 against the closed 2025: added, stopped, status and text changes; "new" becoming "existing" is no news', () => {
  const c = changesBetween(register(), 2025, 2026);
  expect(c.toIsOpen).toBe(true);
  expect(c.counts).toEqual({ added: 2, stopped: 1, status: 1, text: 1 });
  const titles = (kind: string) => c.changes.filter((x) => x.kind === kind).map((x) => x.title.nl);
  // the meeting-only measure was not in the 2025 report: it appears now
  expect(titles('added')).toEqual(['Nieuwe centrale voor energie', 'Alleen in een vergadering']);
  expect(titles('stopped')).toEqual(['Gezamenlijke aankoop van papier']);
  const status = c.changes.find((x) => x.kind === 'status')!;
  expect([status.from?.status, status.to?.status]).toEqual(['proposed', 'decided']);
  const text = c.changes.find((x) => x.kind === 'text')!;
  expect(text.diff?.nl).toEqual([
    { op: 'same', text: 'Gezamenlijke opleidingen voor het onthaal' },
    { op: 'added', text: ' en de balie' },
  ]);
});

test('a closed year shows the title it had then (history), not the one edited since', () => {
  const [helpdesk] = register();
  const history: HistoryEvent[] = [
    { entryId: helpdesk.id, at: '2025-12-31T10:00:00Z', by: { name: 'S' }, kind: 'rolled_over', changes: [], note: 'Report year 2025 closed' },
    {
      entryId: helpdesk.id,
      at: '2026-02-01T10:00:00Z',
      by: { name: 'S' },
      kind: 'updated',
      changes: [{ field: 'title', from: { nl: 'Helpdesk', fr: 'Helpdesk' }, to: helpdesk.title }],
    },
  ];
  const c = changesBetween([helpdesk], 2025, 2026, history);
  expect(c.changes.map((x) => [x.kind, x.from?.text.nl, x.to?.text.nl])).toEqual([['text', 'Helpdesk', 'Gedeelde helpdesk']]);
  expect(c.changes[0].diff?.fr).toEqual([
    { op: 'same', text: 'Helpdesk' },
    { op: 'added', text: ' commun' },
  ]);
});

test('two closed years compare their mentions; an entry absent from both is not a change', () => {
  const entries = [
    entry({ title: { nl: 'A' }, mentions: [m(2024, 'proposed'), m(2025, 'existing')] }),
    entry({ title: { nl: 'B' }, mentions: [m(2024, 'existing')] }),
    entry({ title: { nl: 'C' }, mentions: [m(2023, 'existing')] }),
  ];
  const c = changesBetween(entries, 2024, 2025);
  expect(c.toIsOpen).toBe(false);
  expect(c.changes.map((x) => [x.title.nl, x.kind])).toEqual([
    ['A', 'status'],
    ['B', 'stopped'],
  ]);
});

test('word diff keeps spaces and marks only what changed', () => {
  expect(diffWords('Eén helpdesk voor beide besturen', 'Eén gedeelde helpdesk voor beide besturen')).toEqual([
    { op: 'same', text: 'Eén ' },
    { op: 'added', text: 'gedeelde ' },
    { op: 'same', text: 'helpdesk voor beide besturen' },
  ]);
});

test('the section the Word pane inserts: headings per kind with counts, in the chosen language', () => {
  const blocks = changesBlocks(changesBetween(register(), 2025, 2026), 'fr');
  expect(blocks[0]).toEqual({ kind: 'heading', level: 1, numbering: null, text: 'Changements 2026 par rapport à 2025' });
  const headings = blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b.kind === 'heading' ? b.text : ''));
  expect(headings).toEqual(['Nouvelles mesures (2)', 'Mesures arrêtées ou disparues (1)', 'Statut modifié (1)', 'Texte modifié (1)']);
  const lists = blocks.filter((b) => b.kind === 'list');
  expect(lists[2].kind === 'list' && lists[2].items[0].runs.map((r) => r.text).join('')).toBe('Gemeenschappelijk loket huisvesting\u00a0: Proposé → Décidé');
  expect(changesBlocks(changesBetween([], 2025, 2026), 'nl')[1]).toEqual({ kind: 'paragraph', runs: [{ text: 'Geen wijzigingen.' }] });
});
