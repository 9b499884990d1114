import type { BilingualLanguage, LocalizedText } from '../domain';
import { FRENCH } from './translations';

/**
 * The Ukkel 2026 report is prose: each measure's text is the report's own paragraphs, whole (not the
 * transcription's extracts with "…" gaps). Every paragraph of a numbered section belongs to the measure
 * recorded at or before its line (the first measure for paragraphs before any); measures recorded on the
 * same paragraph share it, and the narrative annex prints a shared paragraph once.
 */

interface Paragraph {
  line: number;
  nl: string;
  fr: string;
}

export interface NarrativeRecord {
  id: string;
  line: number;
  section: string;
}

const isListLine = (text: string) => /^\s*-\s+/.test(text);
const listLine = (text: string) => `- ${text.replace(/^\s*-\s+/, '').trim()}`;

/** Lines the PDF conversion broke inside a sentence ("… zoals" / "Jobdays, …") are joined again. */
function joinBroken(paragraphs: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const previous = out[out.length - 1];
    if (previous && !isListLine(previous.nl) && !isListLine(p.nl) && !/[.:;!?)"”»]$/u.test(previous.nl.trim())) {
      out[out.length - 1] = { line: previous.line, nl: `${previous.nl.trim()} ${p.nl.trim()}`, fr: `${previous.fr.trim()} ${p.fr.trim()}` };
    } else {
      out.push(p);
    }
  }
  return out;
}

function text(paragraphs: readonly Paragraph[], language: BilingualLanguage): string {
  return paragraphs.map((p) => (isListLine(p.nl) ? listLine(p[language]) : p[language].trim())).join('\n\n');
}

/** Each record's description (NL as printed, FR as translated) from the report's paragraphs. */
export function narrativeDescriptions(records: readonly NarrativeRecord[]): Map<string, LocalizedText> {
  const all = [...FRENCH.ukkel.reportParagraphs].sort((a, b) => a.line - b.line);
  const sections = [...new Set(records.map((r) => r.section))];
  const headingLine = new Map(sections.map((s) => [s, all.find((p) => p.nl.trim() === s)?.line ?? Number.POSITIVE_INFINITY]));
  const starts = [...headingLine.values()].sort((a, b) => a - b);
  const out = new Map<string, LocalizedText>();
  for (const section of sections) {
    const start = headingLine.get(section)!;
    const end = starts.find((l) => l > start) ?? Number.POSITIVE_INFINITY;
    const body = joinBroken(all.filter((p) => p.line > start && p.line < end));
    const mine = records.filter((r) => r.section === section).sort((a, b) => a.line - b.line || a.id.localeCompare(b.id));
    const owned = new Map<string, Paragraph[]>(mine.map((r) => [r.id, []]));
    for (const p of body) {
      const before = mine.filter((r) => r.line <= p.line);
      const lastLine = before.length ? before[before.length - 1].line : mine[0].line;
      const owner = mine.find((r) => r.line === lastLine)!;
      owned.get(owner.id)!.push(p);
    }
    for (const r of mine) {
      // a record on the same paragraph as an earlier one shares its text
      const first = mine.find((o) => o.line === r.line)!;
      const paragraphs = owned.get(first.id)!;
      if (paragraphs.length) out.set(r.id, { nl: text(paragraphs, 'nl'), fr: text(paragraphs, 'fr') });
    }
  }
  return out;
}
