import { Unzip, UnzipInflate, type UnzipFile, zipSync } from 'fflate';
import { ImportRejectedError } from './errors';

/**
 * Bounded reading of a zip (a .docx is one): every entry is inflated as a stream, a few kilobytes of input at
 * a time, and counted while it inflates, so a small file that expands to gigabytes (a "zip bomb") is refused
 * after at most a few megabytes of work instead of exhausting the server. Nothing parses an entry until the
 * whole archive has passed: the caller gets the inflated entries, never the original bytes.
 */

export interface ZipLimits {
  /** entries in the archive, directories included */
  readonly maxEntries: number;
  /** inflated bytes of one entry */
  readonly maxEntryBytes: number;
  /** inflated bytes of all entries together */
  readonly maxTotalBytes: number;
  /** inflated bytes per compressed byte of one entry, once it passed ratioGraceBytes */
  readonly maxRatio: number;
  /** small entries may compress very well (an empty part, a run of spaces): the ratio counts beyond this size */
  readonly ratioGraceBytes: number;
}

const MB = 1024 * 1024;

/**
 * A Word report: its XML parts compress 5–30 times and its pictures hardly at all, so an upload of 10 MB never
 * honestly inflates to more than a few tens of megabytes; a part compressed 100 times or more is made, not saved.
 */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 32 * MB,
  maxTotalBytes: 64 * MB,
  maxRatio: 100,
  ratioGraceBytes: 1 * MB,
};

export type ZipLimitName = 'entries' | 'entry_size' | 'total_size' | 'ratio';

/** The archive goes beyond a limit; `inflated` says how many bytes were inflated before reading stopped. */
export class ZipLimitError extends Error {
  constructor(
    readonly limit: ZipLimitName,
    readonly max: number,
    readonly entry: string | undefined,
    readonly inflated: number,
  ) {
    super(`zip ${limit} over ${max}${entry ? ` in ${entry}` : ''}`);
    this.name = 'ZipLimitError';
  }
}

/** The bytes are not a zip that can be read to its end (truncated, unknown compression, damaged data). */
export class ZipFormatError extends Error {
  constructor(reason: string) {
    super(`unreadable zip: ${reason}`);
    this.name = 'ZipFormatError';
  }
}

/** Input handed to the inflater per step: one step inflates at most ~1 000 times this, whatever the file says. */
const STEP_BYTES = 4 * 1024;

interface Progress {
  breach?: ZipLimitError;
  failure?: string;
  total: number;
}

/** Inflates every entry within the limits; throws ZipLimitError or ZipFormatError. */
export function inflateBounded(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const progress: Progress = { total: 0 };
  const open = new Set<string>();
  // input handed to the inflater: the current step starts at `stepStart` and ends at `consumed`
  let stepStart = 0;
  let consumed = 0;
  let count = 0;

  const refuse = (limit: ZipLimitName, max: number, entry?: string) => {
    progress.breach ??= new ZipLimitError(limit, max, entry, progress.total);
  };

  const onFile = (file: UnzipFile) => {
    if (progress.breach || progress.failure) return;
    if (++count > limits.maxEntries) return refuse('entries', limits.maxEntries);
    // a declared size beyond the limit is refused before inflating anything (an honest size is checked again below)
    if ((file.originalSize ?? 0) > limits.maxEntryBytes) return refuse('entry_size', limits.maxEntryBytes, file.name);
    // counted from the start of the step holding its header: never fewer compressed bytes than it really took
    const startedAt = stepStart;
    const chunks: Uint8Array[] = [];
    let size = 0;
    open.add(file.name);
    file.ondata = (error, data, final) => {
      if (progress.breach || progress.failure) return;
      if (error) {
        progress.failure = error.message;
        return;
      }
      size += data.length;
      progress.total += data.length;
      const compressed = Math.max(1, consumed - startedAt);
      if (size > limits.maxEntryBytes) return refuse('entry_size', limits.maxEntryBytes, file.name);
      if (progress.total > limits.maxTotalBytes) return refuse('total_size', limits.maxTotalBytes, file.name);
      if (size > limits.ratioGraceBytes && size / compressed > limits.maxRatio) return refuse('ratio', limits.maxRatio, file.name);
      if (data.length) chunks.push(data);
      if (final) {
        open.delete(file.name);
        // a folder is only a name: nothing to read
        if (!file.name.endsWith('/')) entries.set(file.name, concat(chunks, size));
      }
    };
    try {
      file.start();
    } catch (error) {
      progress.failure = (error as Error).message;
    }
  };

  const unzip = new Unzip(onFile);
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += STEP_BYTES) {
      stepStart = at;
      consumed = Math.min(bytes.length, at + STEP_BYTES);
      unzip.push(bytes.subarray(at, consumed), consumed === bytes.length);
      if (progress.breach) throw progress.breach;
      if (progress.failure) break;
    }
  } catch (error) {
    if (error instanceof ZipLimitError) throw error;
    progress.failure ??= (error as Error).message;
  }
  if (progress.failure) throw new ZipFormatError(progress.failure);
  if (open.size > 0) throw new ZipFormatError(`entry ${[...open][0]} ends early`);
  if (count === 0) throw new ZipFormatError('no entries');
  return entries;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * A zip of the given entries, stored without compression: what a parser opens is exactly what passed the
 * limits, however the original archive's directory and entry headers may disagree.
 */
export function storedZip(entries: ReadonlyMap<string, Uint8Array>): Buffer {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, data] of entries) files[name] = [data, { level: 0 }];
  const zipped = zipSync(files);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

/** The archive re-packed after passing the limits; throws ZipLimitError or ZipFormatError. */
export function boundedZip(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): Buffer {
  return storedZip(inflateBounded(bytes, limits));
}

/**
 * A .docx upload re-packed after passing DOCX_LIMITS, for the Word reader; what goes beyond them is refused
 * as 'unpacks_too_large', what cannot be read to its end as 'corrupt'.
 */
export function docxWithinLimits(bytes: Uint8Array): Buffer {
  try {
    return boundedZip(bytes, DOCX_LIMITS);
  } catch (error) {
    if (error instanceof ZipLimitError) throw new ImportRejectedError('unpacks_too_large', { mb: DOCX_LIMITS.maxTotalBytes / MB });
    if (error instanceof ZipFormatError) throw new ImportRejectedError('corrupt');
    throw error;
  }
}
