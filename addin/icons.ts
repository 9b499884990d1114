import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/** The add-in's ribbon and manifest icons, drawn and PNG-encoded with Node alone (no image library). */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (row-major, 4 bytes each) → PNG bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Two overlapping discs (municipality and OCMW working together) on a rounded square. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const r = size * 0.2;
  const discs = [
    { cx: size * 0.38, cy: size * 0.5, rad: size * 0.24, color: [0x2f, 0x54, 0x96] },
    { cx: size * 0.62, cy: size * 0.5, rad: size * 0.24, color: [0x00, 0x99, 0x88] },
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const fx = x + 0.5;
      const fy = y + 0.5;
      // rounded-square mask
      const dx = Math.max(r - fx, 0, fx - (size - r));
      const dy = Math.max(r - fy, 0, fy - (size - r));
      if (dx * dx + dy * dy > r * r) continue;
      let color = [0xf3, 0xf6, 0xfb];
      const inside = discs.map((d) => (fx - d.cx) ** 2 + (fy - d.cy) ** 2 <= d.rad ** 2);
      if (inside[0] && inside[1]) color = [0x1f, 0x38, 0x64];
      else if (inside[0]) color = discs[0].color;
      else if (inside[1]) color = discs[1].color;
      px.set([color[0], color[1], color[2], 255], i);
    }
  }
  return px;
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

export function writeAddinIcons(dir: string): string[] {
  return ICON_SIZES.map((size) => {
    const file = path.join(dir, `addin-icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) console.log(writeAddinIcons(path.resolve(process.argv[2] ?? 'appPackage')).join('\n'));
