import { buildAnnexModel } from '../../src/annex/model';
import type { Meeting, SynergyEntry } from '../../src/domain/model';
import { DOMAIN_CODES, type DomainCode } from '../../src/domain/vocabulary';
import { planAnnex } from '../../addin/word/plan';
import { entry, meet } from './annex-fixtures';

/** Registers and plans for the Word add-in tests: a commune of our own, not a demo one. */

export const MUNICIPALITY = { nl: 'Sint-Agatha-Berchem', fr: 'Berchem-Sainte-Agathe' };

export type Entry = SynergyEntry & { id: string };
export type Meet = Meeting & { id: string };

export function registerOf(size: number): { entries: Entry[]; meetings: Meet[] } {
  const domains = DOMAIN_CODES.filter((d) => !d.includes('.')) as DomainCode[];
  const entries = Array.from({ length: size }, (_, i) =>
    entry({
      title: { nl: `Maatregel ${i + 1}`, fr: `Mesure ${i + 1}` },
      domain: domains[i % domains.length],
      status: (['existing', 'new', 'proposed'] as const)[i % 3],
      financialBenefit: { amountEur: 1000 * (i + 1), confidence: 'estimate' },
    }),
  );
  return { entries, meetings: [meet({ body: 'steering_group', date: '2029-10-10', summary: { nl: 'Vergadering van de stuurgroep.' } })] };
}

export function planFor(
  entries: readonly Entry[],
  meetings: readonly Meet[] = [],
  options: { includeTable?: boolean; language?: 'nl' | 'fr'; shape?: 'list' | 'narrative' } = {},
) {
  return planAnnex(
    buildAnnexModel({
      entries,
      meetings,
      report: undefined,
      year: 2030,
      language: options.language ?? 'nl',
      shape: options.shape,
      includeTable: options.includeTable ?? true,
      municipality: MUNICIPALITY,
    }),
  );
}

/** The entry with a changed title (the register changed it). */
export const retitled = (e: Entry, nl: string): Entry => ({ ...e, title: { ...e.title, nl } });

/**
 * A register whose lists hold several measures: five running HR measures (one list, "…;" then "….") two
 * running procurement ones, two proposed HR ones. `hr[0]` is the first item of the HR list.
 */
export function sectionedRegister() {
  const hr = ['Gemeenschappelijke personeelsdienst', 'Gedeelde preventieadviseur', 'Samen aanwerven', 'Eén loonadministratie', 'Gezamenlijke opleidingen'].map(
    (nl) => entry({ title: { nl }, domain: 'HR', status: 'existing' }),
  );
  const proc = ['Gezamenlijke aankoopcentrale', 'Kaderovereenkomst voor papier'].map((nl) => entry({ title: { nl }, domain: 'PROC', status: 'existing' }));
  const proposed = ['Telewerkbeleid afstemmen', 'Gedeeld onthaal'].map((nl) => entry({ title: { nl }, domain: 'HR', status: 'proposed' }));
  return { hr, proc, proposed, entries: [...hr, ...proc, ...proposed] };
}
