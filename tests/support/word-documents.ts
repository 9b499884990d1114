import * as CFB from 'cfb';
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/**
 * Word documents as people make them, built in the tests with `docx`: a report typed by hand (numbered
 * headings, bullets, italics, a table), a letter, a scan, and the broken files an upload must survive.
 */

const BULLET = 'bullets';
const numbering = {
  config: [{ reference: BULLET, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }],
};

const bullet = (text: string, italic = false) =>
  new Paragraph({ numbering: { reference: BULLET, level: 0 }, children: [new TextRun({ text, italics: italic })] });
/** a clerk's heading: the number typed by hand, the whole line in bold, in the Normal style */
const boldLine = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function table(rows: string[][]) {
  return new Table({ rows: rows.map((r, i) => new TableRow({ children: r.map((c) => cell(c, i === 0)) })) });
}

async function pack(children: Array<Paragraph | Table>): Promise<Buffer> {
  return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}

export interface HandTypedMeasure {
  title: string;
  italic?: boolean;
}

/**
 * The 2025 report of an invented commune, typed in Word as a clerk would: a title in the Title style,
 * "1. Inleiding" as Heading 1, block and domain headings typed in bold ("2. Bestaande synergieën",
 * "2.1 Personeel"), bullets with the new measures in italics, and a summary table at the end.
 */
export const HAND_TYPED_NL: {
  municipality: string;
  year: number;
  running: Array<{ section: string; measures: HandTypedMeasure[] }>;
  proposals: Array<{ section: string; measures: HandTypedMeasure[] }>;
} = {
  municipality: 'Sint-Pieters-aan-de-Vaart',
  year: 2025,
  running: [
    {
      section: 'Personeel',
      measures: [
        { title: 'Gemeenschappelijke opleidingen voor onthaalpersoneel' },
        { title: 'Gezamenlijke selectieprocedure voor maatschappelijk werkers', italic: true },
      ],
    },
    {
      section: 'Informatica',
      measures: [{ title: 'Gedeelde server voor de back-ups van gemeente en OCMW' }, { title: 'Eén helpdesk voor beide besturen', italic: true }],
    },
    { section: 'Overheidsopdrachten', measures: [{ title: 'Gezamenlijke overheidsopdracht voor schoonmaakproducten' }] },
  ],
  proposals: [{ section: 'Huisvesting', measures: [{ title: 'Gemeenschappelijk loket voor huisvesting bestuderen' }] }],
};

export function handTypedReportNl(): Promise<Buffer> {
  const r = HAND_TYPED_NL;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Verslag synergieën gemeente – OCMW ${r.municipality}`)] }),
    para(`Bijlage voor de begroting ${r.year} van het OCMW van ${r.municipality}.`),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('1. Inleiding')] }),
    para("Artikel 26bis van de organieke wet van 8 juli 1976 betreffende de OCMW's vraagt elk jaar een verslag over de synergieën."),
    para('De stuurgroep kwam drie keer samen. Dit verslag vat de lopende samenwerking en de voorstellen samen.'),
    boldLine('2. Bestaande synergieën'),
    para('Nieuwe initiatieven staan in cursief:'),
  ];
  r.running.forEach((s, i) => {
    children.push(boldLine(`2.${i + 1} ${s.section}`));
    for (const m of s.measures) children.push(bullet(`${m.title};`, m.italic));
  });
  children.push(boldLine('3. Voorgestelde maatregelen'));
  r.proposals.forEach((s, i) => {
    children.push(boldLine(`3.${i + 1} ${s.section}`));
    for (const m of s.measures) children.push(bullet(`${m.title}.`));
  });
  children.push(boldLine('4. Overzicht'));
  children.push(
    table([
      ['Maatregel', 'Domein', 'Status'],
      ...r.running.flatMap((s) => s.measures.map((m) => [m.title, s.section, m.italic ? 'Nieuw dit jaar' : 'Bestaand'])),
      ...r.proposals.flatMap((s) => s.measures.map((m) => [m.title, s.section, 'Voorgesteld'])),
    ]),
  );
  return pack(children);
}

/** A French report typed with Word's heading styles and numbered headings; one measure in italics. */
export function handTypedReportFr(): Promise<Buffer> {
  return pack([
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Rapport sur les synergies entre la commune et le CPAS de Val-des-Saules')] }),
    para('Annexe au budget 2026 du CPAS de Val-des-Saules.'),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('1. Introduction')] }),
    para("Le comité de concertation veille à ce qu'un rapport soit établi chaque année, conformément à l'article 26bis de la loi organique."),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('2. Synergies existantes')] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('2.1 Ressources humaines')] }),
    bullet('Formations communes pour le personnel des deux administrations ;'),
    bullet('Procédure de recrutement commune pour les assistants sociaux ;', true),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('2.2 Marchés publics')] }),
    bullet("Marché conjoint pour l'achat de papier et de fournitures de bureau."),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('3. Mesures proposées pour 2026')] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('3.1 Logement')] }),
    bullet("Guichet commun du logement pour les locataires sociaux (à l'étude)."),
  ]);
}

/**
 * The 2025 report of another invented commune, in French, whose meeting accounts tell measures the lists do
 * not hold: a steering committee's decisions in prose, an IT meeting going through topics ("…?", "Autres").
 */
export function reportWithMeetingsFr(): Promise<Buffer> {
  return pack([
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Synergies entre la commune et le CPAS de Fontaine-aux-Pins')] }),
    para('Annexe au budget 2025 du CPAS de Fontaine-aux-Pins.'),
    boldLine('1. Introduction'),
    para("Le présent rapport répond à l'article 26bis de la loi organique des CPAS."),
    boldLine('2. Réunions'),
    boldLine('2.1 Comité de pilotage du 12/03/2024'),
    para(
      "Le comité a d'abord fait le point sur les travaux en cours. Il a été décidé de lancer un marché conjoint pour la fourniture d'électricité. Le cahier des charges sera prêt en juin.",
    ),
    para('Une discussion a été entamée sur un guichet social commun aux deux administrations. Les contraintes juridiques restent à analyser.'),
    boldLine('2.2 Réunion informatique du 20/05/2024'),
    para('Le CPAS a réagi aux pistes de la commune :'),
    bullet('Messagerie commune ?'),
    para('Les deux administrations utilisent déjà le même fournisseur ; une migration commune est envisageable en 2026.'),
    bullet('Autres'),
    para('Les équipes se voient trop peu. Le CPAS propose de partager le délégué à la protection des données avec la commune.'),
    boldLine('3. Synergies existantes'),
    boldLine('3.1 Personnel'),
    bullet('Formations communes pour le personnel des deux administrations.'),
  ]);
}

/**
 * A narrative report typed in Word by another invented commune, as prose: a measure told in two paragraphs, one with
 * a lead-in and a list, two measures told in one paragraph; with or without the summary table naming the measures.
 */
export const NARRATIVE_FR = {
  municipality: 'Rivelde',
  measures: [
    {
      section: 'Finances',
      title: 'Concertation du receveur et du directeur financier',
      paragraphs: [
        'Le receveur communal et le directeur financier du CPAS se réunissent chaque mois pour harmoniser les procédures comptables.',
        'Ils préparent ensemble les modifications budgétaires, ce qui évite les doubles encodages.',
      ],
    },
    { section: 'Finances', title: 'Marché conjoint de services bancaires', paragraphs: ['Un marché conjoint de services bancaires est à l’étude pour 2026.'] },
    {
      section: 'Emploi',
      title: 'Mise à l’emploi sous article 60',
      paragraphs: [
        'Le CPAS mène une politique active de mise à l’emploi sous article 60 §7.',
        'Dans ce cadre, il collabore avec les services communaux suivants :',
        '- Propreté ;',
        '- Sports ;',
        '- Jeunesse.',
      ],
    },
    {
      section: 'Emploi',
      title: 'Salon de l’emploi commun',
      paragraphs: [
        'La commune et le CPAS organisent chaque année un salon de l’emploi commun, ainsi qu’un atelier de rédaction de CV pour les demandeurs d’emploi.',
      ],
    },
    { section: 'Emploi', title: 'Atelier de rédaction de CV', paragraphs: [] as string[] },
  ],
};

export function narrativeReportFr(options: { table: boolean }): Promise<Buffer> {
  const r = NARRATIVE_FR;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Rapport sur les synergies entre la commune et le CPAS de ${r.municipality}`)] }),
    para(`Annexe au budget 2026 du CPAS de ${r.municipality}.`),
  ];
  const sections = [...new Set(r.measures.map((m) => m.section))];
  sections.forEach((section, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${i + 1}. ${section}`)] }));
    for (const m of r.measures.filter((x) => x.section === section)) {
      for (const text of m.paragraphs) children.push(text.startsWith('- ') ? bullet(text.slice(2)) : para(text));
    }
  });
  if (options.table) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${sections.length + 1}. Tableau récapitulatif`)] }));
    children.push(table([['Domaine', 'Mesure', 'Statut'], ...r.measures.map((m) => [m.section, m.title, 'Existante'])]));
  }
  return pack(children);
}

/** A letter: a few paragraphs, no numbered sections, no measures. */
export function letter(): Promise<Buffer> {
  return pack([
    para('Sint-Pieters-aan-de-Vaart, 3 maart 2025'),
    para('Geachte mevrouw,'),
    para('Wij danken u voor uw brief van 12 februari over de herinrichting van het marktplein. Wij nemen uw opmerkingen mee in het dossier.'),
    para('Met vriendelijke groeten,'),
    para('De secretaris'),
  ]);
}

/** A 1×1 PNG, the smallest picture Word accepts. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A scanned report: pages as pictures, no text. */
export function imageOnly(): Promise<Buffer> {
  return pack([new Paragraph({ children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 600, height: 800 } })] })]);
}

/** A document with no text at all. */
export function emptyDocument(): Promise<Buffer> {
  return pack([new Paragraph({ children: [] })]);
}

/**
 * How Word stores a password-protected .docx: an OLE compound file holding EncryptionInfo and the
 * encrypted package (the content here is random bytes: what matters is the container).
 */
export function passwordProtected(): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** A Word 97-2003 .doc: an OLE compound file with a WordDocument stream. */
export function legacyDoc(): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/WordDocument', Buffer.alloc(2048, 1));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** A report with hostile content: markup in the text, an external link, a macro-like field text, a huge table. */
export function hostileReport(rows = 3000): Promise<Buffer> {
  return pack([
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Verslag synergieën <b>vet</b>')] }),
    para('Bijlage voor de begroting 2025 van het OCMW van Testgem.'),
    boldLine('1. Bestaande synergieën'),
    boldLine('1.1 Informatica'),
    bullet('<script>alert("xss")</script> Gedeelde server;'),
    new Paragraph({
      numbering: { reference: BULLET, level: 0 },
      children: [new ExternalHyperlink({ link: 'http://evil.example/payload', children: [new TextRun('Link naar het gedeelde intranet')] })],
    }),
    bullet("=cmd|' /C calc'!A0 macro als tekst."),
    boldLine('2. Overzicht'),
    table([['Maatregel', 'Domein'], ...Array.from({ length: rows }, (_, i) => [`Rij ${i + 1} van een enorme tabel`, 'Informatica'])]),
  ]);
}
