import type { AnnualReport, AnnualReportInput, LocalizedText, TemplateSection } from '../domain';
import { buildAnnexModel } from '../annex/model';
import { fold } from '../domain';
import { type Lifecycle, reportTemplate } from '../domain';
import type { Language, Scope } from '../domain';
import { translate } from '../i18n';
import { localized, pickLocalized, textsOf } from '../domain';
import type { ImportProposal, ProposedTemplate } from './proposal';

/**
 * The year's report template an import writes (pure): the report's blocks (running, proposals, stopped)
 * with its sections in printed order, each gathering the domains of the measures printed under it; its
 * introduction and year text per language ("(NL) …" paragraphs on the Dutch side); and its title, subtitle
 * and legal citation where the document's wording differs from what the annex prints by default.
 */

type SectionInput = NonNullable<AnnualReportInput['blocks']>[number]['sections'];

function sectionsOf(proposal: ImportProposal, blocks: readonly string[], previous: readonly TemplateSection[]): NonNullable<SectionInput> {
  const lang = proposal.language;
  return proposal.template.sections
    .filter((s) => blocks.includes(s.block))
    .map((s) => {
      const items = proposal.entries.filter((e) => e.action !== 'skip' && e.section !== null && fold(e.section) === fold(s.label) && blocks.includes(e.block));
      const before = previous.find((p) => textsOf(p.title).some((l) => fold(l) === fold(s.label)));
      const gathered = before?.gather.by === 'domain' ? before.gather : undefined;
      const domains = [...new Set([...(gathered?.domains ?? []), ...items.map((e) => e.domain)])];
      const scopes = [...new Set<Scope>([...(gathered?.scopes ?? []), ...items.map((e) => e.scope)])];
      const other = lang === 'fr' ? 'nl' : 'fr';
      const title = { ...before?.title, ...(s.labelOther ? { [other]: s.labelOther } : {}), [lang]: s.label };
      return domains.length
        ? { title, gather: { by: 'domain' as const, domains, scopes: scopes.length ? scopes : ['gemeente-ocmw' as const] } }
        : { title, gather: { by: 'entries' as const, entryIds: [] } };
    });
}

export function templateOf(proposal: ImportProposal & { year: number }, existing: AnnualReport | undefined, fallbackMunicipality: LocalizedText): AnnualReport {
  const lang = proposal.language;
  const t = proposal.template;
  const sectionsFor = (lifecycle: Lifecycle) => existing?.blocks.find((b) => b.lifecycles.includes(lifecycle))?.sections ?? [];
  const running = sectionsOf(proposal, ['running', 'sections'], sectionsFor('running'));
  const blocks: AnnualReportInput['blocks'] =
    proposal.shape === 'narrative'
      ? [{ lifecycles: ['running', 'proposals', 'stopped'], sections: running }]
      : [
          { lifecycles: ['running'], sections: running },
          { lifecycles: ['proposals'], sections: sectionsOf(proposal, ['proposals'], sectionsFor('proposals')) },
          { lifecycles: ['stopped'], sections: sectionsOf(proposal, ['stopped'], sectionsFor('stopped')) },
        ];
  const { id: _id, etag: _etag, ...kept } = (existing ?? {}) as Partial<AnnualReport> & { id?: string; etag?: string };
  const report = reportTemplate.parse({
    ...kept,
    budgetYear: proposal.year,
    municipality: t.municipality
      ? { ...existing?.municipality, ...otherSide(lang, t.municipalityOther), [lang]: t.municipality }
      : (existing?.municipality ?? fallbackMunicipality),
    bodyKind: t.bodyKind,
    region: t.region,
    ...(t.ocmwName ? { ocmwName: { ...existing?.ocmwName, [lang]: t.ocmwName } } : {}),
    shape: proposal.shape,
    introText: { ...existing?.introText, ...textsByLanguage(lang, t.intro) },
    yearText: { ...existing?.yearText, ...textsByLanguage(lang, t.yearText) },
    blocks,
    ...(t.table ? { table: { include: true, columns: t.table } } : {}),
  }) as AnnualReport;
  return { ...report, ...ownWording(report, t, lang) };
}

const FALLBACK_TAG = /^\((NL|FR|EN)\)\s+/;

/** A bilingual report's commune in its other language ("Sint-Amands-Berg" for a French report's "Mont-Saint-Amand"). */
function otherSide(language: Language, name: string | null): LocalizedText {
  if (!name) return {};
  return language === 'fr' ? { nl: name } : language === 'nl' ? { fr: name } : {};
}

/** Paragraphs (blank-line separated) by language: an "(NL) " tag marks a paragraph the annex printed in the other language. */
export function textsByLanguage(language: Language, text: string): LocalizedText {
  const out: Partial<Record<Language, string[]>> = {};
  for (const paragraph of text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const tag = FALLBACK_TAG.exec(paragraph);
    const lang = tag ? (tag[1].toLowerCase() as Language) : language;
    (out[lang] ??= []).push(tag ? paragraph.slice(tag[0].length) : paragraph);
  }
  return Object.fromEntries(Object.entries(out).map(([l, ps]) => [l, ps.join('\n\n')]));
}

const same = (a: string | undefined, b: string | null | undefined) => (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

/** The quoted law of a "lead-in:⏎quote" citation (the annex prints its own lead-in); the whole text otherwise. */
function quoteOf(citation: string): string {
  const [first, ...rest] = citation.split('\n');
  return first.trim().endsWith(':') && rest.length ? rest.join('\n').trim() : citation.trim();
}

/**
 * The template's own title, subtitle and legal citation in the document's language, each only where the
 * document does not print what the annex prints by default for this template (so the catalogue's wording,
 * and its later corrections, stay in force for a report that used it).
 */
export function ownWording(report: AnnualReport, t: ProposedTemplate, language: Language): Pick<AnnualReport, 'title' | 'subtitle' | 'legalCitation'> {
  const plain = { ...report, title: {}, subtitle: {}, legalCitation: {} };
  const name = pickLocalized(report.municipality, language);
  // the annex is printed in Dutch or French only: an English report's wording is always its own
  const head =
    language === 'en'
      ? []
      : buildAnnexModel({ entries: [], meetings: [], report: plain, year: report.budgetYear, language, municipality: { nl: name, fr: name } }).blocks;
  const printed = (kind: 'title' | 'subtitle') => {
    const block = head.find((b) => b.kind === kind);
    return block?.kind === kind ? block.text : undefined;
  };
  const law =
    language === 'en'
      ? undefined
      : translate(
          language,
          report.shape === 'narrative' ? 'annex.narrativeGeneral' : report.region === 'wallonia' ? 'annex.wallonia.lawQuote' : 'annex.lawQuote',
        );
  const quote = t.legalCitation ? (report.shape === 'narrative' ? t.legalCitation.trim() : quoteOf(t.legalCitation)) : null;
  const own = (value: string | null | undefined, byDefault: string | undefined, current: LocalizedText) =>
    value?.trim() && !same(byDefault, value) ? { ...current, ...localized(language, value) } : current;
  return {
    title: own(t.title, printed('title'), report.title),
    subtitle: report.shape === 'list' ? own(t.subtitle, printed('subtitle'), report.subtitle) : report.subtitle,
    legalCitation: own(quote, law, report.legalCitation),
  };
}

export function stripMetaOf(report: AnnualReport): AnnualReport {
  const { id: _id, etag: _etag, ...rest } = report as AnnualReport & { id?: string; etag?: string };
  return rest;
}
