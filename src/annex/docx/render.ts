import type { AnnexModel } from '../model';
import { annexPieces, PIECE_SIZE } from './pieces';
import { AnnexDocxWriter } from './stream';

/**
 * The annex as a .docx for people without the add-in and for archiving: the same blocks as the add-in
 * inserts, with Word's own styles (Title, Subtitle, Heading 1–3, Quote, List Bullet) so the document
 * reads like the Molenbeek report and stays editable. Written a piece at a time (stream.ts).
 */

/** The .docx file's bytes, written `pieceSize` list items or table rows at a time. */
export async function annexDocx(model: AnnexModel, pieceSize = PIECE_SIZE): Promise<Buffer> {
  const { outline, pieces } = annexPieces(model, pieceSize);
  const chunks: Uint8Array[] = [];
  const writer = await AnnexDocxWriter.open(outline, (chunk) => chunks.push(chunk));
  for (const piece of pieces) await writer.write(piece);
  await writer.end();
  return Buffer.concat(chunks);
}

/** "synergieverslag-2023-nl.docx" / "rapport-synergies-2023-fr.docx" */
export function annexFileName(model: AnnexModel): string {
  return model.meta.language === 'nl' ? `synergieverslag-${model.meta.year}-nl.docx` : `rapport-synergies-${model.meta.year}-fr.docx`;
}
