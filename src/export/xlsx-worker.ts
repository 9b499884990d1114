import { Worker } from 'node:worker_threads';
import type { Row, SheetSpec } from './workbook-sheets';

/**
 * The .xlsx writer runs in a worker thread: exceljs's streaming WorkbookWriter turns rows into XML and deflates it
 * there, so a large export never holds the event loop (health checks and other requests keep answering). Rows
 * arrive a batch at a time and each batch is acknowledged once written, so neither side holds the whole register;
 * the worker's heap is capped and the job is stopped when its time is up.
 */

export type WorkerIn = { type: 'sheet'; spec: SheetSpec } | { type: 'rows'; rows: Row[] } | { type: 'end' };
export type WorkerOut = { type: 'ack' } | { type: 'data'; chunk: Uint8Array } | { type: 'done' } | { type: 'error'; message: string };

export interface XlsxJobBudget {
  /** the job is stopped after this long */
  timeMs: number;
  /** the worker's heap limit */
  heapMb: number;
}

export const DEFAULT_XLSX_BUDGET: XlsxJobBudget = { timeMs: 120_000, heapMb: 256 };
const MIN_HEAP_MB = 64;

/**
 * Runs inside the worker; serialised with Function#toString, so it refers to nothing outside itself (only
 * `require`, which a worker started from source text has, and the exceljs path it is given).
 */
/* c8 ignore start */
function workerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { PassThrough } = require('node:stream') as typeof import('node:stream');
  const ExcelJS = require(workerData.exceljs as string) as typeof import('exceljs');
  const port = parentPort!;
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => {
    const copy = new Uint8Array(chunk); // a pooled Buffer shares its memory: send a copy of its own
    port.postMessage({ type: 'data', chunk: copy }, [copy.buffer]);
  });
  // after the last byte has been sent
  out.on('end', () => port.postMessage({ type: 'done' }));
  // fast deflate: the rows are plain text and numbers; a smaller file is not worth seconds of CPU per export
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as never);
  workbook.creator = 'Synergy Register';
  let sheet: ReturnType<typeof workbook.addWorksheet> | undefined;
  let dateColumns: number[] = [];
  let failed = false;
  const fail = (error: unknown) => {
    failed = true;
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  };
  port.on('message', (message: { type: string; spec?: { name: string; headers: string[]; widths: number[]; dateColumns?: number[] }; rows?: unknown[][] }) => {
    if (failed) return;
    try {
      if (message.type === 'sheet') {
        sheet?.commit();
        const spec = message.spec!;
        sheet = workbook.addWorksheet(spec.name, {
          views: [{ state: 'frozen', ySplit: 1 }],
          autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: spec.headers.length } },
        } as never);
        sheet.columns = spec.headers.map((_, i) => ({ width: spec.widths[i] ?? 14 }));
        // calendar days and moments are real date cells, shown as dates: one style per date column
        dateColumns = spec.dateColumns ?? [];
        const header = sheet.addRow(spec.headers);
        header.font = { bold: true };
        header.commit();
        port.postMessage({ type: 'ack' });
      } else if (message.type === 'rows') {
        for (const values of message.rows!) {
          const row = sheet!.addRow(values);
          for (const column of dateColumns) if (values[column - 1] instanceof Date) row.getCell(column).numFmt = 'dd/mm/yyyy';
          row.commit();
        }
        port.postMessage({ type: 'ack' });
      } else if (message.type === 'end') {
        sheet?.commit();
        workbook.commit().then(() => {
          if (!out.writableEnded) out.end();
        }, fail);
      }
    } catch (error) {
      fail(error);
    }
  });
}
/* c8 ignore stop */

export interface XlsxWriter {
  sheet(spec: SheetSpec): Promise<void>;
  rows(rows: Row[]): Promise<void>;
  /** resolves once the last byte has been handed to `onData` */
  end(): Promise<void>;
  /** stops the worker (the client went away, or the job failed) */
  abort(): Promise<void>;
}

/**
 * Starts one writer thread. `onData` gets the file's bytes in order; it may return a promise (the HTTP response
 * draining), and the next batch of rows waits for it. Rejects every pending step when the worker fails, runs out of
 * heap or out of time.
 */
export function startXlsxWriter(onData: (chunk: Uint8Array) => void | Promise<void>, budget: XlsxJobBudget = DEFAULT_XLSX_BUDGET): XlsxWriter {
  // below this a worker cannot even start (V8 aborts the whole process while setting up a smaller heap)
  const heapMb = Math.max(MIN_HEAP_MB, budget.heapMb);
  const worker = new Worker(`(${workerMain.toString()})()`, {
    eval: true,
    workerData: { exceljs: require.resolve('exceljs') },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
  });
  let failure: Error | undefined;
  let waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let writing: Promise<void> = Promise.resolve();
  const settle = (error?: Error) => {
    const w = waiting;
    waiting = undefined;
    if (error) w?.reject(error);
    else w?.resolve();
  };
  const stop = (error: Error) => {
    failure ??= error;
    settle(failure);
    void worker.terminate();
  };
  const timer = setTimeout(() => stop(new XlsxJobError(`the workbook took longer than ${Math.round(budget.timeMs / 1000)} s and was stopped`)), budget.timeMs);
  timer.unref();
  worker.on('message', (message: WorkerOut) => {
    if (message.type === 'data') {
      writing = writing.then(() => onData(message.chunk));
      writing.catch((error: Error) => stop(error));
    } else if (message.type === 'error') stop(new XlsxJobError(message.message));
    else
      void writing.then(
        () => settle(),
        (error: Error) => stop(error),
      );
  });
  worker.on('error', (error) =>
    stop(new XlsxJobError(/heap|memory/i.test(error.message) ? `the workbook needed more than ${heapMb} MB and was stopped` : error.message)),
  );
  worker.on('exit', () => {
    clearTimeout(timer);
    if (waiting) stop(failure ?? new XlsxJobError('the workbook writer stopped unexpectedly'));
  });
  const send = (message: WorkerIn): Promise<void> => {
    if (failure) return Promise.reject(failure);
    return new Promise<void>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage(message);
    });
  };
  return {
    sheet: (spec) => send({ type: 'sheet', spec }),
    rows: (rows) => send({ type: 'rows', rows }),
    end: async () => {
      await send({ type: 'end' });
      clearTimeout(timer);
      await worker.terminate();
    },
    abort: async () => {
      stop(new XlsxJobError('the workbook was cancelled'));
    },
  };
}

/** The workbook could not be written within its budget, or its writer failed; nothing was changed. */
export class XlsxJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxJobError';
  }
}
