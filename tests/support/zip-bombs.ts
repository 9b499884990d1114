import { once } from 'node:events';
import zlib from 'node:zlib';
import { unzipSync, Zip, ZipDeflate, type ZipInputFile, zipSync } from 'fflate';
import { handTypedReportNl } from './word-documents';

/**
 * Hostile .docx files built the way an attacker would: a real Word report whose one part is swapped for XML
 * that deflates a few hundred times (a "zip bomb"), written as a stream so the test never holds the inflated
 * part in memory. Compression is Node's zlib (fast on repetitive input); the zip container is fflate's.
 */

export interface BombPart {
  /** the part replaced, e.g. 'word/document.xml' */
  name: string;
  head: string;
  /** repeated until the part reaches `bytes` */
  unit: string;
  tail: string;
  bytes: number;
}

/** A raw-deflated part of `head + unit × n + tail`, with its size and CRC, streamed through zlib. */
async function deflatedPart(part: BombPart): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const block = Buffer.from(part.unit.repeat(Math.max(1, Math.floor((1024 * 1024) / part.unit.length))));
  let size = 0;
  let crc = 0;
  const write = async (chunk: Buffer) => {
    size += chunk.length;
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  };
  await write(Buffer.from(part.head));
  while (size + block.length < part.bytes) await write(block);
  await write(Buffer.from(part.tail));
  deflate.end();
  await once(deflate, 'end');
  return { data: Buffer.concat(out), size, crc };
}

/** A zip of the given parts (deflated by fflate) and one pre-deflated part, sizes in data descriptors. */
function zipWith(parts: Record<string, Uint8Array>, bomb: { name: string; data: Buffer; size: number; crc: number }): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data, true);
  }
  const raw: ZipInputFile = { filename: bomb.name, size: bomb.size, crc: bomb.crc, compression: 8 };
  zip.add(raw);
  raw.ondata!(null, new Uint8Array(bomb.data), true);
  zip.end();
  return Buffer.concat(chunks);
}

/** A real Word report whose `part.name` inflates to `part.bytes`. */
export async function bombDocx(part: BombPart): Promise<Buffer> {
  const parts = unzipSync(await handTypedReportNl());
  delete parts[part.name];
  return zipWith(parts, { name: part.name, ...(await deflatedPart(part)) });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** document.xml of ~197 MB of paragraphs (about 0.7 MB as a file). */
export function documentBomb(bytes = 197 * 1024 * 1024): Promise<Buffer> {
  return bombDocx({
    name: 'word/document.xml',
    head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`,
    unit: '<w:p><w:r><w:t>Gezamenlijke aankoopdienst voor gemeente en OCMW</w:t></w:r></w:p>',
    tail: '</w:body></w:document>',
    bytes,
  });
}

/** styles.xml of ~340 MB of style definitions (about 1.2 MB as a file). */
export function stylesBomb(bytes = 340 * 1024 * 1024): Promise<Buffer> {
  return bombDocx({
    name: 'word/styles.xml',
    head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>`,
    unit: '<w:style w:type="paragraph" w:styleId="Kop"><w:name w:val="Kop"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>',
    tail: '</w:styles>',
    bytes,
  });
}

/** A real report plus `count` tiny extra parts. */
export async function manyEntries(count: number): Promise<Buffer> {
  const parts: Record<string, Uint8Array> = unzipSync(await handTypedReportNl());
  for (let i = 0; i < count; i++) parts[`customXml/item${i}.xml`] = new Uint8Array([0x3c, 0x61, 0x2f, 0x3e]);
  return Buffer.from(zipSync(parts));
}

/** One part of `bytes` zeros, compressed about a thousand times, its true size declared in its header. */
export function zerosZip(bytes: number, name = 'word/document.xml'): Buffer {
  return Buffer.from(zipSync({ [name]: [new Uint8Array(bytes), { level: 9 }] }));
}
