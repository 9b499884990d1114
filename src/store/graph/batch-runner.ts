import { BATCH_LIMIT, type GraphApi, type InnerRequest, type InnerResponse } from './graph-api';

export interface BatchRunOptions {
  /** How often one inner request may be re-queued after a 429/503 before its throttled answer stands. */
  maxAttempts?: number;
  /** Seconds to wait when a throttled inner response names no Retry-After. */
  defaultRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

const THROTTLED = new Set([429, 503]);

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends requests in sequential $batch calls of at most 20 and returns their responses in input order.
 * SDKs do not retry throttled inner requests, so they go back on the queue and the next batch first waits the
 * largest Retry-After seen: the one hand-written retry the platform calls for. Without throttling, N requests
 * cost exactly ceil(N / 20) calls.
 */
export async function runInBatches(api: GraphApi, requests: readonly InnerRequest[], options: BatchRunOptions = {}): Promise<InnerResponse[]> {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? realSleep;
  const results: InnerResponse[] = new Array(requests.length);
  const attempts = new Array<number>(requests.length).fill(0);
  let queue = requests.map((_, index) => index);
  let waitSeconds = 0;
  while (queue.length > 0) {
    const chunk = queue.slice(0, BATCH_LIMIT);
    queue = queue.slice(BATCH_LIMIT);
    if (waitSeconds > 0) await sleep(waitSeconds * 1000);
    waitSeconds = 0;
    const responses = await api.batch(chunk.map((index) => requests[index]));
    const throttled: number[] = [];
    responses.forEach((response, position) => {
      const index = chunk[position];
      attempts[index] += 1;
      results[index] = response;
      if (THROTTLED.has(response.status) && attempts[index] < maxAttempts) {
        throttled.push(index);
        waitSeconds = Math.max(waitSeconds, response.retryAfterSeconds ?? options.defaultRetryAfterSeconds ?? 2);
      }
    });
    queue = [...throttled, ...queue];
  }
  return results;
}
