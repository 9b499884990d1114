import { comparable, fingerprint, parseUnitTag, safeKey, unitTag } from '../../addin/word/fingerprint';
import { wordText } from '../../addin/word/plan';
import { type DocPart, reconcile } from '../../addin/word/reconcile';
import { entry, meet } from './annex-fixtures';
import { planFor, retitled, sectionedRegister } from './addin-word-fixtures';

/** The pure parts of the Word refresh: the plan's parts and keys, fingerprints and tags, and the decisions. */

const partsOf = (plan: ReturnType<typeof planFor>, text: (key: string, text: string) => string = (_k, t) => t): DocPart[] =>
  plan.units.map((u, i) => ({ id: 100 + i, key: u.key, fingerprint: u.fingerprint, text: text(u.key, u.text) }));

describe('Word add-in: plan, fingerprints, decisions', () => {
  test('fingerprints ignore the separators Word reads back (\\r, \\t, cell marks, non-breaking spaces), not the words', () => {
    expect(fingerprint('Maatregel 1;\nTweede alinea')).toBe(fingerprint('Maatregel 1;\rTweede\u00a0alinea\r'));
    expect(fingerprint('a\tb\u0007')).toBe(fingerprint('a b'));
    expect(fingerprint('Maatregel 1;')).not.toBe(fingerprint('Maatregel 2;'));
    expect(comparable('e\u0301')).toBe(comparable('é'));
  });

  test('tags carry a key of at most ~40 safe characters and the fingerprint, and read back', () => {
    const long = safeKey(`section:running:${'synergieën met andere ocmw’s en partners '.repeat(3)}`);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[A-Za-z0-9:_.~-]+$/);
    expect(safeKey('entry:42')).toBe('entry:42');
    const tag = unitTag(long, fingerprint('x'));
    expect(tag.length).toBeLessThan(64);
    expect(parseUnitTag(tag)).toEqual({ key: long, fingerprint: fingerprint('x') });
    expect(parseUnitTag('synergy-register-annex')).toBeUndefined();
    expect(parseUnitTag('sr/entry:1@nothex!!')).toBeUndefined();
  });

  test('wordText drops what XML 1.0 forbids and turns line breaks into spaces, keeping every other character', () => {
    expect(wordText('a\u0000b\u0008c\u000bd\re\nf\u2028g')).toBe('abc d e f g');
    expect(wordText('tab\tok – “quotes” & <tags> 😀')).toBe('tab\tok – “quotes” & <tags> 😀');
    expect(wordText('lone \ud800 surrogate \uffff end')).toBe('lone  surrogate  end');
  });

  test('parts: one per measure, meeting and section heading; fixed text cut at headings and keyed without its number', () => {
    const { entries } = sectionedRegister();
    const meetings = [meet({ body: 'steering_group', date: '2029-10-01', summary: { nl: 'Eerste.\n\nTweede alinea.' } })];
    const plan = planFor(entries, meetings);
    const kinds = plan.units.map((u) => u.kind);
    expect(kinds.filter((k) => k === 'entry')).toHaveLength(entries.length);
    expect(kinds.filter((k) => k === 'meeting')).toHaveLength(1);
    expect(plan.units.find((u) => u.kind === 'meeting')!.items).toHaveLength(3);
    expect(kinds.filter((k) => k === 'table')).toHaveLength(1);
    // without meetings the sections are numbered differently, but fixed parts and sections keep their keys
    const renumbered = planFor(entries, []);
    const fixed = (p: typeof plan) => p.units.filter((u) => u.kind === 'text' || u.kind === 'section').map((u) => u.key);
    expect(fixed(renumbered).every((k) => fixed(plan).includes(k))).toBe(true);
    expect(renumbered.units.find((u) => u.kind === 'section')!.text).not.toBe(plan.units.find((u) => u.kind === 'section')!.text);
  });

  test('narrative shape: a measure told in several paragraphs is one part', () => {
    const long = entry({ title: { nl: 'Gedeelde jurist' }, description: { nl: 'Eerste alinea.\n\nTweede alinea.' }, domain: 'LEGAL' as never });
    const plan = planFor([long], [], { shape: 'narrative', includeTable: false });
    const part = plan.units.find((u) => u.key === `entry:${long.id}`)!;
    expect(part.items).toHaveLength(2);
    expect(part.text).toBe('Eerste alinea.\nTweede alinea.');
  });

  test('reconcile: a part out of order is written again at its place if untouched, and left where it is if edited', () => {
    const { entries, hr } = sectionedRegister();
    const plan = planFor(entries, [], { includeTable: false });
    const parts = partsOf(plan);
    // the clerk moved two measures of the HR list around: hr[0] to after hr[3], and edited hr[2] and moved it up
    const at = (k: string) => parts.findIndex((p) => p.key === k);
    const moved = parts.splice(at(`entry:${hr[0].id}`), 1)[0];
    parts.splice(at(`entry:${hr[3].id}`) + 1, 0, moved);
    const edited = { ...parts.splice(at(`entry:${hr[2].id}`), 1)[0], text: 'Eigen tekst;' };
    parts.splice(0, 0, edited);
    const { decisions, steps } = reconcile(plan.units, parts);
    const outcome = (k: string) => decisions.find((d) => d.key === k)!.outcome;
    expect(outcome(`entry:${hr[2].id}`)).toBe('kept');
    expect(decisions.filter((d) => d.outcome === 'replaced')).toHaveLength(1);
    expect(steps.filter((s) => s.op !== 'delete').map((s) => s.unit.key)).toEqual([decisions.find((d) => d.outcome === 'replaced')!.key]);
    expect(steps.filter((s) => s.op === 'delete')).toHaveLength(1);
  });

  test('reconcile: the clerk typed exactly what the register now says → unchanged; a rejected register text is not offered again', () => {
    const { entries, hr } = sectionedRegister();
    const before = planFor(entries, [], { includeTable: false });
    const after = planFor(
      entries.map((e) => (e === hr[1] ? retitled(e, 'Nieuwe titel') : e)),
      [],
      { includeTable: false },
    );
    const target = after.units.find((u) => u.key === `entry:${hr[1].id}`)!;
    const typed = partsOf(before, (k, t) => (k === target.key ? target.text : t));
    expect(reconcile(after.units, typed).steps).toEqual([]);
    const rejected = partsOf(before).map((p) => (p.key === target.key ? { ...p, rejected: target.fingerprint } : p));
    const { decisions, steps } = reconcile(after.units, rejected);
    expect(decisions.find((d) => d.key === target.key)!.outcome).toBe('kept');
    expect(steps).toEqual([]);
  });
});
