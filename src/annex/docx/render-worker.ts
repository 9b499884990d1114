import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnnexModel } from '../model';
import { type AnnexOutline, type AnnexPiece, annexPieces } from './pieces';
import { AnnexDocxWriter } from './stream';
import { workerScript } from '../../workers';

/**
 * The annex .docx is built in a worker thread: building a document of thousands of measures takes seconds of
 * CPU, which on the request thread would hold health checks and every other request. The worker gets the
 * annex's outline, then its pieces one at a time (the next once it has written the last: never a copy of the
 * whole model), sends the file's bytes as the zip writes them, and is stopped when its time or heap budget is
 * spent. This same file is the worker's code.
 */

/** What the request thread sends: the outline, then each piece, then the end. */
type ToWorker = { start: AnnexOutline } | { piece: AnnexPiece } | { end: true };
/** What the worker answers: some bytes of the file, a request for the next message, the end, or why it failed. */
type FromWorker = { bytes: Uint8Array } | { next: true } | { done: true } | { error: string };

export interface DocxJobBudget {
  timeMs: number;
  heapMb: number;
}

export const DEFAULT_DOCX_BUDGET: DocxJobBudget = { timeMs: 120_000, heapMb: 512 };
/** below this a worker cannot even start (V8 aborts the whole process while setting up a smaller heap) */
const MIN_HEAP_MB = 64;
const ROLE = 'synergy-annex-docx';
/**
 * The worker's young generation: a piece's objects die young, and a smaller nursery collected more often keeps the
 * process's resident memory lower (measured on a 50 000-entry annex: 16 MB costs about 5 % more time than 32 MB).
 */
const YOUNG_MB = 16;

/** The annex could not be built within its budget, or its builder failed; nothing was changed. */
export class AnnexRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnexRenderError';
  }
}

function serve(port: NonNullable<typeof parentPort>): void {
  const answer = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let writer: AnnexDocxWriter | undefined;
  const handle = async (message: ToWorker): Promise<FromWorker> => {
    if ('start' in message) {
      writer = await AnnexDocxWriter.open(message.start, (chunk) => {
        // a copy the worker gives away: the zip may still hold the chunk's buffer
        const bytes = new Uint8Array(chunk);
        answer({ bytes }, [bytes.buffer]);
      });
    } else if ('piece' in message) await writer!.write(message.piece);
    else {
      await writer!.end();
      return { done: true };
    }
    return { next: true };
  };
  port.on('message', (message: ToWorker) => {
    handle(message).then(answer, (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }));
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve(parentPort!);

/** The annex's .docx bytes, built off the request thread within `budget`. */
export function renderAnnexDocx(model: AnnexModel, budget: DocxJobBudget = DEFAULT_DOCX_BUDGET): Promise<Buffer> {
  const heapMb = Math.max(MIN_HEAP_MB, budget.heapMb);
  const worker = new Worker(workerScript(__filename, 'annex-docx'), {
    workerData: { role: ROLE },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
  });
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
    const { outline, pieces } = annexPieces(model);
    const next = pieces[Symbol.iterator]();
    const chunks: Uint8Array[] = [];
    worker.on('message', (answer: FromWorker) => {
      if ('bytes' in answer) chunks.push(answer.bytes);
      else if ('next' in answer) {
        const piece = next.next();
        worker.postMessage(piece.done ? { end: true } : { piece: piece.value });
      } else if ('done' in answer) {
        finish();
        resolve(Buffer.concat(chunks));
      } else fail(new AnnexRenderError(answer.error));
    });
    worker.once('error', (error) =>
      fail(new AnnexRenderError(/heap|memory/i.test(error.message) ? `the annex needed more than ${heapMb} MB and was stopped` : error.message)),
    );
    worker.once('exit', (code) => fail(new AnnexRenderError(`the annex builder stopped (exit code ${code})`)));
    const start: ToWorker = { start: outline };
    worker.postMessage(start);
  });
}
