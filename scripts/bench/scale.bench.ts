import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBotSurface } from '../../bot';
import { loadConfig } from '../../src/host';
import { consoleLogger } from '../../src/host';
import { startServer } from '../../src/server';
import { createLocalStore } from '../../src/store/local';
import { messageActivity, postActivity, startFakeConnector } from '../../tests/fakes/bot-connector';
import { calibrate, describeGate, type Gate, passes } from './calibration';
import { writeBenchRegister } from './registers';

/**
 * Cost follows the page, on the embedded store, over HTTP against the real server: the register page (first,
 * filtered, searched), the bot's "open actions", and at the largest size export.xlsx and annex.docx with the
 * process's peak memory. Registers of 1 000, 5 000 and 50 000 entries with two actions each. Times are gated as
 * ratios to a calibration measured in this run (calibration.ts); the page's growth from 1 000 to 50 000 too.
 */

const SIZES = [1_000, 5_000, 50_000];
const RUNS = 15;
const WARM_UP = 20;
const TARGETS = { pageMs: 150, openActionsP95Ms: 300, exportMs: 10_000, exportPeakMiB: 300, growth: 3 };

function row(label: string, value: string | number, note = ''): void {
  console.log(`  ${label.padEnd(50)} ${String(value).padStart(12)}  ${note}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** Peak resident memory of this process (server and its worker threads) while `run` runs, in MiB. */
async function peakMemory<T>(run: () => Promise<T>): Promise<{ result: T; peakMiB: number; baseMiB: number }> {
  global.gc?.();
  const baseMiB = process.memoryUsage().rss / 2 ** 20;
  let peak = baseMiB;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 20);
  try {
    const result = await run();
    return { result, peakMiB: Math.max(peak, process.memoryUsage().rss / 2 ** 20), baseMiB };
  } finally {
    clearInterval(sampler);
  }
}

interface SizeResult {
  n: number;
  page: number;
  filtered: number;
  search: number;
  openActionsP95: number;
}

export async function benchScale(): Promise<void> {
  const calibration = calibrate();
  console.log(`\nEmbedded store over HTTP (calibration ${calibration.toFixed(0)} ms, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  const gates: Gate[] = [];
  const failures: string[] = [];
  const results: SizeResult[] = [];
  for (const n of SIZES) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-bench-scale-'));
    const connector = await startFakeConnector();
    const built = await timed(() => writeBenchRegister(dataDir, n));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_MODE: 'local',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      CLIENT_ID: '',
      CLIENT_SECRET: '',
      LOG_LEVEL: 'silent',
    });
    const store = createLocalStore(dataDir);
    const opened = await timed(() => store.init());
    const running = await startServer(config, store, consoleLogger('silent'), [createBotSurface({ sweepIntervalMs: 600_000 })]);
    try {
      const get = async (url: string) => {
        const res = await fetch(`${running.url}${url}`);
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        return res.arrayBuffer();
      };
      const medianOf = async (url: string) => {
        // the first calls after start compile the code path (the JIT); what is timed is a person's page after that
        for (let i = 0; i < WARM_UP; i++) await get(url);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push(await timed(() => get(url)));
        return median(times);
      };
      const page = await medianOf('/api/entries?offset=0&limit=50');
      const filtered = await medianOf('/api/entries?status=decided&offset=0&limit=50');
      const search = await medianOf('/api/entries?q=zonnepanelen&offset=0&limit=50');
      // the page keeps its view until the register changes: right after a write it is rebuilt from every entry
      const afterWrite: number[] = [];
      for (let i = 0; i < 7; i++) {
        const created = await fetch(`${running.url}/api/entries`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: { nl: `Nieuw ${i}` }, domain: 'ICT', status: 'proposed', kind: 'synergy', formalisation: 'agreement' }),
        });
        if (created.status !== 201) throw new Error(`POST /api/entries answered ${created.status}`);
        afterWrite.push(await timed(() => get('/api/entries?offset=0&limit=50')));
      }
      const rebuilt = median(afterWrite);
      const asker = { id: '29:asker', name: 'Asker', aadObjectId: 'aad-asker' };
      const openTimes: number[] = [];
      for (let i = 0; i < 20; i++) {
        const text = ['open actions', 'open acties ICT', 'actions ouvertes en retard'][i % 3];
        const t = await timed(async () => {
          const res = await postActivity(running.url, messageActivity(connector.url, text, asker, { conversationId: 'a:asker' }, 'nl-BE'));
          if (res.status !== 200) throw new Error(`open actions answered ${res.status}`);
        });
        if (i > 0) openTimes.push(t);
      }
      const result = { n, page, filtered, search, openActionsP95: p95(openTimes) };
      results.push(result);
      console.log(
        `\n  ${n.toLocaleString('en')} entries, ${(2 * n).toLocaleString('en')} actions (written in ${(built / 1000).toFixed(1)} s; store opened in ${opened.toFixed(0)} ms)`,
      );
      row('first page (GET /api/entries, 50 of them) median', `${page.toFixed(1)} ms`);
      row('filtered page (status) median', `${filtered.toFixed(1)} ms`);
      row('search page ("zonnepanelen") median', `${search.toFixed(1)} ms`);
      row('first page right after a write (view rebuilt) median', `${rebuilt.toFixed(1)} ms`);
      row('bot "open actions" (message → card) p95', `${result.openActionsP95.toFixed(0)} ms`);
      if (n === SIZES[SIZES.length - 1]) {
        gates.push({ label: `first page at ${n}`, measuredMs: page, targetMs: TARGETS.pageMs, calibrationMs: calibrate() });
        gates.push({ label: `filtered page at ${n}`, measuredMs: filtered, targetMs: TARGETS.pageMs, calibrationMs: calibrate() });
        gates.push({ label: `first page right after a write at ${n}`, measuredMs: rebuilt, targetMs: TARGETS.pageMs, calibrationMs: calibrate() });
        gates.push({
          label: `bot open actions p95 at ${n}`,
          measuredMs: result.openActionsP95,
          targetMs: TARGETS.openActionsP95Ms,
          calibrationMs: calibrate(),
        });
        // the annex with its summary table of every measure is printed, its memory gated, its time not (yet) a target
        for (const [label, url, timeGated] of [
          ['export.xlsx', '/api/export.xlsx', true],
          ['annex.docx (budget year 2020)', '/api/annex.docx?year=2020&lang=nl', true],
          ['annex.docx with its summary table', '/api/annex.docx?year=2020&lang=nl&table=true', false],
        ] as const) {
          const t0 = performance.now();
          const { result: bytes, peakMiB, baseMiB } = await peakMemory(() => get(url));
          const ms = performance.now() - t0;
          row(`${label}: time`, `${(ms / 1000).toFixed(1)} s`, `${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB file`);
          row(
            `${label}: peak process memory (before → peak)`,
            `${baseMiB.toFixed(0)} → ${peakMiB.toFixed(0)} MiB`,
            `+${(peakMiB - baseMiB).toFixed(0)} MiB for the job (target < ${TARGETS.exportPeakMiB} MiB)`,
          );
          if (timeGated) gates.push({ label: `${label} at ${n}`, measuredMs: ms, targetMs: TARGETS.exportMs, calibrationMs: calibrate() });
          if (peakMiB - baseMiB >= TARGETS.exportPeakMiB) failures.push(`${label} used ${(peakMiB - baseMiB).toFixed(0)} MiB above the server's own`);
        }
      }
    } finally {
      await running.close();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const small = results[0];
  const large = results[results.length - 1];
  const growth = large.page / small.page;
  console.log('\n  Targets (time gates as ratios to the calibration; see scripts/bench/calibration.ts)');
  for (const gate of gates) {
    row(gate.label, '', describeGate(gate, calibration));
    if (!passes(gate, calibration)) failures.push(`${gate.label}: ${Math.round(gate.measuredMs)} ms`);
  }
  row(`register page at ${large.n} / at ${small.n}`, `${growth.toFixed(2)}×`, `target ≤ ${TARGETS.growth}× ${growth <= TARGETS.growth ? 'ok' : 'MISSED'}`);
  if (growth > TARGETS.growth) failures.push(`the register page grows ${growth.toFixed(1)}× from ${small.n} to ${large.n} entries`);
  if (failures.length) throw new Error(`scale benchmark missed: ${failures.join('; ')}`);
}

if (require.main === module) {
  benchScale().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
