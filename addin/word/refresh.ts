/// <reference types="office-js" />
import { DocumentError } from './errors';
import { unitTag } from './fingerprint';
import { appendParts, placePart, withTracking } from './parts';
import { planItems, type WordPlan } from './plan';
import { type AnnexSnapshot, readAnnex } from './read-annex';
import { reconcile } from './reconcile';
import { emptyCounts, GONE, kindOf, labelOf, type RefreshOptions, type RefreshReport, type ReportedPart } from './refresh-report';
import { refuseBadDocument } from './refuse-document';
import { syncWrites } from './sync-writes';

/**
 * Refresh, part by part: reads the annex (two syncs), decides every part (pure, see reconcile.ts), writes
 * only what the register changed, as tracked changes if asked (one sync). An annex without parts (inserted
 * by an earlier version) is rewritten whole, once. Nothing is written before every check has passed.
 */
export async function refreshAnnex(context: Word.RequestContext, plan: WordPlan, options: RefreshOptions): Promise<RefreshReport> {
  let snapshot: AnnexSnapshot;
  try {
    snapshot = await readAnnex(context, options.tracking, !options.whole);
  } catch (error) {
    // Word refused to read the parts (Word on the web answers NotAllowed for some documents): nothing was written
    throw new DocumentError('parts_unreadable', error instanceof Error ? error.message : String(error));
  }
  refuseBadDocument(snapshot, options);
  const annex = snapshot.annexes[0];
  const tracked: RefreshReport['tracked'] = snapshot.trackingMode === undefined ? 'unavailable' : options.track ? 'on' : 'off';
  const counts = emptyCounts();

  if (options.whole || snapshot.parts.length === 0) {
    withTracking(context.document, snapshot.trackingMode, options.track, () => {
      annex.control.clear();
      if (annex.title !== plan.title) annex.control.title = plan.title;
      appendParts(annex.control, plan);
    });
    await syncWrites(context, snapshot.trackingMode);
    counts.replaced = plan.units.length;
    const present = plan.units.map((u) => u.key);
    return {
      mode: 'whole',
      reason: options.whole ? 'asked' : 'no_parts',
      tracked,
      syncs: snapshot.syncs + 1,
      items: planItems(plan).length,
      counts,
      parts: [],
      present,
    };
  }

  const wanted = new Set(options.reinsert ?? []);
  const present = options.present ? new Set(options.present.filter((k) => !wanted.has(k))) : undefined;
  const { decisions, steps } = reconcile(plan.units, snapshot.parts, present);
  const current = new Map<string, Word.ContentControl>();
  for (const part of snapshot.parts) if (!current.has(part.key)) current.set(part.key, part.control);
  const written = new Map<string, Word.ContentControl>();
  let items = 0;
  withTracking(context.document, snapshot.trackingMode, options.track, () => {
    if (annex.title !== plan.title) annex.control.title = plan.title;
    for (const step of steps) {
      if (step.op === 'delete') {
        step.part.control.delete(false);
        continue;
      }
      const empty =
        step.op === 'replace'
          ? step.part.control.insertParagraph('', 'Before')
          : 'before' in step.at
            ? current.get(step.at.before)!.insertParagraph('', 'Before')
            : 'after' in step.at
              ? current.get(step.at.after)!.insertParagraph('', 'After')
              : annex.control.insertParagraph('', 'End');
      const control = placePart(empty, step.unit);
      control.load('id');
      if (step.op === 'replace') step.part.control.delete(false);
      current.set(step.unit.key, control);
      written.set(step.unit.key, control);
      items += step.unit.items.length;
    }
  });
  await syncWrites(context, snapshot.trackingMode);

  const parts: ReportedPart[] = [];
  for (const d of decisions) {
    counts[d.outcome]++;
    if (d.outcome === 'unchanged') continue;
    const text = d.unit && (d.outcome === 'replaced' || d.outcome === 'inserted' || d.outcome === 'withdrawn') ? d.unit.text : (d.part?.text ?? '');
    const newControl = written.get(d.key);
    const showsDocument = d.outcome === 'kept' || d.outcome === 'conflict' || d.outcome === 'orphan' || d.outcome === 'duplicate';
    parts.push({
      outcome: d.outcome,
      key: d.key,
      kind: kindOf(d.key),
      label: labelOf(text),
      controlId: d.outcome === 'removed' ? undefined : showsDocument ? d.part?.id : newControl?.id,
      tag: showsDocument && d.part ? unitTag(d.part.key, d.part.fingerprint) : undefined,
      ...(d.outcome === 'conflict' || d.outcome === 'orphan' ? { mine: d.part?.text } : {}),
      ...(d.outcome === 'conflict' ? { register: d.unit?.text, unit: d.unit } : {}),
    });
  }
  const after = [...new Set(decisions.filter((d) => !GONE.has(d.outcome)).map((d) => d.key))];
  return { mode: 'parts', tracked, syncs: snapshot.syncs + 1, items, counts, parts, present: after };
}
