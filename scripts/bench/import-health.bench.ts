/**
 * While a 4 000-paragraph report is read and matched (in its worker thread), the server keeps answering: /api/health
 * is asked every 20 ms from the moment the upload starts until the proposal is back, and the slowest answer is
 * printed. Fails when one takes 100 ms or more. Called by scripts/bench.ts.
 */
import { performance } from 'node:perf_hooks';
import { longReport } from '../../tests/fixtures/import-corpus/long-report';
import { startTestServer } from '../../tests/support/server';

const TARGET_MS = 100;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function benchImportHealth(): Promise<void> {
  const server = await startTestServer({ demoData: true });
  try {
    const report = await longReport(40);
    let done = false;
    const started = performance.now();
    const importing = server
      .api('/api/import?name=lang.docx', { method: 'POST', body: new Uint8Array(report), headers: { 'content-type': DOCX } })
      .then(async (res) => {
        done = true;
        return res.status;
      });
    const times: number[] = [];
    while (!done) {
      const asked = performance.now();
      const res = await server.api('/api/health');
      times.push(performance.now() - asked);
      if (res.status !== 200) throw new Error(`/api/health answered ${res.status} during the import`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const status = await importing;
    const took = performance.now() - started;
    const slowest = Math.max(...times);
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? slowest;
    console.log(`4 000-paragraph import: answered ${status} in ${Math.round(took)} ms`);
    console.log(`/api/health during it: ${times.length} answers, p95 ${p95.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms (target < ${TARGET_MS} ms)`);
    if (status !== 200) throw new Error(`the import answered ${status}`);
    if (slowest >= TARGET_MS) throw new Error(`/api/health took ${slowest.toFixed(0)} ms during the import (target < ${TARGET_MS} ms)`);
  } finally {
    await server.stop();
  }
}
