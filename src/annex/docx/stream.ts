import { Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import { childrenOf } from './blocks';
import { annexDocument, BULLETS } from './document';
import type { AnnexOutline, AnnexPiece } from './pieces';

/**
 * Writes the annex .docx a piece at a time into a streaming zip: the docx library writes each piece as a small
 * document with the annex's styles and numbering, and that piece's body paragraphs go into word/document.xml as
 * they come. A build then holds one piece's paragraphs and XML, never the whole document's: memory stays flat
 * as the register grows, and the file is the one the library would write whole.
 */

const DOCUMENT = 'word/document.xml';
const BODY = '<w:body>';
/** The body's own page properties: after the last paragraph, the last element of the body. */
const BODY_SECTION = '<w:sectPr';

async function documentXml(bytes: Uint8Array): Promise<string> {
  return strFromU8(unzipSync(bytes, { filter: (file) => file.name === DOCUMENT })[DOCUMENT]);
}

/** The paragraphs and tables of a document.xml body, without the body's own page properties. */
function bodyOf(xml: string): string {
  return xml.slice(xml.indexOf(BODY) + BODY.length, xml.lastIndexOf(BODY_SECTION));
}

/**
 * A slice of a table that goes on from an earlier piece loses the table's opening (properties, column grid);
 * one that goes on in a later piece loses its closing tag: the slices join into one table.
 */
function joinedTableSlices(xml: string, piece: AnnexPiece): string {
  const first = piece.blocks[0];
  const last = piece.blocks[piece.blocks.length - 1];
  let out = xml;
  if (first?.kind === 'table' && !first.first) out = out.replace(/^<w:tbl>[\s\S]*?<\/w:tblGrid>/, '');
  if (last?.kind === 'table' && !last.last && out.endsWith('</w:tbl>')) out = out.slice(0, -'</w:tbl>'.length);
  return out;
}

export class AnnexDocxWriter {
  private finished?: Promise<void>;

  private constructor(
    private readonly outline: AnnexOutline,
    private readonly zip: Zip,
    private readonly document: ZipDeflate,
    private readonly tail: string,
    private readonly rest: ReadonlyArray<[string, Uint8Array]>,
    private readonly ended: Promise<void>,
  ) {}

  /**
   * Starts the file: the package's other parts come from the annex's frame (every page section holding one
   * placeholder paragraph, a bulleted one when the annex has lists, so numbering.xml is what the whole document
   * would give), then document.xml up to its body.
   */
  static async open(outline: AnnexOutline, onData: (chunk: Uint8Array) => void): Promise<AnnexDocxWriter> {
    let done!: () => void;
    let failed!: (error: Error) => void;
    const ended = new Promise<void>((resolve, reject) => ((done = resolve), (failed = reject)));
    const zip = new Zip((error, chunk, final) => {
      if (error) return failed(error);
      onData(chunk);
      if (final) done();
    });
    const placeholder = () => new Paragraph({ ...(outline.bullets ? { numbering: { reference: BULLETS, level: 0 } } : {}), children: [new TextRun('')] });
    const frame = unzipSync(
      await Packer.toBuffer(
        annexDocument(
          outline.meta,
          outline.orientations.map((orientation) => ({ orientation, children: [placeholder()] })),
        ),
      ),
    );
    const names = Object.keys(frame);
    const at = names.indexOf(DOCUMENT);
    for (const name of names.slice(0, at)) AnnexDocxWriter.add(zip, name, frame[name]);
    const xml = strFromU8(frame[DOCUMENT]);
    const document = new ZipDeflate(DOCUMENT);
    zip.add(document);
    document.push(strToU8(xml.slice(0, xml.indexOf(BODY) + BODY.length)));
    const rest = names.slice(at + 1).map((name): [string, Uint8Array] => [name, frame[name]]);
    return new AnnexDocxWriter(outline, zip, document, xml.slice(xml.lastIndexOf(BODY_SECTION)), rest, ended);
  }

  private static add(zip: Zip, name: string, data: Uint8Array): void {
    const file = new ZipDeflate(name);
    zip.add(file);
    file.push(data, true);
  }

  /**
   * Writes one piece's paragraphs. The piece that closes a page section before the last is written followed by
   * an empty section, so its last paragraph carries its section's page properties as in the whole document.
   */
  async write(piece: AnnexPiece): Promise<void> {
    const { language } = this.outline.meta;
    const orientation = this.outline.orientations[piece.section];
    const children = piece.blocks.flatMap((b) => childrenOf(b, language));
    const sections = [{ orientation, children }];
    if (piece.closes && piece.section < this.outline.orientations.length - 1) sections.push({ orientation, children: [] });
    const xml = bodyOf(await documentXml(await Packer.toBuffer(annexDocument(this.outline.meta, sections))));
    this.document.push(strToU8(joinedTableSlices(xml, piece)));
  }

  /** Ends document.xml with the last section's page properties, adds the package's other parts, ends the zip. */
  end(): Promise<void> {
    if (!this.finished) {
      this.document.push(strToU8(this.tail), true);
      for (const [name, data] of this.rest) AnnexDocxWriter.add(this.zip, name, data);
      this.zip.end();
      this.finished = this.ended;
    }
    return this.finished;
  }
}
