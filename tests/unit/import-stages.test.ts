import { synergyEntry } from '../../src/domain/model';
import { paragraphHeading, splitNumber, typedBullet, withTypedLists } from '../../src/import/headings';
import { registerIndex, matchProposal } from '../../src/import/match-register';
import { measuresOf } from '../../src/import/measures';
import { buildOutline } from '../../src/import/outline';
import { halvesOf, proposeImport } from '../../src/import/pipeline';
import type { DocBlock } from '../../src/import/structure';
import { readTitleBlock } from '../../src/import/title-block';

/** Each stage of the import on its own: read structure from content (outline), measures, the title block, the register index. */

const p = (text: string, opts: { bold?: boolean } = {}): DocBlock => ({ kind: 'paragraph', runs: [{ text, ...(opts.bold ? { bold: true } : {}) }] });
const li = (text: string, depth = 0): DocBlock => ({ kind: 'list-item', runs: [{ text }], depth, ordered: false });

describe('outline: headings and lists from content, not only from styles', () => {
  test('numbers, Roman numerals and letters; a sentence stays text', () => {
    expect(splitNumber('2.1 Personeel')).toEqual({ number: '2.1', label: 'Personeel' });
    expect(splitNumber('II. Ressources humaines')).toEqual({ number: 'II', label: 'Ressources humaines' });
    expect(splitNumber('A. Finances')).toEqual({ number: 'A', label: 'Finances' });
    expect(paragraphHeading([{ text: '3. Overheidsopdrachten' }])).toEqual({ number: '3', label: 'Overheidsopdrachten' });
    expect(paragraphHeading([{ text: 'SOCIALE ACTIE' }])).toEqual({ number: null, label: 'SOCIALE ACTIE' });
    expect(paragraphHeading([{ text: '3 leden van de stuurgroep keurden het voorstel goed.' }])).toBeUndefined();
    expect(paragraphHeading([{ text: 'Gewone zin zonder nadruk' }])).toBeUndefined();
  });

  test('bullets typed by hand are list items, "o" and "a)" one level down', () => {
    expect(typedBullet('- Gedeelde helpdesk')).toEqual({ text: 'Gedeelde helpdesk', depth: 0 });
    expect(typedBullet('• Serveur commun')).toEqual({ text: 'Serveur commun', depth: 0 });
    expect(typedBullet('– Courrier interne')).toEqual({ text: 'Courrier interne', depth: 0 });
    expect(typedBullet('2) Économat central')).toEqual({ text: 'Économat central', depth: 0 });
    expect(typedBullet('o timemanagement')).toEqual({ text: 'timemanagement', depth: 1 });
    expect(typedBullet('-5 % energie')).toBeUndefined();
    expect(withTypedLists([p('- Eén helpdesk')])).toEqual([{ kind: 'list-item', runs: [{ text: 'Eén helpdesk' }], depth: 0, ordered: false }]);
  });

  test('the first numbering scheme is the top level; "Algemeen secretariaat" is a department, the part citing the law the introduction', () => {
    const outline = buildOutline([
      p('RAPPORT SUR LES SYNERGIES ENTRE LA COMMUNE ET LE CPAS DE NULLE-PART'),
      p('Contexte', { bold: true }),
      p("Conformément à l'article L1122-11 du Code de la démocratie locale et de la décentralisation, ce rapport est établi."),
      p('II. SYNERGIES EXISTANTES'),
      p('1. Ressources humaines'),
      li('Plan de formation commun'),
      p('2. Algemeen secretariaat'),
      li('Courrier commun'),
    ]);
    expect(outline.title).toBe('RAPPORT SUR LES SYNERGIES ENTRE LA COMMUNE ET LE CPAS DE NULLE-PART');
    expect(outline.sections.map((s) => [s.top.label, s.top.role, s.sub?.label ?? null])).toEqual([
      ['Contexte', 'intro', null],
      ['SYNERGIES EXISTANTES', 'running', null],
      ['SYNERGIES EXISTANTES', 'running', 'Ressources humaines'],
      ['SYNERGIES EXISTANTES', 'running', 'Algemeen secretariaat'],
    ]);
  });
});

describe('measures: one per measure, the summary table an index', () => {
  test('a table counting measures per chapter adds none; a lead-in and its list in prose are one measure', () => {
    const outline = buildOutline([
      p('1. Overzicht', { bold: true }),
      {
        kind: 'table',
        rows: [
          ['Hoofdstuk', 'Aantal maatregelen'],
          ['Personeel', '2'],
        ],
      },
      p('2. Personeel', { bold: true }),
      p('De personeelsdiensten werken samen aan een gezamenlijk vormingsplan.'),
      p('Het OCMW neemt deel aan de volgende opleidingen van de gemeente:'),
      li('brandpreventie;'),
      li('EHBO.'),
      p('Daarnaast delen zij een vertrouwenspersoon.'),
    ]);
    const drafts = measuresOf(outline, 'nl');
    expect(drafts.map((d) => d.title)).toEqual([
      'De personeelsdiensten werken samen aan een gezamenlijk vormingsplan',
      'Het OCMW neemt deel aan de volgende opleidingen van de gemeente:',
    ]);
    expect(drafts[1].description).toBe(
      'Het OCMW neemt deel aan de volgende opleidingen van de gemeente:\n\n- brandpreventie;\n- EHBO.\n\nDaarnaast delen zij een vertrouwenspersoon.',
    );
  });

  test('a report without recognisable structure still gives one proposal per paragraph, with a warning', () => {
    const proposal = proposeImport(
      { blocks: [p('Verslag synergieën'), p('Wij delen een helpdesk met het OCMW.'), p('De gemeente koopt samen papier aan.')], images: 0, warnings: [] },
      { importId: 'a'.repeat(32), fileName: 'x.docx' },
    );
    expect(proposal.entries.map((e) => e.title)).toEqual(['Wij delen een helpdesk met het OCMW', 'De gemeente koopt samen papier aan']);
    expect(proposal.warnings).toContainEqual({ code: 'no_structure' });
  });

  test('a bilingual document splits at its second title when the language changes', () => {
    const halves = halvesOf([
      { kind: 'title', text: 'Rapport sur les synergies entre la commune et le CPAS' },
      { kind: 'heading', level: 1, text: '1. Ressources humaines', fromStyle: true },
      li('Formations communes pour le personnel de la commune et du CPAS'),
      { kind: 'heading', level: 1, text: 'Verslag over de synergieën tussen de gemeente en het OCMW', fromStyle: true },
      { kind: 'heading', level: 1, text: '1. Personeel', fromStyle: true },
      li('Gemeenschappelijke opleidingen voor het personeel van de gemeente en het OCMW'),
    ]);
    expect(halves.map((h) => h.length)).toEqual([3, 3]);
  });
});

describe('the title block', () => {
  test.each([
    ['Verslag over de synergieën tussen de gemeente en het OCMW van Wolvendaal', 'Wolvendaal', 'municipality'],
    ['VERSLAG OVER SCHAALVOORDELEN TUSSEN HET OCMW EN DE STAD HOOGDONK', 'Hoogdonk', 'city'],
    ['Rapport sur les synergies entre la Ville et le CPAS de Valmont', 'Valmont', 'city'],
    ['Annexe au budget 2025 du CPAS de Fontenoy-la-Roche', 'Fontenoy-la-Roche', 'municipality'],
    ['OCMW van Sint-Rembert – bijlage bij de begroting 2026', 'Sint-Rembert', 'municipality'],
  ])('%s → %s (%s)', (title, municipality, bodyKind) => {
    expect(readTitleBlock([title], '')).toMatchObject({ municipality, bodyKind });
  });

  test('the CDLD and "à développer" are Walloon', () => {
    expect(readTitleBlock([''], "conformément à l'article L1122-11").region).toBe('wallonia');
    expect(readTitleBlock([''], 'artikel 26bis §5').region).toBe('brussels');
  });
});

describe('match: through an index of the register', () => {
  test('a measure is matched to its entry among thousands, compared with a few only', () => {
    const entries = Array.from({ length: 3000 }, (_, i) =>
      Object.assign(
        synergyEntry.parse({
          title: { nl: `Gezamenlijke aankoop van ${i % 2 ? 'papier' : 'brandstof'} voor dienst ${i}` },
          domain: 'PROC',
          status: 'existing',
          kind: 'synergy',
          formalisation: 'informal_exchange',
        }),
        { id: String(i + 1) },
      ),
    );
    const index = registerIndex(entries);
    const proposal = proposeImport(
      {
        blocks: [p('1. Bestaande synergieën', { bold: true }), p('1.1 Aankoop', { bold: true }), li('Gezamenlijke aankoop van papier voor dienst 2451')],
        images: 0,
        warnings: [],
      },
      { importId: 'a'.repeat(32), fileName: 'x.docx' },
    );
    const matched = matchProposal(proposal, index, []);
    expect(matched.proposal.entries[0]).toMatchObject({ action: 'mention', entryId: '2452' });
    expect(matched.candidates.m1.length).toBeLessThanOrEqual(5);
  });
});
