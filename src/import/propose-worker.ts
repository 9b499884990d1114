import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnnualReport, SynergyEntry } from '../domain';
import { fold } from '../domain';
import type { DomainCode } from '../domain';
import { ImportRejectedError, type ImportProblem } from './errors';
import { type Matched, matchProposal, registerIndex } from './match-register';
import { knownParagraphs } from './narrative';
import { proposeImport } from './pipeline';
import { readDocx } from './read-docx';
import { workerScript } from '../workers';

/**
 * Reading a report and matching it against the register run in a worker thread: a long document or a large register
 * takes seconds of CPU, which on the request thread would hold health checks and every other request. The worker
 * gets the file and the register's entries and templates, answers the matched proposal (or why the file was
 * refused), and is stopped when its time or heap budget is spent or when the caller gives up. This file is the
 * worker's code too.
 */

export interface ProposeJob {
  bytes: Uint8Array;
  fileName: string;
  importId: string;
  entries: Array<SynergyEntry & { id: string }>;
  reports: AnnualReport[];
}

export interface ProposeBudget {
  timeMs: number;
  heapMb: number;
}

export const DEFAULT_PROPOSE_BUDGET: ProposeBudget = { timeMs: 60_000, heapMb: 512 };
/** below this a worker cannot even start */
const MIN_HEAP_MB = 64;
const ROLE = 'synergy-import-propose';

type Answer = { matched: Matched } | { rejected: { problem: ImportProblem; params: Record<string, string | number> } } | { error: string };

/** The domain a section label has in one of the register's templates, when one section of that label gathers one domain. */
function templateDomains(reports: readonly AnnualReport[]): (label: string) => DomainCode | undefined {
  return (label) => {
    for (const r of reports) {
      for (const s of r.blocks.flatMap((b) => b.sections)) {
        if (s.gather.by === 'domain' && s.gather.domains.length === 1 && Object.values(s.title).some((l) => l && fold(l) === fold(label)))
          return s.gather.domains[0];
      }
    }
    return undefined;
  };
}

/** Every stage, on whichever thread runs it: read → outline → measures → drafts (proposeImport), then match. */
export async function proposeInProcess(job: ProposeJob): Promise<Matched> {
  const structure = await readDocx(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength));
  const proposal = proposeImport(structure, {
    importId: job.importId,
    fileName: job.fileName,
    templateDomainOf: templateDomains(job.reports),
    knownParagraphs: knownParagraphs(job.entries),
  });
  return matchProposal(proposal, registerIndex(job.entries), job.reports);
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  parentPort!.once('message', (job: ProposeJob) => {
    proposeInProcess(job).then(
      (matched) => parentPort!.postMessage({ matched } satisfies Answer),
      (error: unknown) =>
        parentPort!.postMessage(
          (error instanceof ImportRejectedError
            ? { rejected: { problem: error.problem, params: error.params as Record<string, string | number> } }
            : { error: error instanceof Error ? error.message : String(error) }) satisfies Answer,
        ),
    );
  });
}

/**
 * The matched proposal, computed off the request thread within `budget`. A refused file rejects with its
 * ImportRejectedError; a job over its budget or given up (`signal`) is stopped and rejects with 'too_complex' or
 * 'cancelled'.
 */
export function proposeInWorker(job: ProposeJob, budget: ProposeBudget = DEFAULT_PROPOSE_BUDGET, signal?: AbortSignal): Promise<Matched> {
  const heapMb = Math.max(MIN_HEAP_MB, budget.heapMb);
  const worker = new Worker(workerScript(__filename, 'import-propose'), {
    workerData: { role: ROLE },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
  });
  return new Promise<Matched>((resolve, reject) => {
    const timer = setTimeout(() => fail(new ImportRejectedError('too_complex', { seconds: Math.round(budget.timeMs / 1000) })), budget.timeMs);
    timer.unref();
    const onAbort = () => fail(new ImportRejectedError('cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
    };
    const fail = (error: Error) => {
      if (settled) return;
      finish();
      reject(error);
    };
    worker.once('message', (answer: Answer) => {
      if (settled) return;
      finish();
      if ('matched' in answer) resolve(answer.matched);
      else if ('rejected' in answer) reject(new ImportRejectedError(answer.rejected.problem, answer.rejected.params));
      else reject(new Error(answer.error));
    });
    worker.once('error', (error) =>
      fail(/heap|memory/i.test(error.message) ? new ImportRejectedError('too_complex', { seconds: Math.round(budget.timeMs / 1000) }) : error),
    );
    worker.once('exit', (code) => fail(new Error(`the import reader stopped (exit code ${code})`)));
    if (signal?.aborted) return onAbort();
    worker.postMessage(job);
  });
}
