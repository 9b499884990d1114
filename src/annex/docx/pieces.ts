import type { AnnexBlock, AnnexModel } from '../model';
import type { PieceBlock } from './blocks';
import type { DocumentMeta, Orientation } from './document';

/**
 * The annex cut into pieces of a few hundred paragraphs or table rows, each inside one page section: the .docx
 * is written a piece at a time (stream.ts), so what a build holds grows with a piece, not with the register.
 */

/** Paragraphs per piece (list items, table cells, other blocks): a piece is a few hundred kilobytes of XML. */
export const PIECE_SIZE = 1000;

/** What the document's frame needs before the first piece: its page sections and whether any list has bullets. */
export interface AnnexOutline {
  meta: DocumentMeta;
  orientations: Orientation[];
  bullets: boolean;
}

export interface AnnexPiece {
  /** the page section (index into the outline's orientations) the piece is part of */
  section: number;
  blocks: PieceBlock[];
  /** the section's last piece: its last paragraph carries the section's page properties */
  closes: boolean;
}

/** The blocks in page sections: a wide table (with the heading just before it) gets a landscape section of its own. */
export function pageSections(blocks: readonly AnnexBlock[]): Array<{ orientation: Orientation; blocks: AnnexBlock[] }> {
  const sections: Array<{ orientation: Orientation; blocks: AnnexBlock[] }> = [{ orientation: 'portrait', blocks: [] }];
  for (const block of blocks) {
    const current = sections[sections.length - 1];
    if (block.kind === 'table' && block.landscape) {
      const previous = current.blocks[current.blocks.length - 1];
      const heading = previous?.kind === 'heading' ? current.blocks.pop()! : undefined;
      sections.push({ orientation: 'landscape', blocks: [...(heading ? [heading] : []), block] }, { orientation: 'portrait', blocks: [] });
    } else {
      current.blocks.push(block);
    }
  }
  return sections.filter((s) => s.blocks.length > 0);
}

/** One section's pieces: a long list or table is sliced so that no piece holds more than `size` items or rows. */
function* sectionPieces(section: number, blocks: readonly AnnexBlock[], size: number): Generator<AnnexPiece> {
  let current: PieceBlock[] = [];
  let weight = 0;
  const add = (block: PieceBlock, items: number): AnnexPiece | undefined => {
    current.push(block);
    weight += items;
    if (weight < size) return undefined;
    const full = { section, blocks: current, closes: false };
    current = [];
    weight = 0;
    return full;
  };
  let pending: AnnexPiece | undefined;
  const put = function* (piece: AnnexPiece | undefined) {
    // a piece is given out once the next one exists, so the section's last piece is known to close it
    if (!piece) return;
    if (pending) yield pending;
    pending = piece;
  };
  for (const block of blocks) {
    if (block.kind === 'list' || block.kind === 'table') {
      const all = block.kind === 'list' ? block.items : block.rows;
      // a table row weighs as many paragraphs as it has cells
      const each = block.kind === 'list' ? 1 : Math.max(1, block.header.length);
      let start = 0;
      do {
        const end = Math.min(all.length, start + Math.max(1, Math.floor((size - weight) / each)));
        const slice: PieceBlock =
          block.kind === 'list'
            ? { ...block, items: block.items.slice(start, end) }
            : { ...block, rows: block.rows.slice(start, end), first: start === 0, last: end === all.length };
        // a block that goes on in the next piece fills this one: a piece holds at most one slice of a table
        yield* put(add(slice, end < all.length ? size - weight : (end - start) * each));
        start = end;
      } while (start < all.length);
    } else {
      yield* put(add(block, 1));
    }
  }
  yield* put(current.length ? { section, blocks: current, closes: false } : undefined);
  if (pending) yield { ...pending, closes: true };
}

/** The annex's outline and its pieces in document order, `size` items or rows at most per piece. */
export function annexPieces(model: AnnexModel, size = PIECE_SIZE): { outline: AnnexOutline; pieces: Iterable<AnnexPiece> } {
  const sections = pageSections(model.blocks);
  const { language, year, municipality, shape } = model.meta;
  return {
    outline: {
      meta: { language, year, municipality, shape },
      orientations: sections.map((s) => s.orientation),
      bullets: model.blocks.some((b) => b.kind === 'list' && b.items.length > 0),
    },
    pieces: (function* () {
      for (let i = 0; i < sections.length; i++) yield* sectionPieces(i, sections[i].blocks, size);
    })(),
  };
}
