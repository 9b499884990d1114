import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng } from '../scripts/lib/png';

/** The add-in's ribbon and manifest icons, drawn and PNG-encoded with Node alone (no image library). */

export { encodePng };

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
