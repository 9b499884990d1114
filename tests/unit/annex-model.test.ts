import { buildAnnexModel, formatDate, formatEuro, meetingPeriodOf, punctuateItem } from '../../src/annex/model';
import { type AnnexBlock, type AnnexModel, headingText, runsText } from '../../src/annex/model/types';
import * as model from '../../src/domain/model';
import { sourceRecords, entryFromRecord } from '../../src/seed/demo-data';
import { MOLENBEEK_2023_REPORT, UKKEL_2026_REPORT } from '../../src/seed/demo-templates';
import { faithfulness } from '../support/annex-words';
import { action } from '../../src/domain/model';
import { entry, HOSTILE, meet, register2023, TEMPLATE } from './annex-fixtures';

const MUNICIPALITY = { nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean' };

const headings = (m: AnnexModel, level?: number) =>
  m.blocks.filter((b): b is Extract<AnnexBlock, { kind: 'heading' }> => b.kind === 'heading' && (level === undefined || b.level === level)).map(headingText);

/** The list items under the heading whose printed text is `heading`, up to the next heading of that level or higher. */
function itemsUnder(m: AnnexModel, heading: string) {
  const start = m.blocks.findIndex((b) => b.kind === 'heading' && headingText(b) === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const level = (m.blocks[start] as { level: number }).level;
  const items: Array<{ text: string; italic: boolean }> = [];
  for (const b of m.blocks.slice(start + 1)) {
    if (b.kind === 'heading' && b.level <= level) break;
    if (b.kind === 'list') for (const i of b.items) items.push({ text: runsText(i.runs), italic: i.runs.some((r) => r.italic && !r.marker) });
  }
  return items;
}

describe('annex model (small register)', () => {
  const { entries, meetings } = register2023();
  const nl = buildAnnexModel({ entries, meetings, report: TEMPLATE, year: 2023, language: 'nl', includeTable: false, municipality: MUNICIPALITY });

  test('list shape: title, the four parts numbered in order, template sections with empty ones left out', () => {
    expect(nl.blocks[0]).toEqual({ kind: 'title', text: expect.stringMatching(/^Verslag over de synergieën en schaalvoordelen/) });
    expect(nl.blocks[1]).toEqual({ kind: 'subtitle', text: 'Bijlage voor de begroting 2023 van het OCMW van Sint-Jans-Molenbeek.' });
    expect(headings(nl, 1)).toEqual([
      '1. INLEIDING',
      '2. VERGADERINGEN',
      '3. SYNERGIEËN',
      '4. MAATREGELEN VOORGESTELD IN 2023 EN VOOR DE VOLGENDE JAREN',
      '5. MAATREGELEN STOPGEZET IN 2023',
    ]);
    // 3.x: HR, procurement, social, other OCMWs (the ICT entry with scope andere-ocmws lands in the scope section)
    expect(headings(nl, 2).filter((h) => /^3\./.test(h))).toEqual([
      '3.1 Human Resources',
      '3.2 Overheidsopdrachten',
      '3.3 Maatschappelijk',
      "3.4 Synergieën met andere OCMW's",
    ]);
    expect(headings(nl, 2).filter((h) => /^4\./.test(h))).toEqual(['4.1 Human Resources', '4.2 Informatica']);
  });

  test('existing items first, new ones in italics, ";" between items and "." after the last', () => {
    expect(itemsUnder(nl, '3.1 Human Resources')).toEqual([
      { text: 'Gemeenschappelijk syndicaal overlegcomité;', italic: false },
      { text: 'Gezamenlijke werkzaamheden aan de selectieprocedure.', italic: true },
    ]);
    expect(itemsUnder(nl, '4.1 Human Resources')).toEqual([{ text: 'Gemeenschappelijke opleidingen.', italic: false }]);
  });

  test('sub-heads from the entry; a rejected measure only in the stopped part; unlisted measures and other years left out', () => {
    const text = JSON.stringify(nl.blocks);
    expect(headings(nl, 3)).toEqual(['Huisvesting:', 'Protocol bij agressie:']);
    expect(itemsUnder(nl, '5. MAATREGELEN STOPGEZET IN 2023')).toEqual([{ text: 'Verworpen idee.', italic: false }]);
    expect(text.match(/Verworpen idee/g)).toHaveLength(1);
    expect(text).not.toContain('Inventaris opdrachtcentrales');
    expect(text).not.toContain('Iets uit 2022 alleen');
    expect(nl.meta.counts).toMatchObject({ running: 6, proposals: 2, stopped: 1 });
  });

  test('meetings of the period: dates in the introduction, one subsection each, steering group first, then the others', () => {
    const dates = nl.blocks.find((b) => b.kind === 'list');
    expect(dates && dates.kind === 'list' && dates.items.map((i) => runsText(i.runs))).toEqual(['14/09/2022', '7/12/2022', '19/01/2023']);
    expect(headings(nl, 2).filter((h) => !/^\d/.test(h))).toEqual([
      'Vergadering van 14/09/2022',
      'Vergadering van 7/12/2022',
      'Vergadering van 19/01/2023',
      'IT-vergadering 16/01/2023',
    ]);
    const minutes = nl.blocks.findIndex(
      (b) => b.kind === 'paragraph' && runsText(b.runs) === "De verschillende pv's van deze vergaderingen zijn bij dit verslag gevoegd.",
    );
    const it = nl.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'IT-vergadering 16/01/2023');
    const lastSteering = nl.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Vergadering van 19/01/2023');
    expect(minutes).toBeGreaterThan(lastSteering);
    expect(it).toBeGreaterThan(minutes);
    // the IT meeting's "- question?" lines become a list
    expect(itemsUnder(nl, 'IT-vergadering 16/01/2023')).toEqual([{ text: 'Het delen van harde gegevens op een cloud?', italic: false }]);
    expect(JSON.stringify(nl.blocks)).not.toContain('hoort bij');
    expect(meetingPeriodOf(2023)).toEqual({ from: '2022-02-01', to: '2023-01-31' });
  });

  test('French: fixed phrases, French labels, other-language texts marked, the legal text flagged to verify', () => {
    const fr = buildAnnexModel({ entries, meetings, report: TEMPLATE, year: 2023, language: 'fr', includeTable: false, municipality: MUNICIPALITY });
    expect(fr.blocks[1]).toEqual({ kind: 'subtitle', text: 'Annexe au budget 2023 du CPAS de Molenbeek-Saint-Jean.' });
    expect(headings(fr, 1)).toEqual([
      '1. INTRODUCTION',
      '2. RÉUNIONS',
      '3. SYNERGIES',
      '4. MESURES PROPOSÉES EN 2023 ET POUR LES ANNÉES SUIVANTES',
      '5. MESURES ARRÊTÉES EN 2023',
    ]);
    expect(headings(fr, 2)).toContain('Réunion du 14/09/2022');
    expect(headings(fr, 2)).toContain('3.1 Ressources humaines');
    expect(itemsUnder(fr, '3.1 Ressources humaines')).toEqual([
      { text: 'Comité de négociation syndicale commun\u00a0;', italic: false },
      { text: '(NL) Gezamenlijke werkzaamheden aan de selectieprocedure.', italic: true },
    ]);
    const item = fr.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [])).find((i) => runsText(i.runs).includes('selectieprocedure'))!;
    expect(item.runs[0]).toEqual({ text: '(NL) ', marker: 'language-fallback' });
    expect(fr.blocks.some((b) => b.kind === 'paragraph' && runsText(b.runs) === 'Les PV de ces réunions sont joints au présent rapport.')).toBe(true);
    const quote = fr.blocks.find((b) => b.kind === 'quote');
    expect(quote && quote.kind === 'quote' && quote.toVerify).toBe('annex.verify.law');
    expect(fr.meta.toVerify.length).toBeGreaterThan(0);
    expect(fr.meta.counts.fallbackTexts).toBeGreaterThan(0);
    expect(nl.meta.toVerify).toEqual([]);
  });

  test('no template for the year: one section per domain in vocabulary order, scope sections after', () => {
    const m = buildAnnexModel({ entries, meetings, report: undefined, year: 2023, language: 'nl', includeTable: false, municipality: MUNICIPALITY });
    expect(headings(m, 2).filter((h) => /^3\./.test(h))).toEqual([
      '3.1 Overheidsopdrachten en gezamenlijke aankoop',
      '3.2 Human resources',
      '3.3 Huisvesting',
      '3.4 Agressie en veiligheid van het personeel',
      "3.5 Synergieën met andere OCMW's",
    ]);
    expect(m.blocks[1]).toEqual({ kind: 'subtitle', text: 'Bijlage voor de begroting 2023 van het OCMW van Sint-Jans-Molenbeek.' });
  });

  test('the open year takes entries without a mention by their current status; a closed year does not', () => {
    const fresh = entry({ title: { nl: 'Nieuw in de app' }, domain: 'HR', status: 'new' });
    const closed = buildAnnexModel({
      entries: [...entries, fresh],
      meetings: [],
      report: TEMPLATE,
      year: 2023,
      language: 'nl',
      includeTable: false,
      municipality: MUNICIPALITY,
    });
    expect(JSON.stringify(closed.blocks)).not.toContain('Nieuw in de app');
    const open = buildAnnexModel({
      entries: [...entries, fresh],
      meetings: [],
      report: undefined,
      year: 2024,
      language: 'nl',
      includeTable: false,
      municipality: MUNICIPALITY,
    });
    expect(open.meta.openYear).toBe(true);
    const hr = headings(open, 2).find((h) => h.endsWith(' Human resources'))!;
    expect(itemsUnder(open, hr)).toContainEqual({ text: 'Nieuw in de app.', italic: true });
    // rolled-over entries show their current status in the open year; the rejected one stays out
    expect(JSON.stringify(open.blocks)).toContain('Gemeenschappelijk syndicaal overlegcomité');
    expect(JSON.stringify(open.blocks)).not.toContain('Verworpen idee');
  });

  test('domain filter (a parent selects its sub-domains) and the summary table', () => {
    const withAmount = entry({
      title: { nl: 'Met bedrag' },
      domain: 'SOC.EMPL',
      financialBenefit: { amountEur: 6500, confidence: 'estimate' },
      parties: ['gemeente', 'OCMW'],
      contacts: [{ name: 'An Peeters', administration: 'ocmw' }],
      mentions: [{ reportYear: 2023, status: 'existing', italic: false, listed: true }],
    });
    const due = (dueDate: string, status: 'open' | 'done' = 'open') => ({
      ...action.parse({ entryId: withAmount.id, title: 'x', owner: { name: 'y' }, dueDate, status, doneDate: status === 'done' ? '2023-01-01' : null }),
      id: dueDate,
    });
    const withActions = buildAnnexModel({
      entries: [...entries, withAmount],
      meetings: [],
      // the earliest OPEN action gives the deadline: the done one (earlier) does not count
      actions: [due('2023-09-30'), due('2023-06-30'), due('2023-02-01', 'done')],
      report: TEMPLATE,
      year: 2023,
      language: 'nl',
      domains: ['SOC'],
      includeTable: true,
      columns: ['domain', 'measure', 'status', 'parties', 'benefitEstimated', 'contacts', 'deadline'],
      municipality: MUNICIPALITY,
    });
    const text = JSON.stringify(withActions.blocks);
    expect(text).toContain('Overeenkomst met de MAIS');
    expect(text).not.toContain('syndicaal');
    const table = withActions.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.header).toEqual([
      'Domein',
      'Maatregel',
      'Status',
      'Partijen',
      'Geraamd voordeel',
      'Contactpersoon',
      'Termijn',
    ]);
    const row = table && table.kind === 'table' ? table.rows.find((r) => r[1] === 'Met bedrag') : undefined;
    expect(row).toBeDefined();
    expect(row!.slice(2)).toEqual(['Bestaand', 'gemeente, OCMW', '6.500 euro', 'An Peeters', '30/06/2023']);
  });

  test('hostile text stays plain text in the model (renderers escape it)', () => {
    const m = buildAnnexModel({
      entries: [entry({ title: { nl: HOSTILE }, domain: 'HR' })],
      meetings: [meet({ body: 'steering_group', date: '2022-10-01', summary: { nl: HOSTILE } })],
      report: undefined,
      year: 2030,
      language: 'nl',
      includeTable: true,
      municipality: { nl: HOSTILE, fr: HOSTILE },
    });
    const all = m.blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => runsText(i.runs)) : b.kind === 'table' ? b.rows.flat() : []));
    expect(all).toContain(`${HOSTILE}.`);
    expect(all).toContain(HOSTILE);
  });

  test('formats: d/mm/jjjj dates, euro per locale, list punctuation', () => {
    expect(formatDate('2022-12-07')).toBe('7/12/2022');
    expect(formatDate('2022-09-14')).toBe('14/09/2022');
    expect(formatEuro(6500, 'nl')).toBe('6.500 euro');
    expect(formatEuro(6500, 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe('6 500 €');
    expect(formatEuro(1234.5, 'nl')).toBe('1.234,5 euro');
    expect(punctuateItem('papier, enz.', false, 'nl')).toBe('papier, enz;');
    expect(punctuateItem('DMH, ...', true, 'nl')).toBe('DMH, ...');
    expect(punctuateItem('Item ;', false, 'fr')).toBe('Item\u00a0;');
    expect(punctuateItem('Laatste;', true, 'nl')).toBe('Laatste.');
  });
});

describe('annex model on the demo data (Molenbeek 2023, Ukkel 2026)', () => {
  const records = sourceRecords();
  const entries = records.map((r, i) => ({ ...model.synergyEntry.parse(entryFromRecord(r, () => null)), id: String(i + 1) }));
  const molenbeekMeetings = [
    meet({ body: 'steering_group', date: '2022-09-14', summary: { nl: 'Eerste vergadering.' } }),
    meet({ body: 'steering_group', date: '2022-12-07', summary: { nl: 'Tweede vergadering.' } }),
    meet({ body: 'steering_group', date: '2023-01-19', summary: { nl: 'Derde vergadering.' } }),
    meet({
      body: 'it_coordination',
      date: '2023-01-16',
      title: { nl: 'IT-vergadering 16/01/2023', fr: 'Réunion informatique du 16/01/2023' },
      summary: { nl: '- Opleidingen?' },
    }),
  ];
  const report = MOLENBEEK_2023_REPORT(MUNICIPALITY);

  test.each(['nl', 'fr'] as const)('Molenbeek 2023 (%s): its four parts, 10 + 8 sections, 55 + 20 items, 18 in italics', (language) => {
    const m = buildAnnexModel({ entries, meetings: molenbeekMeetings, report, year: 2023, language, includeTable: false, municipality: MUNICIPALITY });
    expect(headings(m, 1)).toHaveLength(4);
    const section3 = headings(m, 2).filter((h) => /^3\.\d/.test(h));
    const section4 = headings(m, 2).filter((h) => /^4\.\d/.test(h));
    expect(section3).toHaveLength(10);
    expect(section4).toHaveLength(8);
    expect(section3[0]).toBe(language === 'nl' ? '3.1 Human Resources' : '3.1 Ressources humaines');
    expect(section3[9]).toBe(language === 'nl' ? '3.10 Synergieën op gewestelijk niveau' : '3.10 Synergies au niveau régional');
    expect(section4[5]).toBe(language === 'nl' ? '4.6 Informatica' : '4.6 Informatique');
    expect(m.meta.counts.running).toBe(55);
    expect(m.meta.counts.proposals).toBe(20);
    const measureItems = m.blocks
      .slice(m.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.numbering === '3.'))
      .flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(measureItems).toHaveLength(75);
    expect(measureItems.filter((i) => i.runs.some((r) => r.italic))).toHaveLength(18);
    expect(headings(m, 2)).toContain(language === 'nl' ? 'Vergadering van 7/12/2022' : 'Réunion du 7/12/2022');
    expect(headings(m, 2)).toContain(language === 'nl' ? 'IT-vergadering 16/01/2023' : 'Réunion informatique du 16/01/2023');
    // sub-heads of 3.7 (Maatschappelijk), in the annex's language
    expect(headings(m, 3)).toEqual(expect.arrayContaining(language === 'nl' ? ['Huisvesting:', 'Energie:'] : ['Logement\u00a0:', 'Énergie\u00a0:']));
    // the demo data is French too (marked as translations): no measure, section or sub-head falls back to Dutch
    const measureText = JSON.stringify(m.blocks.slice(m.blocks.findIndex((b) => b.kind === 'heading' && b.numbering === '3.')));
    expect(measureText).not.toContain('(NL)');
  });

  test('Ukkel 2026: narrative shape, 13 numbered sections in the template order', () => {
    const m = buildAnnexModel({
      entries,
      meetings: [],
      report: UKKEL_2026_REPORT,
      year: 2026,
      language: 'nl',
      includeTable: false,
      municipality: MUNICIPALITY,
    });
    expect(m.meta.shape).toBe('narrative');
    expect(m.blocks[0]).toEqual({ kind: 'title', text: expect.stringMatching(/^VERSLAG OVER SCHAALVOORDELEN .* GEMEENTE UKKEL$/) });
    const sections = headings(m, 1);
    expect(sections).toHaveLength(13);
    expect(sections[0]).toBe('1. Financiën');
    expect(sections[4]).toBe('5. Jobhuis');
    expect(sections[12]).toBe('13. Gelijke kansen');
    expect(m.blocks.some((b) => b.kind === 'paragraph' && runsText(b.runs).startsWith('De ontvanger van de gemeente en de financieel directeur'))).toBe(true);
    expect(JSON.stringify(m.blocks)).not.toContain('"italic":true');
  });

  test.each(['nl', 'fr'] as const)('Ukkel 2026 (%s) reproduces the report: at least 95 %% of its words in order, no "…" gaps, no sentence cut', (language) => {
    const m = buildAnnexModel({ entries, meetings: [], report: UKKEL_2026_REPORT, year: 2026, language, includeTable: false, municipality: MUNICIPALITY });
    const faithful = faithfulness(m, language);
    expect(faithful).toMatchObject({ extraGaps: 0, cutParagraphs: [] });
    expect(faithful.share).toBeGreaterThanOrEqual(0.95);
    expect(m.meta.counts.fallbackTexts).toBe(0);
  });
});
