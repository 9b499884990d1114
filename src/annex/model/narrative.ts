import type { TemplateBlock } from '../../domain';
import { pickText } from './format';
import { textBlocks } from './meetings';
import { blockHeading, bySubheading, type Context, entryRef, sectionRef, sectionTitle, titleRuns } from './parts';
import type { Placement } from './placement';
import { orderItems, type SectionSlot } from './sections';
import { annexText } from './texts';
import { type AnnexBlock, type AnnexRun, runsText } from './types';

/**
 * The narrative shape (the Ukkel report): sections numbered "n." with one paragraph (or several) per measure.
 * New measures are in italics as in the list shape; a block that holds no running measures (proposals, the
 * stopped ones) or has a heading of its own is announced by that heading, its sections one level below.
 */

const italicRuns = (runs: readonly AnnexRun[]): AnnexRun[] => runs.map((r) => (r.marker ? r : { ...r, italic: true }));

/** One measure: its description, else its title; a stopped one says so; a new one in italics. */
function entryBlocks(p: Placement, ctx: Context): AnnexBlock[] {
  const { language } = ctx;
  const description = pickText(language, p.textOverride, p.entry.description);
  let blocks: AnnexBlock[];
  if (description) {
    if (description.from) ctx.counter.fallbackTexts++;
    blocks = textBlocks(description.text, description.from, language).map((b) => ({ ...b, ref: entryRef(p) }));
  } else {
    const runs = titleRuns(p, ctx);
    const last = runs[runs.length - 1];
    runs[runs.length - 1] = { ...last, text: /[.!?…]$/u.test(last.text) ? last.text : `${last.text}.` };
    blocks = [{ kind: 'paragraph', runs, ref: entryRef(p) }];
  }
  // a derived year says that a measure stopped; a frozen report says what it printed
  if (p.lifecycle === 'stopped' && !p.frozen) {
    const sentence = annexText(language, p.status === 'rejected' ? 'rejectedSentence' : 'stoppedSentence', { year: ctx.input.year });
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'paragraph') last.runs = [...last.runs, { text: ` ${sentence}` }];
    else blocks.push({ kind: 'paragraph', runs: [{ text: sentence }], ref: entryRef(p) });
  }
  if (p.lifecycle !== 'running' || !p.italic) return blocks;
  return blocks.map((b) =>
    b.kind === 'paragraph'
      ? { ...b, runs: italicRuns(b.runs) }
      : b.kind === 'list'
        ? { ...b, items: b.items.map((i) => ({ ...i, runs: italicRuns(i.runs) })) }
        : b,
  );
}

/** A block's sections in the narrative shape; `number` gives the next section number. */
export function narrativeBlocks(block: TemplateBlock, slots: readonly SectionSlot[], ctx: Context, number: () => number): AnnexBlock[] {
  const blocks: AnnexBlock[] = [];
  const own = block.heading ? pickText(ctx.language, block.heading) : undefined;
  const announced = Boolean(own) || !block.lifecycles.includes('running');
  if (announced) blocks.push({ kind: 'heading', level: 1, numbering: null, text: blockHeading(block, ctx).heading });
  const level = announced ? 2 : 1;
  for (const slot of slots) {
    if (block.sections.length) {
      blocks.push({
        kind: 'heading',
        level,
        numbering: level === 1 ? `${number()}.` : null,
        text: sectionTitle(slot, ctx),
        ref: sectionRef(block, 'narrative', slot),
      });
    }
    // one paragraph may tell of two measures: it is printed once
    const printed = new Set<string>();
    for (const group of bySubheading(orderItems(slot.items), ctx)) {
      if (group.subheading) blocks.push({ kind: 'heading', level: level === 1 ? 2 : 3, numbering: null, text: group.subheading });
      for (const p of group.items) {
        for (const b of entryBlocks(p, ctx)) {
          const key = JSON.stringify(b.kind === 'list' ? b.items.map((i) => runsText(i.runs)) : b.kind === 'paragraph' ? runsText(b.runs) : b);
          if (!printed.has(key)) blocks.push(b);
          printed.add(key);
        }
      }
    }
  }
  return blocks;
}
