import { fingerprint, parseUnitTag } from '../../addin/word/fingerprint';
import { insertAnnex, type RefreshReport, refreshAnnex, resolvePart, selectPart } from '../../addin/word/operations';
import { ANNEX_TAG } from '../../addin/word/plan';
import { createFakeWord, type FakeWordOptions } from '../fakes/word';
import { entry } from './annex-fixtures';
import { type Entry, planFor, registerOf, retitled, sectionedRegister } from './addin-word-fixtures';

/**
 * Refresh part by part against the Word fake: every row of the table (register changed / document
 * edited / both / new / gone), tracked changes, the summary's links and the conflict choices.
 */

const key = (e: Entry) => `entry:${e.id}`;
const outcomeOf = (report: RefreshReport, k: string) => report.parts.find((p) => p.key === k)?.outcome ?? 'unchanged';

// without the summary table, which every change of a title also changes (it has its own test)
const plan = (entries: Entry[]) => planFor(entries, [], { includeTable: false });

async function annexWith(entries: Entry[], options: FakeWordOptions = {}) {
  const doc = createFakeWord(options);
  await insertAnnex(doc.context as never, plan(entries));
  return doc;
}

const refresh = (doc: ReturnType<typeof createFakeWord>, entries: Entry[], options: { track?: boolean; onlyFirst?: boolean } = {}) =>
  refreshAnnex(doc.context as never, plan(entries), {
    track: options.track ?? false,
    tracking: doc.requirements.isSetSupported('WordApi', '1.4'),
    onlyFirst: options.onlyFirst,
  });
const lines = (doc: ReturnType<typeof createFakeWord>, view?: 'Current' | 'Original') => doc.text(view).map((l) => l.trim());

describe('Word add-in: Refresh part by part', () => {
  test('nothing changed anywhere: nothing is written', async () => {
    const { entries } = sectionedRegister();
    const doc = await annexWith(entries);
    const before = doc.text();
    const report = await refresh(doc, entries);
    expect(report.parts).toEqual([]);
    expect(report.counts.unchanged).toBe(plan(entries).units.length);
    expect(report.items).toBe(0);
    expect(doc.text()).toEqual(before);
  });

  test('register changed, document untouched → replaced in place, with the new fingerprint', async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries);
    const changed = entries.map((e) => (e === hr[2] ? retitled(e, 'Samen aanwerven via één jury') : e));
    const report = await refresh(doc, changed);
    expect(report.parts.map((p) => [p.key, p.outcome])).toEqual([[key(hr[2]), 'replaced']]);
    expect(report.counts).toMatchObject({ replaced: 1, inserted: 0, removed: 0, kept: 0, conflict: 0 });
    const part = doc.unit(key(hr[2]));
    expect(doc.partText(key(hr[2]))).toBe('Samen aanwerven via één jury;');
    expect(parseUnitTag(part.tag)!.fingerprint).toBe(fingerprint('Samen aanwerven via één jury;'));
    // same place: between its neighbours in the list
    const text = lines(doc);
    expect(text.indexOf('Samen aanwerven via één jury;')).toBe(text.indexOf('Gedeelde preventieadviseur;') + 1);
    expect(text.indexOf('Eén loonadministratie;')).toBe(text.indexOf('Samen aanwerven via één jury;') + 1);
    expect(report.parts[0].controlId).toBe(part.id);
  });

  test('document edited by the clerk, register unchanged → kept; their remark under a measure stays too', async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries);
    doc.clerk.retype(key(hr[0]), 'Gemeenschappelijke personeelsdienst, zoals afgesproken met de vakbonden;');
    doc.clerk.remarkAfter(key(hr[3]), 'Opmerking van de secretaris: nog te bespreken.');
    const report = await refresh(doc, entries);
    expect(report.parts).toEqual([
      expect.objectContaining({
        outcome: 'kept',
        key: key(hr[0]),
        label: 'Gemeenschappelijke personeelsdienst, zoals afgesproken met de vakbonden;',
        controlId: doc.unit(key(hr[0])).id,
      }),
    ]);
    expect(doc.partText(key(hr[0]))).toBe('Gemeenschappelijke personeelsdienst, zoals afgesproken met de vakbonden;');
    expect(lines(doc)).toContain('Opmerking van de secretaris: nog te bespreken.');
  });

  test('both changed → kept, listed as a conflict with both texts; "take the register\'s" writes it, "keep mine" settles it', async () => {
    const { entries, hr, proc } = sectionedRegister();
    const doc = await annexWith(entries);
    doc.clerk.retype(key(hr[1]), 'Gedeelde preventieadviseur (tekst van de griffie);');
    doc.clerk.retype(key(proc[0]), 'Aankoopcentrale (aangepast);');
    const changed = entries.map((e) =>
      e === hr[1] ? retitled(e, 'Preventieadviseur voor beide besturen') : e === proc[0] ? retitled(e, 'Aankoopcentrale van de gemeente') : e,
    );
    const report = await refresh(doc, changed);
    const conflicts = report.parts.filter((p) => p.outcome === 'conflict');
    const byKey = (k: string) => conflicts.find((c) => c.key === k)!;
    expect(conflicts).toHaveLength(2);
    expect([byKey(key(hr[1])).mine, byKey(key(hr[1])).register]).toEqual([
      'Gedeelde preventieadviseur (tekst van de griffie);',
      'Preventieadviseur voor beide besturen;',
    ]);
    expect([byKey(key(proc[0])).mine, byKey(key(proc[0])).register]).toEqual(['Aankoopcentrale (aangepast);', 'Aankoopcentrale van de gemeente;']);
    // nothing overwritten
    expect(doc.partText(key(hr[1]))).toBe('Gedeelde preventieadviseur (tekst van de griffie);');

    const options = { track: false, tracking: true };
    const [first, second] = [byKey(key(hr[1])), byKey(key(proc[0]))];
    const taken = await resolvePart(doc.context as never, first as never, { kind: 'take-register', unit: first.unit! }, options);
    expect(doc.partText(key(hr[1]))).toBe('Preventieadviseur voor beide besturen;');
    expect(taken.controlId).toBe(doc.unit(key(hr[1])).id);
    await resolvePart(doc.context as never, second as never, { kind: 'keep-mine', unit: second.unit! }, options);
    expect(doc.partText(key(proc[0]))).toBe('Aankoopcentrale (aangepast);');

    // the next refresh with the same register: the taken one is current, the kept one counts as seen
    const again = await refresh(doc, changed);
    expect(outcomeOf(again, key(hr[1]))).toBe('unchanged');
    expect(outcomeOf(again, key(proc[0]))).toBe('kept');
    // a choice on a part that changed since the summary was made is refused, not applied
    await expect(resolvePart(doc.context as never, second as never, { kind: 'keep-mine', unit: second.unit! }, options)).rejects.toMatchObject({
      code: 'part_changed',
    });
  });

  test("new measure → inserted at its place in its section, after the clerk's remark under the one before", async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries);
    doc.clerk.remarkAfter(key(hr[4]), 'Eigen opmerking bij de opleidingen.');
    const added = entry({ title: { nl: 'Nieuwe gezamenlijke maatregel' }, domain: 'HR', status: 'existing' });
    const report = await refresh(doc, [...entries, added]);
    expect(outcomeOf(report, key(added))).toBe('inserted');
    const text = lines(doc);
    const at = text.indexOf('Nieuwe gezamenlijke maatregel.');
    expect(at).toBe(text.indexOf('Eigen opmerking bij de opleidingen.') + 1);
    // still in its section, at its end: the next line is a heading
    expect(text[at + 1]).toMatch(/^\d\.(\d )? ?[A-Z]/);
    // the measure that closed the list now ends with ";" (register changed it, document untouched)
    expect(outcomeOf(report, key(hr[4]))).toBe('replaced');
    expect(doc.partText(key(hr[4]))).toBe('Gezamenlijke opleidingen;');
    expect(report.parts.find((p) => p.key === key(added))!.controlId).toBe(doc.unit(key(added)).id);
  });

  test('a measure no longer in the annex → removed if untouched; listed and kept if the clerk edited it', async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries);
    doc.clerk.retype(key(hr[2]), 'Samen aanwerven, met een eigen zin van de griffie;');
    const remaining = entries.filter((e) => e !== hr[1] && e !== hr[2]);
    const report = await refresh(doc, remaining);
    expect(outcomeOf(report, key(hr[1]))).toBe('removed');
    expect(outcomeOf(report, key(hr[2]))).toBe('orphan');
    expect(() => doc.unit(key(hr[1]))).toThrow(/found 0/);
    expect(doc.partText(key(hr[2]))).toBe('Samen aanwerven, met een eigen zin van de griffie;');
    const orphan = report.parts.find((p) => p.outcome === 'orphan')!;
    expect(orphan.mine).toBe('Samen aanwerven, met een eigen zin van de griffie;');
    // the clerk may still remove it from the summary
    await resolvePart(doc.context as never, orphan as never, { kind: 'remove' }, { track: false, tracking: true });
    expect(() => doc.unit(key(hr[2]))).toThrow(/found 0/);
  });

  test('a part the clerk deleted is not put back (the document remembers the parts it had); asked, it returns at its place', async () => {
    const { entries, hr } = sectionedRegister();
    const doc = createFakeWord();
    const inserted = await insertAnnex(doc.context as never, plan(entries));
    doc.clerk.deletePart(key(hr[2]));
    const report = await refreshAnnex(doc.context as never, plan(entries), { track: false, tracking: true, present: inserted.present });
    expect(report.parts).toEqual([expect.objectContaining({ outcome: 'withdrawn', key: key(hr[2]), label: 'Samen aanwerven;', controlId: undefined })]);
    // still remembered: the clerk deleted it, the register did not
    expect(report.present).toContain(key(hr[2]));
    expect(lines(doc)).not.toContain('Samen aanwerven;');
    // the next refresh remembers it too (and lists it again, with its "insert it again")
    const next = await refreshAnnex(doc.context as never, plan(entries), { track: false, tracking: true, present: report.present });
    expect(next.parts.map((p) => p.outcome)).toEqual(['withdrawn']);
    expect(next.items).toBe(0);
    // without the memory (a document from before) it would come back; asked for, it does, at its place
    const back = await refreshAnnex(doc.context as never, plan(entries), { track: false, tracking: true, present: report.present, reinsert: [key(hr[2])] });
    expect(outcomeOf(back, key(hr[2]))).toBe('inserted');
    const text = lines(doc);
    expect(text.indexOf('Samen aanwerven;')).toBe(text.indexOf('Gedeelde preventieadviseur;') + 1);
    expect(back.present).toContain(key(hr[2]));
  });

  test('a measure the register dropped and later took back is inserted again (it was not the clerk who deleted it)', async () => {
    const { entries, hr } = sectionedRegister();
    const doc = createFakeWord();
    const inserted = await insertAnnex(doc.context as never, plan(entries));
    const dropped = await refreshAnnex(doc.context as never, plan(entries.filter((e) => e !== hr[2])), {
      track: false,
      tracking: true,
      present: inserted.present,
    });
    expect(outcomeOf(dropped, key(hr[2]))).toBe('removed');
    const back = await refreshAnnex(doc.context as never, plan(entries), { track: false, tracking: true, present: dropped.present });
    expect(outcomeOf(back, key(hr[2]))).toBe('inserted');
  });

  test("tracked changes (on by default): the refresh's edits are revisions, the clerk's tracking mode is restored", async () => {
    const { entries, hr } = sectionedRegister();
    for (const mode of ['Off', 'TrackMineOnly'] as const) {
      const doc = await annexWith(entries, { trackingMode: mode });
      doc.acceptAll(); // the clerk reviewed the inserted annex
      const changed = [
        ...entries.map((e) => (e === hr[0] ? retitled(e, 'Personeelsdienst herzien') : e)),
        entry({ title: { nl: 'Extra maatregel' }, domain: 'ICT' }),
      ];
      const report = await refresh(doc, changed, { track: true });
      expect(report.tracked).toBe('on');
      expect(doc.trackingMode).toBe(mode);
      expect(doc.hasRevisions()).toBe(true);
      // with the changes accepted Word shows the register's text; rejected, the text from before
      expect(lines(doc, 'Current')).toEqual(expect.arrayContaining(['Personeelsdienst herzien;', 'Extra maatregel.']));
      expect(lines(doc, 'Current')).not.toContain('Gemeenschappelijke personeelsdienst;');
      expect(lines(doc, 'Original')).toContain('Gemeenschappelijke personeelsdienst;');
      expect(lines(doc, 'Original')).not.toContain('Extra maatregel.');

      // a second refresh before the clerk reviewed: the pending changes are not taken for the clerk's edits
      expect((await refresh(doc, changed, { track: true })).parts).toEqual([]);
      doc.acceptAll();
      expect(doc.hasRevisions()).toBe(false);
      expect((await refresh(doc, changed, { track: true })).parts).toEqual([]);
      expect(lines(doc)).toContain('Personeelsdienst herzien;');
    }
  });

  test('tracked changes off: no revisions, even when the clerk tracks their own edits', async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries, { trackingMode: 'TrackAll' });
    doc.acceptAll();
    const report = await refresh(
      doc,
      entries.map((e) => (e === hr[0] ? retitled(e, 'Anders') : e)),
      { track: false },
    );
    expect(report.tracked).toBe('off');
    expect(doc.hasRevisions()).toBe(false);
    expect(doc.trackingMode).toBe('TrackAll');
  });

  test("the clerk rejects the refresh's tracked change: their text counts as their choice and is kept", async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries);
    const changed = entries.map((e) => (e === hr[0] ? retitled(e, 'Personeelsdienst herzien') : e));
    await refresh(doc, changed, { track: true });
    doc.rejectAll();
    expect(lines(doc)).toContain('Gemeenschappelijke personeelsdienst;');
    const report = await refresh(doc, changed, { track: true });
    expect(outcomeOf(report, key(hr[0]))).toBe('kept');
    expect(lines(doc)).toContain('Gemeenschappelijke personeelsdienst;');
    expect(lines(doc)).not.toContain('Personeelsdienst herzien;');
  });

  test('Word without WordApi 1.4: refresh part by part without tracked changes, nothing unsupported is called', async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries, { api: 3 });
    doc.clerk.retype(key(hr[0]), 'Eigen tekst;');
    const report = await refresh(
      doc,
      entries.map((e) => (e === hr[1] ? retitled(e, 'Nieuwe titel') : e)),
      { track: true },
    );
    expect(report.tracked).toBe('unavailable');
    expect(report.counts).toMatchObject({ kept: 1, replaced: 1 });
    expect(doc.hasRevisions()).toBe(false);
  });

  test("the summary's links select each part in the document", async () => {
    const { entries, hr } = sectionedRegister();
    const doc = await annexWith(entries);
    const report = await refresh(
      doc,
      entries.map((e) => (e === hr[2] ? retitled(e, 'Anders') : e)),
    );
    const replaced = report.parts.find((p) => p.outcome === 'replaced')!;
    await selectPart(doc.context as never, replaced.controlId!);
    expect(doc.selected).toBe(doc.unit(key(hr[2])).id);
    doc.clerk.deletePart(key(hr[2]));
    await expect(selectPart(doc.context as never, replaced.controlId!)).rejects.toMatchObject({ code: 'part_gone' });
  });

  test('meetings, section headings and the summary table are parts too', async () => {
    const { entries, meetings } = registerOf(6);
    const doc = createFakeWord();
    await insertAnnex(doc.context as never, planFor(entries, meetings));
    const changedMeetings = meetings.map((m) => ({ ...m, summary: { nl: 'Vergadering: nieuwe notulen.' } }));
    const report = await refreshAnnex(doc.context as never, planFor(entries, changedMeetings), { track: false, tracking: true });
    expect(report.parts.map((p) => [p.kind, p.outcome])).toEqual([['meeting', 'replaced']]);
    expect(doc.partText(`meeting:${meetings[0].id}`)).toContain('Vergadering: nieuwe notulen.');
    const retitledEntries = entries.map((e, i) => (i === 0 ? retitled(e, 'Andere titel') : e));
    const second = await refreshAnnex(doc.context as never, planFor(retitledEntries, changedMeetings), { track: false, tracking: true });
    expect(second.parts.map((p) => [p.kind, p.outcome])).toEqual([
      ['entry', 'replaced'],
      ['table', 'replaced'],
    ]);
    expect(doc.partText('table')).toContain('Andere titel');
  });

  test.each([10, 500])('context.sync calls stay constant: %i entries, insert 2, refresh 3 (any mix of outcomes)', async (size) => {
    const { entries, meetings } = registerOf(size);
    const doc = createFakeWord();
    await insertAnnex(doc.context as never, planFor(entries, meetings));
    expect(doc.syncs).toBe(2);
    for (const k of [0, 3]) doc.clerk.retype(key(entries[k]), `Eigen tekst ${k};`);
    const changed = [
      ...entries.map((e, i) => (i % 7 === 0 ? retitled(e, `Herzien ${i}`) : e)).filter((_, i) => i % 11 !== 5),
      entry({ title: { nl: 'Nieuw' }, domain: 'HR' }),
    ];
    const before = doc.syncs;
    const report = await refreshAnnex(doc.context as never, planFor(changed, meetings), { track: true, tracking: true });
    expect(doc.syncs - before).toBe(3);
    expect(report.syncs).toBe(3);
    expect(report.counts.replaced).toBeGreaterThan(0);
    expect(report.counts.inserted).toBeGreaterThan(0);
    expect(report.counts.removed).toBeGreaterThan(0);
    expect(report.counts.conflict + report.counts.kept).toBe(2);
    expect(doc.controls(ANNEX_TAG)).toHaveLength(1);
  });
});
