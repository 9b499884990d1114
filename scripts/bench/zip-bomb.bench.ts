/**
 * Zip bombs: how long a .docx whose one part inflates to hundreds of megabytes takes to be refused, and how much
 * memory it costs, through the same reader an upload goes through. Target: under a second each. Called by
 * scripts/bench.ts; runs on its own too: node dist/scripts/bench/zip-bomb.bench.js
 */
import { performance } from 'node:perf_hooks';
import { ImportRejectedError } from '../../src/import';
import { readDocx } from '../../src/import';
import { documentBomb, manyEntries, stylesBomb } from '../../tests/support/zip-bombs';

const TARGET_MS = 1000;

function row(label: string, value: string | number, note = ''): void {
  console.log(`  ${label.padEnd(52)} ${String(value).padStart(10)}  ${note}`);
}

export async function benchZipBombs(): Promise<void> {
  const bombs: Array<[string, () => Promise<Buffer>]> = [
    ['document.xml inflating to 197 MB', () => documentBomb()],
    ['styles.xml inflating to 340 MB', () => stylesBomb()],
    ['5 000 extra parts', () => manyEntries(5000)],
  ];
  let slowest = 0;
  for (const [label, make] of bombs) {
    const bytes = await make();
    const heapBefore = process.memoryUsage().rss;
    const started = performance.now();
    const problem = await readDocx(bytes).then(
      () => 'read (not refused!)',
      (error: unknown) => (error instanceof ImportRejectedError ? error.problem : String(error)),
    );
    const ms = performance.now() - started;
    slowest = Math.max(slowest, ms);
    const grew = Math.max(0, process.memoryUsage().rss - heapBefore) / 1024 / 1024;
    row(`${label} (${(bytes.length / 1024 / 1024).toFixed(2)} MB file)`, `${ms.toFixed(0)} ms`, `${problem}, memory +${grew.toFixed(0)} MB`);
    if (problem !== 'unpacks_too_large') throw new Error(`${label}: ${problem}`);
  }
  if (slowest >= TARGET_MS) throw new Error(`a bomb took ${slowest.toFixed(0)} ms to refuse (target < ${TARGET_MS} ms)`);
}

if (require.main === module) {
  benchZipBombs().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
