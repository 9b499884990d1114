import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root (the folder holding package.json), found from a module's own folder so it is the
 * same under ts-jest (sources) and in the built server (dist/…).
 */
export function repoRootFrom(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
