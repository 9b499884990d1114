import * as model from '../../src/domain/model';
import { DOMAIN_CODES, STATUS_CODES } from '../../src/domain/vocabulary';
import { createLocalStore } from '../../src/store/local/local-store';

/**
 * A register of `count` entries in a data folder, written straight to the embedded store (for the tab's
 * 5 000-entry test and the tab bench). Every 97th title has "zonnepanelen" (52 of 5 000).
 */
export async function writeLargeRegister(dataDir: string, count = 5000): Promise<void> {
  const store = createLocalStore(dataDir);
  await store.init();
  const values = Array.from({ length: count }, (_, i) =>
    model.synergyEntry.parse({
      title: { nl: `Maatregel ${i + 1} ${i % 97 === 0 ? 'zonnepanelen' : 'samenwerking'}`, fr: `Mesure ${i + 1}` },
      description: { nl: `Beschrijving van maatregel ${i + 1}. `.repeat(5) },
      domain: DOMAIN_CODES[i % DOMAIN_CODES.length],
      status: STATUS_CODES[i % STATUS_CODES.length],
      startYear: 2000 + (i % 27),
      parties: i % 2 ? ['Gemeente', 'OCMW'] : ['Gemeente', 'OCMW', 'Politiezone'],
      kind: 'synergy',
      formalisation: 'informal_exchange',
      financialBenefit: i % 3 ? { amountEur: i * 10, confidence: 'estimate' } : undefined,
    }),
  );
  await store.entries.createMany(values);
  await store.close();
}
