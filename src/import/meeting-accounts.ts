import { fold } from '../domain';
import type { MeetingBody } from '../domain';
import { clean, languageOfText } from './measure-text';
import type { Outline, Placed } from './outline';
import { runsText } from './structure';
import type { Language } from '../domain';

/**
 * The meeting accounts of a report's meetings chapter as meetings (pure): the date and body its heading names
 * ("Vergadering van 12/02/2024", "Réunion informatique du 20/05/2024") and its text as the summary the annex prints
 * again. An account whose heading names no date cannot be placed in a year: it is listed as such, never dropped.
 */

export interface AccountOfMeeting {
  /** the heading of the account, as printed: the measures it tells carry it as their section */
  section: string;
  /** ISO date, or null when the heading names none */
  date: string | null;
  body: MeetingBody;
  language: Language;
  summary: string;
}

const BODY_WORDS: Array<[MeetingBody, RegExp]> = [
  ['it_coordination', /\b(it|ict|informatica|informatique)\b/],
  ['focus_group', /\b(focusgroep|focus group|groupe de travail)\b/],
  ['consultation_committee', /\b(overlegcomite|comite de concertation)\b/],
  ['working_group', /\bwerkgroep\b/],
];

/** "12/02/2024", "9.10.2024", "12-02-2024" → "2024-02-12". */
export function dateOf(label: string): string | null {
  const m = /\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b/.exec(label);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function meetingAccounts(outline: Outline, language: Language): AccountOfMeeting[] {
  const accounts = new Map<string, Placed[]>();
  for (const p of outline.placed) {
    if (p.top?.role !== 'meetings' || !p.sub) continue;
    accounts.set(p.sub.label, [...(accounts.get(p.sub.label) ?? []), p]);
  }
  return [...accounts].map(([section, placed]) => {
    let accountLanguage: Language | undefined;
    const lines = placed.flatMap((p) => {
      if (p.content.kind === 'table') return [];
      const tagged = languageOfText(clean(runsText(p.content.runs)), language);
      accountLanguage ??= tagged.language;
      return tagged.text ? [p.content.kind === 'list-item' ? `- ${tagged.text}` : tagged.text] : [];
    });
    const folded = fold(section);
    return {
      section,
      date: dateOf(section),
      body: BODY_WORDS.find(([, words]) => words.test(folded))?.[0] ?? 'steering_group',
      language: accountLanguage ?? language,
      summary: lines
        .join('\n\n')
        .replace(/\n\n- /g, '\n- ')
        .slice(0, 20000),
    };
  });
}
