import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { docxWithinLimits } from './bounded-zip';
import { ImportRejectedError } from './errors';
import type { DocBlock, DocStructure, ReadWarning, Run } from './structure';

/**
 * Adapter: a .docx file → its structure. mammoth converts the document to semantic HTML (headings by
 * Word style, bullets and numbering as lists, italics as <em>, tables); htmlparser2 reads that HTML back
 * as a tree. Pictures are counted, never embedded; linked external files are never fetched.
 */

/** Word's own styles that carry meaning for a report, on top of mammoth's defaults (headings, lists). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

const MAX_BLOCKS = 20000;
const MAX_TABLE_ROWS = 2000;
const MAX_CELL = 4000;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An encrypted OOXML file is an OLE container with this stream (its name is stored in UTF-16). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Rejects what is not a readable .docx before any parsing: empty, an old .doc, a password, another format. */
export function checkDocxBytes(bytes: Buffer): void {
  if (bytes.length === 0) throw new ImportRejectedError('empty_file');
  if (bytes.subarray(0, OLE.length).equals(OLE)) {
    throw new ImportRejectedError(bytes.includes(ENCRYPTED_PACKAGE) ? 'password_protected' : 'legacy_doc');
  }
  if (!bytes.subarray(0, ZIP.length).equals(ZIP)) throw new ImportRejectedError('not_docx');
}

interface RunStyle {
  italic: boolean;
  bold: boolean;
}

function inlineRuns(nodes: readonly ChildNode[], style: RunStyle = { italic: false, bold: false }, out: Run[] = []): Run[] {
  for (const node of nodes) {
    if (isText(node)) {
      if (node.data) out.push({ text: node.data, ...(style.italic ? { italic: true } : {}), ...(style.bold ? { bold: true } : {}) });
    } else if (isTag(node)) {
      if (node.name === 'ul' || node.name === 'ol' || node.name === 'img') continue;
      if (node.name === 'br') {
        out.push({ text: '\n' });
        continue;
      }
      const next = {
        italic: style.italic || node.name === 'em' || node.name === 'i',
        bold: style.bold || node.name === 'strong' || node.name === 'b',
      };
      inlineRuns(node.children, next, out);
    }
  }
  return mergeRuns(out);
}

/** Adjacent runs with the same formatting become one. */
function mergeRuns(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && Boolean(last.italic) === Boolean(run.italic) && Boolean(last.bold) === Boolean(run.bold)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function cellText(cell: Element): string {
  const text = DomUtils.textContent(cell)
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .trim();
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

function tableRows(table: Element): string[][] {
  const rows = DomUtils.findAll((el) => el.name === 'tr', table.children);
  return rows.map((tr) => tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th')).map(cellText));
}

function listBlocks(list: Element, depth: number, out: DocBlock[]): void {
  const ordered = list.name === 'ol';
  for (const li of list.children) {
    if (!isTag(li) || li.name !== 'li') continue;
    out.push({ kind: 'list-item', runs: inlineRuns(li.children), depth, ordered });
    for (const child of li.children) if (isTag(child) && (child.name === 'ul' || child.name === 'ol')) listBlocks(child, depth + 1, out);
  }
}

/** The blocks of mammoth's HTML, in document order. */
export function blocksOfHtml(html: string): { blocks: DocBlock[]; images: number; truncated: boolean; longTable: boolean } {
  const doc = parseDocument(html);
  const blocks: DocBlock[] = [];
  const images = DomUtils.findAll((el) => el.name === 'img', doc.children).length;
  let longTable = false;
  for (const node of doc.children) {
    if (!isTag(node)) continue;
    const heading = /^h([1-6])$/.exec(node.name);
    if (heading) {
      const text = DomUtils.textContent(node)
        .replace(/[^\S\u00a0\u202f]+/g, ' ')
        .trim();
      if (!text) continue;
      if (node.attribs.class === 'doc-title') blocks.push({ kind: 'title', text });
      else blocks.push({ kind: 'heading', level: Number(heading[1]), text, fromStyle: true });
    } else if (node.name === 'p') {
      blocks.push({ kind: 'paragraph', runs: inlineRuns(node.children), ...(node.attribs.class === 'doc-subtitle' ? { subtitle: true } : {}) });
    } else if (node.name === 'blockquote') {
      for (const p of node.children) if (isTag(p)) blocks.push({ kind: 'paragraph', runs: inlineRuns(p.children), quote: true });
    } else if (node.name === 'ul' || node.name === 'ol') {
      listBlocks(node, 0, blocks);
    } else if (node.name === 'table') {
      const rows = tableRows(node);
      longTable ||= rows.length > MAX_TABLE_ROWS;
      blocks.push({ kind: 'table', rows: rows.slice(0, MAX_TABLE_ROWS) });
    }
  }
  const truncated = blocks.length > MAX_BLOCKS;
  return { blocks: truncated ? blocks.slice(0, MAX_BLOCKS) : blocks, images, truncated, longTable };
}

/** mammoth's English messages as codes the review words in the clerk's language: each unknown style once, the rest as one notice. */
export function readerWarnings(messages: readonly string[]): ReadWarning[] {
  const styles = new Set<string>();
  let ignored = false;
  for (const message of messages) {
    const style = /^Unrecognised (?:paragraph|run) style: '([^']{1,100})'/.exec(message);
    if (style) styles.add(style[1]);
    else ignored = true;
  }
  return [...[...styles].slice(0, 20).map((style): ReadWarning => ({ code: 'style', style })), ...(ignored ? [{ code: 'ignored' } as const] : [])];
}

/** Reads a .docx; throws ImportRejectedError for what is not a readable Word document. */
export async function readDocx(bytes: Buffer): Promise<DocStructure> {
  checkDocxBytes(bytes);
  // the Word reader only ever opens what inflated within the limits (a zip bomb is refused before it)
  const docx = docxWithinLimits(bytes);
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    result = await mammoth.convertToHtml(
      { buffer: docx },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // a picture becomes an empty <img>: counted, never decoded or embedded
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch {
    throw new ImportRejectedError('corrupt');
  }
  const { blocks, images, truncated, longTable } = blocksOfHtml(result.value);
  const warnings = readerWarnings(result.messages.map((m) => m.message));
  if (truncated) warnings.push({ code: 'truncated', max: MAX_BLOCKS });
  if (longTable) warnings.push({ code: 'table_truncated', max: MAX_TABLE_ROWS });
  return { blocks, images, warnings };
}
