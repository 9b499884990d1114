/**
 * Import benchmark: a clerk's report of 2 000 measures (half of them already in the register) proposed against a
 * register of 5 000 entries on the embedded store, then confirmed. Prints both times; fails when proposing takes
 * 10 s or more. Called by scripts/bench.ts; runs on its own too: node dist/scripts/bench/import.bench.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { type SynergyEntry, synergyEntry } from '../../src/domain';
import { DOMAIN_CODES } from '../../src/domain';
import { ImportService } from '../../src/import';
import { Register } from '../../src/register';
import { createLocalStore } from '../../src/store/local';

export const ENTRIES = 5000;
export const MEASURES = 2000;
const TARGET_MS = 10_000;

const SUBJECTS = [
  'opleiding',
  'aankoop',
  'onderhoud',
  'helpdesk',
  'archief',
  'vertaling',
  'loket',
  'netwerk',
  'wagenpark',
  'schoonmaak',
  'verzekering',
  'energie',
];
const OBJECTS = ['personeel', 'gebouwen', 'voertuigen', 'servers', 'huurders', 'senioren', 'jongeren', 'scholen', 'sporthallen', 'kinderopvang'];

/** A plausible, distinct measure title: words a clerk uses, with a place that makes it one of its own. */
function titleOf(i: number): string {
  return `Gezamenlijke ${SUBJECTS[i % SUBJECTS.length]} voor ${OBJECTS[Math.floor(i / SUBJECTS.length) % OBJECTS.length]} van wijk ${i + 1}`;
}

/** Entry `i` of the register the report is imported into. */
export function registerEntry(i: number): SynergyEntry {
  return synergyEntry.parse({
    title: { nl: titleOf(i) },
    description: { nl: `Afspraken tussen gemeente en OCMW over ${titleOf(i).toLowerCase()}.` },
    domain: DOMAIN_CODES[i % DOMAIN_CODES.length],
    status: 'existing',
    kind: 'synergy',
    formalisation: 'informal_exchange',
    mentions: [{ reportYear: 2025, status: 'existing', italic: false }],
  });
}

async function registerOf(dataDir: string): Promise<Register> {
  const store = createLocalStore(dataDir);
  await store.init();
  await store.entries.createMany(Array.from({ length: ENTRIES }, (_, i) => registerEntry(i)));
  return new Register(store);
}

/** The report: 20 numbered sections of 100 bullets; the even measures are register entries, the odd ones new. */
export async function reportOf(): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: 'Verslag over de synergieën tussen de gemeente en het OCMW van Bankstad', bold: true })] }),
    new Paragraph('Bijlage bij de begroting 2026 van het OCMW van Bankstad.'),
    new Paragraph({ children: [new TextRun({ text: '1. Bestaande synergieën', bold: true })] }),
  ];
  for (let s = 0; s < MEASURES / 100; s++) {
    children.push(new Paragraph({ children: [new TextRun({ text: `1.${s + 1} Hoofdstuk ${s + 1}`, bold: true })] }));
    for (let m = 0; m < 100; m++) {
      const i = s * 100 + m;
      const title = i % 2 === 0 ? titleOf(i * 2) : `Nieuwe samenwerking rond ${SUBJECTS[i % SUBJECTS.length]} in project ${i + 1}`;
      children.push(new Paragraph({ numbering: { reference: 'b', level: 0 }, children: [new TextRun(`${title};`)] }));
    }
  }
  return Packer.toBuffer(
    new Document({ numbering: { config: [{ reference: 'b', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }] }, sections: [{ children }] }),
  );
}

export async function benchImport(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'synergy-import-bench-'));
  try {
    const register = await registerOf(dataDir);
    const service = new ImportService(register, { nl: 'Bankstad' });
    const bytes = await reportOf();
    let t = performance.now();
    const { proposal } = await service.propose(bytes, 'bench.docx');
    const proposeMs = performance.now() - t;
    const mentions = proposal.entries.filter((e) => e.action === 'mention').length;
    console.log(
      `import: ${proposal.entries.length} measures proposed into ${ENTRIES} entries in ${Math.round(proposeMs)} ms (${mentions} known, ${proposal.entries.length - mentions} new; target < ${TARGET_MS} ms)`,
    );
    t = performance.now();
    const result = await service.confirm(proposal, { id: 'bench', name: 'Bench' });
    console.log(`import: confirmed in ${Math.round(performance.now() - t)} ms (${result.create} created, ${result.mentionAdded} mentions added)`);
    if (proposeMs >= TARGET_MS) throw new Error(`proposing took ${Math.round(proposeMs)} ms (target < ${TARGET_MS} ms)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchImport().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
