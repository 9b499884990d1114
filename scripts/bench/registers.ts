import * as model from '../../src/domain';
import { DOMAIN_CODES, STATUS_CODES } from '../../src/domain';
import { fieldsOf, listSpecOf } from '../../src/store/graph';
import { createLocalStore } from '../../src/store/local';
import type { GraphFake } from '../../tests/fakes/graph-fake';

/**
 * The registers the scale benchmarks measure: `n` entries, each with two actions (one open, one done), texts as
 * long as a real measure's. Every 97th title has "zonnepanelen" (a search finds 1 %); statuses and domains
 * cycle, so a status filter selects about n/9 and a domain about n/33.
 */
export function benchEntry(i: number): model.SynergyEntry {
  return model.synergyEntry.parse({
    title: {
      nl: `Maatregel ${i + 1} ${i % 97 === 0 ? 'zonnepanelen' : 'samenwerking'} tussen gemeente en OCMW`,
      fr: `Mesure ${i + 1} : collaboration entre la commune et le CPAS`,
    },
    description: { nl: `Beschrijving van maatregel ${i + 1}: afspraken, gedeelde middelen en opvolging. `.repeat(4) },
    domain: DOMAIN_CODES[i % DOMAIN_CODES.length],
    status: STATUS_CODES[i % STATUS_CODES.length],
    startYear: 2000 + (i % 27),
    parties: ['Gemeente', 'OCMW'],
    kind: 'synergy',
    formalisation: 'informal_exchange',
    financialBenefit: i % 3 ? { amountEur: i * 10, confidence: 'estimate' } : undefined,
  });
}

export function benchActions(entryId: string, i: number): model.Action[] {
  return [
    model.action.parse({
      entryId,
      title: `Opvolging ${i + 1}`,
      owner: { name: `Eigenaar ${i % 40}` },
      dueDate: `20${20 + (i % 10)}-0${(i % 9) + 1}-1${i % 9}`,
    }),
    model.action.parse({
      entryId,
      title: `Afgerond ${i + 1}`,
      owner: { name: `Eigenaar ${i % 40}` },
      dueDate: '2024-01-15',
      status: 'done',
      doneDate: '2024-01-20',
    }),
  ];
}

/** Writes the register straight into an embedded store's data folder. */
export async function writeBenchRegister(dataDir: string, n: number): Promise<void> {
  const store = createLocalStore(dataDir, { compactAfterLines: 1_000_000 });
  await store.init();
  for (let start = 0; start < n; start += 5000) {
    const entries = await store.entries.createMany(Array.from({ length: Math.min(5000, n - start) }, (_, k) => benchEntry(start + k)));
    await store.actions.createMany(entries.flatMap((e, k) => benchActions(e.id, start + k)));
  }
  await store.close();
}

/** Seeds the same register into the Graph fake's lists (no requests counted). */
export function seedBenchRegister(fake: GraphFake, n: number, prefix = 'SynergyRegister'): void {
  const entries = listSpecOf('entries', prefix);
  const actions = listSpecOf('actions', prefix);
  for (let start = 0; start < n; start += 5000) {
    const values = Array.from({ length: Math.min(5000, n - start) }, (_, k) => benchEntry(start + k));
    const ids = fake.seedItems(
      entries.listName,
      values.map((v) => fieldsOf(entries, v)),
    );
    fake.seedItems(
      actions.listName,
      ids.flatMap((id, k) => benchActions(id, start + k).map((a) => fieldsOf(actions, a))),
    );
  }
}
