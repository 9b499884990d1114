import type { LocalizedText, Meeting } from '../../domain';
import { labelOf, MEETING_BODIES, MEETING_BODY_CODES, type MeetingBody } from '../../domain';
import { fallbackTag, formatDate, pickText } from './format';
import type { WithId } from './placement';
import { annexText } from './texts';
import { textChunks } from './text-chunks';
import type { AnnexBlock, AnnexLanguage, AnnexRun } from './types';

export interface Counter {
  fallbackTexts: number;
}

/**
 * Which steering-group meetings a budget year's report lists: from 1 February of the year before up to
 * and including 31 January of the budget year. The draft budget for year N is prepared in the autumn of
 * N-1 and often finished in January of N (Molenbeek's 2023 report lists 14/09/2022, 7/12/2022 and
 * 19/01/2023 as held "voorafgaand aan de opstelling van de ontwerpbegroting 2023"). The windows of
 * consecutive years touch but never overlap, so no meeting is reported twice.
 */
export function meetingPeriodOf(year: number): { from: string; to: string } {
  return { from: `${year - 1}-02-01`, to: `${year}-01-31` };
}

/** Paragraphs and "- " lists of a free text (meeting summaries write questions as "- …?" lines); the first run tagged when it fell back. */
export function textBlocks(text: string, from: string | undefined, language: AnnexLanguage): AnnexBlock[] {
  const blocks: AnnexBlock[] = [];
  let first = true;
  const tag = (): AnnexRun[] => {
    if (!from || !first) return [];
    first = false;
    return [{ text: fallbackTag(language, from as 'nl'), marker: 'language-fallback' }];
  };
  for (const chunk of textChunks(text)) {
    if (chunk.kind === 'list') {
      const items = chunk.items.map((item) => ({ runs: [...tag(), { text: item }] }));
      const previous = blocks[blocks.length - 1];
      if (previous?.kind === 'list') previous.items.push(...items);
      else blocks.push({ kind: 'list', items });
    } else {
      blocks.push({ kind: 'paragraph', runs: [...tag(), { text: chunk.text }] });
    }
  }
  return blocks;
}

export function freeTextBlocks(text: LocalizedText | undefined, language: AnnexLanguage, counter: Counter): AnnexBlock[] {
  const picked = text ? pickText(language, text) : undefined;
  if (!picked) return [];
  if (picked.from) counter.fallbackTexts++;
  return textBlocks(picked.text, picked.from, language);
}

function meetingBlocks(meeting: WithId<Meeting>, heading: string, language: AnnexLanguage, counter: Counter): AnnexBlock[] {
  const blocks: AnnexBlock[] = [{ kind: 'heading', level: 2, numbering: null, text: heading }];
  const summary = pickText(language, meeting.summary);
  if (summary) {
    if (summary.from) counter.fallbackTexts++;
    blocks.push(...textBlocks(summary.text, summary.from, language));
  }
  // the summary tells the decisions in prose (as the minutes do); the decision list only stands in for a missing summary
  for (const d of summary ? [] : meeting.decisions) blocks.push(...freeTextBlocks(d.text, language, counter));
  const ref = `meeting:${meeting.id}`;
  return blocks.map((block) => ({ ...block, ref }));
}

const BODY_RANK = new Map<string, number>(MEETING_BODY_CODES.map((c, i) => [c, i]));

export function meetingsOfPeriod(meetings: readonly WithId<Meeting>[], period: { from: string; to: string }) {
  const inPeriod = meetings.filter((m) => m.held !== false && m.date >= period.from && m.date <= period.to);
  const byDate = (a: Meeting, b: Meeting) => a.date.localeCompare(b.date);
  const steering = inPeriod.filter((m) => m.body === 'steering_group').sort(byDate);
  // other meetings: grouped by type (vocabulary order), then date; only those with something to tell
  const others = inPeriod
    .filter((m) => m.body !== 'steering_group' && (pickText('nl', m.summary) || m.decisions.length > 0))
    .sort((a, b) => (BODY_RANK.get(a.body) ?? 99) - (BODY_RANK.get(b.body) ?? 99) || byDate(a, b));
  return { steering, others };
}

function otherMeetingHeading(m: Meeting, language: AnnexLanguage): string {
  const own = pickText(language, m.title);
  if (own && !own.from) return own.text;
  return annexText(language, 'otherMeeting', { body: labelOf(MEETING_BODIES, m.body as MeetingBody, language), date: formatDate(m.date) });
}

/** "1. INLEIDING"'s meeting dates and "2. VERGADERINGEN" of the list shape. */
export function meetingSection(meetings: readonly WithId<Meeting>[], year: number, language: AnnexLanguage, counter: Counter) {
  const { steering, others } = meetingsOfPeriod(meetings, meetingPeriodOf(year));
  const dates: AnnexBlock[] = steering.length
    ? [
        { kind: 'paragraph', runs: [{ text: annexText(language, 'meetingDatesLeadIn', { year }) }] },
        { kind: 'list', items: steering.map((m) => ({ runs: [{ text: formatDate(m.date) }] })) },
      ]
    : [];
  const accounts: AnnexBlock[] = [];
  for (const m of steering) accounts.push(...meetingBlocks(m, annexText(language, 'steeringMeeting', { date: formatDate(m.date) }), language, counter));
  if (steering.length) accounts.push({ kind: 'paragraph', runs: [{ text: annexText(language, 'minutesAttached') }] });
  for (const m of others) accounts.push(...meetingBlocks(m, otherMeetingHeading(m, language), language, counter));
  return { dates, accounts, count: steering.length + others.length };
}
