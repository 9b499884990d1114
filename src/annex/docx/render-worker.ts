import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnnexModel } from '../model';
import { annexDocx } from './render';

/**
 * The annex .docx is built in a worker thread: building a document of thousands of measures (the docx library
 * keeps every paragraph as objects, then writes and deflates the XML) takes seconds of CPU, which on the request
 * thread would hold health checks and every other request. The worker gets the annex model, answers the file's
 * bytes, and is stopped when its time or heap budget is spent. This same file is the worker's code.
 */

export interface DocxJobBudget {
  timeMs: number;
  heapMb: number;
}

export const DEFAULT_DOCX_BUDGET: DocxJobBudget = { timeMs: 120_000, heapMb: 512 };
/** below this a worker cannot even start (V8 aborts the whole process while setting up a smaller heap) */
const MIN_HEAP_MB = 64;
const ROLE = 'synergy-annex-docx';

/** The annex could not be built within its budget, or its builder failed; nothing was changed. */
export class AnnexRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnexRenderError';
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  parentPort!.once('message', (model: AnnexModel) => {
    annexDocx(model).then(
      (bytes) => {
        const copy = new Uint8Array(bytes);
        parentPort!.postMessage({ bytes: copy }, [copy.buffer]);
      },
      (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

let bundled: string | undefined;

/**
 * The worker's script: this file as compiled (the server runs from dist); run from TypeScript sources (tests),
 * the same file bundled once with esbuild, the project's build tool, next to node_modules so packages resolve.
 */
function workerScript(): string {
  if (__filename.endsWith('.js')) return __filename;
  if (!bundled) {
    // one file per process: test runners start several processes at once
    const out = path.join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'synergy-workers', `annex-docx-${process.pid}.js`);
    mkdirSync(path.dirname(out), { recursive: true });
    (require('esbuild') as typeof import('esbuild')).buildSync({
      entryPoints: [__filename],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });
    bundled = out;
  }
  return bundled;
}

/** The annex's .docx bytes, built off the request thread within `budget`. */
export function renderAnnexDocx(model: AnnexModel, budget: DocxJobBudget = DEFAULT_DOCX_BUDGET): Promise<Buffer> {
  const heapMb = Math.max(MIN_HEAP_MB, budget.heapMb);
  const worker = new Worker(workerScript(), { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 } });
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new AnnexRenderError(`the annex took longer than ${Math.round(budget.timeMs / 1000)} s and was stopped`)),
      budget.timeMs,
    );
    timer.unref();
    const finish = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    const fail = (error: Error) => {
      finish();
      reject(error);
    };
    worker.once('message', (answer: { bytes?: Uint8Array; error?: string }) => {
      finish();
      if (answer.bytes) resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength));
      else reject(new AnnexRenderError(answer.error ?? 'the annex builder gave no answer'));
    });
    worker.once('error', (error) =>
      fail(new AnnexRenderError(/heap|memory/i.test(error.message) ? `the annex needed more than ${heapMb} MB and was stopped` : error.message)),
    );
    worker.once('exit', (code) => fail(new AnnexRenderError(`the annex builder stopped (exit code ${code})`)));
    worker.postMessage(model);
  });
}
