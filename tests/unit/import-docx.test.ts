import { ImportRejectedError } from '../../src/import/errors';
import { proposeImport } from '../../src/import/pipeline';
import { readDocx, readerWarnings } from '../../src/import/read-docx';
import { sourceRecords } from '../../src/seed/demo-data';
import { exportedAnnex, importIdOf, tempRegister } from '../support/import-fixtures';
import {
  emptyDocument,
  HAND_TYPED_NL,
  handTypedReportFr,
  handTypedReportNl,
  hostileReport,
  imageOnly,
  legacyDoc,
  letter,
  passwordProtected,
} from '../support/word-documents';

async function propose(bytes: Buffer) {
  return proposeImport(await readDocx(bytes), { importId: importIdOf(bytes), fileName: 'report.docx' });
}

async function problemOf(bytes: Buffer | Promise<Buffer>): Promise<string> {
  try {
    await propose(await bytes);
  } catch (error) {
    if (error instanceof ImportRejectedError) return error.problem;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('a report typed by hand in Word', () => {
  test('Dutch: bold numbered headings become the template, bullets the measures, italics "new", the table gives status', async () => {
    const p = await propose(await handTypedReportNl());
    expect(p.language).toBe('nl');
    expect(p.year).toBe(2025);
    expect(p.shape).toBe('list');
    expect(p.template.municipality).toBe(HAND_TYPED_NL.municipality);
    expect(p.template.legalCitation).toMatch(/26bis/);
    expect(p.template.sections.map((s) => [s.number, s.label, s.block])).toEqual([
      ['2.1', 'Personeel', 'running'],
      ['2.2', 'Informatica', 'running'],
      ['2.3', 'Overheidsopdrachten', 'running'],
      ['3.1', 'Huisvesting', 'proposals'],
    ]);
    const expected = [...HAND_TYPED_NL.running, ...HAND_TYPED_NL.proposals].flatMap((s) => s.measures.map((m) => ({ ...m, section: s.section })));
    // one entry per measure: the summary table's rows are the same measures, not duplicates
    expect(p.entries.map((e) => e.title)).toEqual(expected.map((m) => m.title));
    expect(p.entries.map((e) => e.section)).toEqual(expected.map((m) => m.section));
    expect(p.entries.filter((e) => e.italic).map((e) => e.title)).toEqual(expected.filter((m) => m.italic).map((m) => m.title));
    expect(p.entries.map((e) => e.status)).toEqual(['existing', 'new', 'existing', 'new', 'existing', 'proposed']);
    expect(p.entries[1].statusReason.code).toBe('table');
    expect(p.entries.map((e) => e.domain)).toEqual(['HR', 'HR', 'ICT', 'ICT', 'PROC', 'SOC.HOUS']);
    expect(p.entries[2].domainReason).toEqual({ code: 'table', detail: 'Informatica' });
    expect(p.entries[2].parties).toEqual(['Gemeente', 'OCMW']);
    expect(p.entries.every((e) => e.language === 'nl' && e.action === 'create')).toBe(true);
  });

  test('French: heading styles, the French side, italics, "à l\'étude" read from the words', async () => {
    const p = await propose(await handTypedReportFr());
    expect(p.language).toBe('fr');
    expect(p.year).toBe(2026);
    expect(p.template.municipality).toBe('Val-des-Saules');
    expect(p.entries.map((e) => [e.title, e.section, e.status, e.domain])).toEqual([
      ['Formations communes pour le personnel des deux administrations', 'Ressources humaines', 'existing', 'HR'],
      ['Procédure de recrutement commune pour les assistants sociaux', 'Ressources humaines', 'new', 'HR'],
      ["Marché conjoint pour l'achat de papier et de fournitures de bureau", 'Marchés publics', 'existing', 'PROC'],
      ["Guichet commun du logement pour les locataires sociaux (à l'étude)", 'Logement', 'under_study', 'SOC.HOUS'],
    ]);
    expect(p.entries.every((e) => e.language === 'fr')).toBe(true);
    expect(p.entries[0].domainReason).toEqual({ code: 'section', detail: 'Ressources humaines' });
    expect(p.entries[2].formalisation).toBe('joint_procurement');
  });
});

test('a report that does not say its budget year leaves the year to the clerk', async () => {
  const { Document, Packer, Paragraph, TextRun } = await import('docx');
  const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
  const bytes = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            bold('Synergieën gemeente en OCMW'),
            bold('1. Bestaande synergieën'),
            bold('1.1 Personeel'),
            new Paragraph('Gezamenlijke opleidingen voor het personeel van de gemeente en het OCMW.'),
          ],
        },
      ],
    }),
  );
  const p = await propose(bytes);
  expect(p.year).toBeNull();
  expect(p.entries.map((e) => [e.title, e.section, e.status])).toEqual([
    ['Gezamenlijke opleidingen voor het personeel van de gemeente en het OCMW', 'Personeel', 'existing'],
  ]);
});

describe('the annexes this app exports for the demo communes', () => {
  let demo: Awaited<ReturnType<typeof tempRegister>>;
  beforeAll(async () => {
    demo = await tempRegister(true);
  });
  afterAll(() => demo.close());

  /** the measures the annex lists for a year, with the text it prints in a language (the other one as fallback) */
  async function listed(year: number, lang: 'nl' | 'fr') {
    const entries = await demo.register.entries.list({});
    return entries.flatMap((e) => {
      const m = e.mentions.find((x) => x.reportYear === year && x.listed);
      return m ? [{ title: (lang === 'fr' ? (e.title.fr ?? e.title.nl) : (e.title.nl ?? e.title.fr))!, status: m.status }] : [];
    });
  }

  test.each([
    ['nl', 'list', 2023, false],
    ['fr', 'list', 2023, true],
    ['nl', 'narrative', 2026, true],
    ['fr', 'narrative', 2026, true],
  ] as const)('%s %s annex %d (table %s): every measure once, with its title, status and section', async (lang, shape, year, table) => {
    const p = await propose(await exportedAnnex(demo.register, { year, lang, shape, table }));
    expect(p.language).toBe(lang);
    expect(p.year).toBe(year);
    expect(p.shape).toBe(shape);
    const records = await listed(year, lang);
    const inLists = p.entries.filter((e) => e.block !== 'meetings');
    expect(inLists).toHaveLength(records.length);
    expect(new Set(inLists.map((e) => e.title))).toEqual(new Set(records.map((r) => r.title)));
    const byTitle = new Map(records.map((r) => [r.title, r]));
    for (const e of inLists) expect([e.title, e.status]).toEqual([e.title, byTitle.get(e.title)!.status]);
    // the measures told only in the meeting accounts (Molenbeek 2023: 13) are proposed too
    const meetingOnly = sourceRecords().filter((r) => r.report_year === year && r.section.startsWith('2. Vergaderingen'));
    expect(p.entries.filter((e) => e.block === 'meetings')).toHaveLength(meetingOnly.length);
    // a text the French annex prints in Dutch ("(NL) …") goes to the Dutch side
    const dutch = new Set(sourceRecords().map((r) => r.title));
    for (const e of inLists) expect(e.language).toBe(lang === 'fr' && !dutch.has(e.title) ? 'fr' : 'nl');
    expect(p.template.sections.length).toBe(shape === 'list' ? 18 : 13);
  });
});

describe('files that are not a report', () => {
  test.each([
    { name: 'an empty file', problem: 'empty_file', make: async () => Buffer.alloc(0) },
    { name: 'a document without text', problem: 'no_text', make: emptyDocument },
    { name: 'a letter', problem: 'not_a_report', make: letter },
    { name: 'an image-only scan', problem: 'image_only', make: imageOnly },
    { name: 'a password-protected document', problem: 'password_protected', make: async () => passwordProtected() },
    { name: 'an old .doc', problem: 'legacy_doc', make: async () => legacyDoc() },
    { name: 'a PDF', problem: 'not_docx', make: async () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') },
  ])('$name is refused: $problem', async ({ make, problem }) => {
    expect(await problemOf(make())).toBe(problem);
  });

  test('a damaged .docx (cut in half) is refused as corrupt', async () => {
    const whole = await handTypedReportNl();
    expect(await problemOf(whole.subarray(0, Math.floor(whole.length / 2)))).toBe('corrupt');
  });

  test("each refusal says what was expected, in the reader's language", () => {
    const letterRefused = new ImportRejectedError('not_a_report');
    expect(letterRefused.message).toMatch(/Expected numbered section headings/);
    expect(letterRefused.messageIn('nl')).toMatch(/^Dit document lijkt geen synergieverslag .* Verwacht: genummerde sectietitels/);
    expect(letterRefused.messageIn('fr')).toMatch(/^Ce document ne ressemble pas à un rapport sur les synergies .*sont attendus/);
    expect(new ImportRejectedError('password_protected').messageIn('fr')).toMatch(/mot de passe/);
    expect(new ImportRejectedError('too_large', { mb: 10 }).messageIn('fr')).toMatch(/10\u00a0Mo au maximum/);
  });
});

describe('hostile content', () => {
  test('markup, links and formulas stay text; a huge table is read up to a limit', async () => {
    const s = await readDocx(await hostileReport(2050));
    const table = s.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(2000);
    // what was cut is said in the review, in the clerk's language, not in the reader library's English
    expect(s.warnings).toContainEqual({ code: 'table_truncated', max: 2000 });
    const p = proposeImport(s, { importId: 'a'.repeat(32), fileName: 'x.docx' });
    expect(p.entries[0].title).toBe('<script>alert("xss")</script> Gedeelde server');
    expect(p.entries[1].title).toBe('Link naar het gedeelde intranet');
    expect(JSON.stringify(p)).not.toContain('evil.example');
    expect(p.entries[2].title).toContain("=cmd|' /C calc'!A0");
    expect(p.template.title).toBe('Verslag synergieën <b>vet</b>');
  });
});

test("the reader's English notices become codes: each unknown style once, anything else as one notice", () => {
  expect(
    readerWarnings([
      "Unrecognised paragraph style: 'Kop Verslag' (Style ID: KopVerslag)",
      "Unrecognised run style: 'Kop Verslag' (Style ID: KopVerslag)",
      "Unrecognised run style: 'Nadruk' (Style ID: Nadruk)",
      'An unrecognised element was ignored: w:customXml',
    ]),
  ).toEqual([{ code: 'style', style: 'Kop Verslag' }, { code: 'style', style: 'Nadruk' }, { code: 'ignored' }]);
  expect(readerWarnings([])).toEqual([]);
});
