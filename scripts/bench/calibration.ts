import { performance } from 'node:perf_hooks';

/**
 * Gates as ratios, so that a pass or a fail does not flip with the machine's load: a fixed piece of work like the
 * server's own (objects built, serialised, parsed, sorted, strings folded) is timed in the same run, and each time
 * target is compared as `measured / calibration` against `target / REFERENCE_MS`. REFERENCE_MS is the calibration
 * on the machine the targets were set on (2 cores, unloaded); a machine twice as slow or twice as busy doubles both.
 */
export const REFERENCE_MS = 60;

function workload(): number {
  const rows = Array.from({ length: 20_000 }, (_, i) => ({
    id: String(i),
    title: { nl: `Maatregel ${i} Financiën`, fr: `Mesure ${i} Marchés` },
    year: 2000 + (i % 27),
    parties: ['Gemeente', 'OCMW'],
  }));
  const copy = JSON.parse(JSON.stringify(rows)) as typeof rows;
  copy.sort((a, b) => a.title.fr.localeCompare(b.title.fr) || a.year - b.year);
  let folded = 0;
  for (const r of copy) folded += r.title.nl.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().length;
  return folded;
}

/** The median of seven runs of the workload, in ms (after one warm-up run). */
export function calibrate(): number {
  workload();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    workload();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[3];
}

export interface Gate {
  label: string;
  measuredMs: number;
  targetMs: number;
  /** the calibration taken right by this measurement (the load moves during a long run); else the run's */
  calibrationMs?: number;
}

/** Whether a time meets its target on this machine now: its ratio to the calibration, against the target's. */
export function passes(gate: Gate, calibrationMs: number): boolean {
  return gate.measuredMs / (gate.calibrationMs ?? calibrationMs) < gate.targetMs / REFERENCE_MS;
}

/** "412 ms = 6.9× calibration (limit 150 ms = 2.5×)" */
export function describeGate(gate: Gate, calibrationMs: number): string {
  const ratio = gate.measuredMs / (gate.calibrationMs ?? calibrationMs);
  const limit = gate.targetMs / REFERENCE_MS;
  return `${Math.round(gate.measuredMs)} ms = ${ratio.toFixed(2)}× calibration (limit ${gate.targetMs} ms = ${limit.toFixed(2)}×) ${ratio < limit ? 'ok' : 'MISSED'}`;
}
