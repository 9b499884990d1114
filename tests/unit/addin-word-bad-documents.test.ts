import { DocumentError, insertAnnex, refreshAnnex } from '../../addin/word/operations';
import { ANNEX_TAG, DETACHED_ANNEX_TAG } from '../../addin/word/plan';
import { createFakeWord } from '../fakes/word';
import { type Entry, planFor, retitled, sectionedRegister } from './addin-word-fixtures';

/**
 * Documents the clerk changed in ways Refresh cannot follow on its own: each gets a clear error (nothing
 * written) and the safe action the pane offers works, never leaving a half-written annex.
 */

const plan = (entries: Entry[]) => planFor(entries, [], { includeTable: false });
const key = (e: Entry) => `entry:${e.id}`;

async function setUp() {
  const { entries, hr } = sectionedRegister();
  const doc = createFakeWord();
  await insertAnnex(doc.context as never, plan(entries));
  const changed = entries.map((e) => (e === hr[0] ? retitled(e, 'Personeelsdienst herzien') : e));
  return { doc, entries, hr, changed };
}

async function refused(promise: Promise<unknown>, code: string): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  expect((error as DocumentError).code).toBe(code);
  return error as DocumentError;
}

const options = { track: false, tracking: true };

describe('Word add-in: documents Refresh will not touch on its own', () => {
  test('annex content control deleted (its parts left loose) → clear error; "insert afresh" adds a new annex, loose parts untouched', async () => {
    const { doc, changed } = await setUp();
    doc.clerk.removeAnnexFrame(ANNEX_TAG);
    const before = doc.text();
    const error = await refused(refreshAnnex(doc.context as never, plan(changed), options), 'annex_frame_missing');
    expect(error.details.count).toBe(plan(changed).units.length);
    expect(doc.text()).toEqual(before);

    doc.clerk.cursorAtEnd();
    await insertAnnex(doc.context as never, plan(changed), { afresh: true });
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
    // the old loose parts are still there, as the clerk left them
    expect(doc.text().slice(0, before.length)).toEqual(before);
    // and Refresh works on the new annex only
    const report = await refreshAnnex(doc.context as never, plan(changed), options);
    expect(report.parts).toEqual([]);
  });

  test('annex nested in a table → clear error; "insert afresh" below the table sets the old one aside', async () => {
    const { doc, changed } = await setUp();
    doc.clerk.moveAnnexIntoTable(ANNEX_TAG);
    const before = doc.text();
    await refused(refreshAnnex(doc.context as never, plan(changed), options), 'annex_in_table');
    expect(doc.text()).toEqual(before);

    doc.clerk.cursorAtEnd();
    await insertAnnex(doc.context as never, plan(changed), { afresh: true });
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
    expect(doc.controls(DETACHED_ANNEX_TAG)).toHaveLength(1);
    expect((await refreshAnnex(doc.context as never, plan(changed), options)).parts).toEqual([]);
  });

  test('a measure\'s control duplicated → clear error listing the copies; "refresh only the first" leaves the copy as it is', async () => {
    const { doc, hr, changed } = await setUp();
    doc.clerk.duplicatePart(key(hr[0]));
    const before = doc.text();
    const error = await refused(refreshAnnex(doc.context as never, plan(changed), options), 'duplicate_parts');
    expect(error.details.parts).toEqual([expect.objectContaining({ label: 'Gemeenschappelijke personeelsdienst;' })]);
    expect(doc.text()).toEqual(before);

    const copyId = error.details.parts![0].controlId;
    const report = await refreshAnnex(doc.context as never, plan(changed), { ...options, onlyFirst: true });
    expect(report.parts.map((p) => [p.outcome, p.controlId === copyId])).toEqual([
      ['replaced', false],
      ['duplicate', true],
    ]);
    const lines = doc.text().map((l) => l.trim());
    expect(lines).toContain('Personeelsdienst herzien;');
    expect(lines).toContain('Gemeenschappelijke personeelsdienst;');
  });

  test('one annex pasted into another → clear error; "refresh only the first" refreshes the first copy of each part', async () => {
    const { doc, changed } = await setUp();
    doc.clerk.pasteAnnexIntoItself(ANNEX_TAG);
    const before = doc.text();
    await refused(refreshAnnex(doc.context as never, plan(changed), options), 'annex_in_annex');
    expect(doc.text()).toEqual(before);

    const report = await refreshAnnex(doc.context as never, plan(changed), { ...options, onlyFirst: true });
    expect(report.counts.replaced).toBe(1);
    expect(report.counts.duplicate).toBe(plan(changed).units.length);
    expect(
      doc
        .text()
        .map((l) => l.trim())
        .filter((l) => l === 'Personeelsdienst herzien;'),
    ).toHaveLength(1);
  });

  test('an annex copied elsewhere in the document → clear error; "refresh only the first" leaves the copy alone', async () => {
    const { doc, changed } = await setUp();
    doc.clerk.pasteAnnexBelow(ANNEX_TAG);
    const error = await refused(refreshAnnex(doc.context as never, plan(changed), options), 'several_annexes');
    expect(error.details.count).toBe(2);
    const report = await refreshAnnex(doc.context as never, plan(changed), { ...options, onlyFirst: true });
    expect(report.counts.replaced).toBe(1);
    const lines = doc.text().map((l) => l.trim());
    expect(lines.filter((l) => l === 'Personeelsdienst herzien;')).toHaveLength(1);
    expect(lines.filter((l) => l === 'Gemeenschappelijke personeelsdienst;')).toHaveLength(1);
  });

  test('Word refuses to read the parts (as Word on the web can) → nothing written; "rewrite the whole annex" falls back to the old refresh', async () => {
    const { doc, changed } = await setUp();
    doc.refuse('ContentControl.contentControls');
    const before = doc.text();
    await refused(refreshAnnex(doc.context as never, plan(changed), options), 'parts_unreadable');
    expect(doc.text()).toEqual(before);
    const report = await refreshAnnex(doc.context as never, plan(changed), { ...options, whole: true });
    expect(report).toMatchObject({ mode: 'whole', reason: 'asked', syncs: 2 });
    expect(doc.text().map((l) => l.trim())).toContain('Personeelsdienst herzien;');
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
  });

  test("Word refusing a write part way (it applies a batch up to the refused operation): the error surfaces and the clerk's tracking mode is back", async () => {
    const { entries, hr } = sectionedRegister();
    const doc = createFakeWord({ trackingMode: 'Off' });
    await insertAnnex(doc.context as never, plan(entries));
    const changed = entries.map((e) => (e === hr[0] || e === hr[3] ? retitled(e, `${e.title.nl} (herzien)`) : e));
    doc.refuseWrite('ContentControl.delete');
    await expect(refreshAnnex(doc.context as never, plan(changed), { track: true, tracking: true })).rejects.toMatchObject({ code: 'NotAllowed' });
    expect(doc.trackingMode).toBe('Off');
    // the next refresh sees what Word did and finishes the job: one part shows twice (new and old), the rest is refreshed
    const error = await refreshAnnex(doc.context as never, plan(changed), { track: true, tracking: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'duplicate_parts' });
    const report = await refreshAnnex(doc.context as never, plan(changed), { track: true, tracking: true, onlyFirst: true });
    expect(report.counts.replaced).toBe(1);
    expect(doc.trackingMode).toBe('Off');
  });
});
