import { fold } from '../domain';
import type { EntryStatus, Language } from '../domain';
import type { Reason } from './classify';
import { clean, type Draft, itemTitle, languageOfText, sentencesOf, titleLength } from './measure-text';
import type { Outline, Placed } from './outline';
import { runsText } from './structure';

/**
 * Measures a list-shape report tells only inside its meeting accounts (the "2. Vergaderingen" block). The
 * clerk reviews them like the others; they become entries whose mention of the year is not listed (the
 * annex tells them in the meeting's account, not in the lists).
 * - An account that goes through topics ("- Gezamenlijk beheer van websites?" followed by paragraphs) gives
 *   one measure per topic: the topic is its title, the paragraphs under it its description; a catch-all
 *   topic ("Andere", "Autres") takes the title of the first thing it proposes.
 * - Elsewhere each decision or opened discussion the account reports ("werd besloten …", "il a été convenu
 *   …") is one measure: that sentence and the next ones that decide nothing new; two deciding sentences in
 *   a row are one decision.
 */

const DECIDED =
  /\b(besloten|beslist|overeengekomen|afgesproken|goedgekeurd|vastgesteld om|gestreefd naar|decidee?s?|convenue?s?|approuvee?s?|arretee? en vue|sera recherchee?|decided|agreed|approved)\b/;
const DISCUSSED = /\b(discussie op gang gebracht|discussion (a|avait) (\p{L}+ )?ete (lancee|entamee|ouverte)|discussion was (started|opened))\b/u;
const PROPOSES = /\b(stelt voor|stellen voor|wordt voorgesteld|propose|proposent|proposes|suggests)\b/;
const CATCH_ALL = /^(andere|overige|varia|divers|autres?|others?|miscellaneous)$/;

const deciding = (sentence: string) => DECIDED.test(fold(sentence)) || DISCUSSED.test(fold(sentence));
const asTitle = (sentence: string) => titleLength(sentence.replace(/[.?]$/, '').trim());

/** One account's texts in order, each list item marked; the language of a text the annex fell back on holds for the whole account. */
function accountTexts(placed: readonly Placed[], language: Language): { texts: Array<{ text: string; topic: boolean }>; language: Language } {
  let accountLanguage: Language | undefined;
  const texts = placed.flatMap((p) => {
    if (p.content.kind === 'table') return [];
    const tagged = languageOfText(clean(runsText(p.content.runs)), language);
    accountLanguage ??= tagged.language;
    return tagged.text ? [{ text: tagged.text, topic: p.content.kind === 'list-item' && p.content.depth === 0 }] : [];
  });
  return { texts, language: accountLanguage ?? language };
}

/** The decisions of an account's paragraphs: each runs from its deciding sentence up to the next decision (a new paragraph's or one that does not follow another). */
function decisions(paragraphs: readonly string[]): Array<{ title: string; description: string }> {
  const found: Array<{ title: string; description: string }> = [];
  for (const [p, paragraph] of paragraphs.entries()) {
    // a decision never runs on into the next paragraph's first sentence
    let previousDecides = false;
    for (const [i, sentence] of sentencesOf(paragraph).entries()) {
      const decides = deciding(sentence);
      const current = found[found.length - 1];
      if (decides && !previousDecides) found.push({ title: asTitle(sentence), description: sentence });
      else if (current) current.description += `${i === 0 && p > 0 ? '\n\n' : ' '}${sentence}`;
      previousDecides = decides;
    }
  }
  return found;
}

function topicTitle(topic: string, description: string): string {
  if (!CATCH_ALL.test(fold(topic).replace(/[^a-z]/g, ''))) return itemTitle(topic).replace(/\s*\?$/, '');
  const sentences = sentencesOf(description);
  return asTitle(sentences.find((s) => PROPOSES.test(fold(s))) ?? sentences[0] ?? topic);
}

export function meetingDrafts(outline: Outline, language: Language): Draft[] {
  const accounts = new Map<string, Placed[]>();
  for (const p of outline.placed) {
    if (p.top?.role !== 'meetings') continue;
    const key = p.sub?.label ?? p.top.label;
    accounts.set(key, [...(accounts.get(key) ?? []), p]);
  }
  const out: Draft[] = [];
  for (const [section, placed] of accounts) {
    const account = accountTexts(placed, language);
    const draft = (title: string, description: string): Draft => ({
      text: description,
      title,
      description,
      language: account.language,
      block: 'meetings',
      section,
      subheading: null,
      italic: false,
    });
    const { texts } = account;
    const firstTopic = texts.findIndex((t) => t.topic);
    // the paragraphs before the first topic (all of them in an account without topics) report decisions
    for (const d of decisions(texts.slice(0, firstTopic === -1 ? undefined : firstTopic).map((t) => t.text))) out.push(draft(d.title, d.description));
    texts.forEach((t, i) => {
      if (!t.topic) return;
      const next = texts.findIndex((u, j) => j > i && u.topic);
      const under = texts
        .slice(i + 1, next === -1 ? undefined : next)
        .map((u) => u.text)
        .join('\n\n');
      if (under) out.push(draft(topicTitle(t.text, under), under));
    });
  }
  return out;
}

/** The status a meeting's account gives a measure: decided, discussed (under study), or proposed by a topic's text. */
export function meetingStatusOf(d: Draft): { status: EntryStatus; reason: Reason } {
  const first = sentencesOf(d.description)[0] ?? '';
  // a decision is titled by its deciding sentence; a topic by its own words or by what it proposes
  const said = fold(d.title === asTitle(first) ? first : d.title);
  const status: EntryStatus = DISCUSSED.test(said) ? 'under_study' : DECIDED.test(said) ? 'decided' : PROPOSES.test(said) ? 'proposed' : 'under_study';
  return { status, reason: { code: 'meeting', detail: d.section ?? undefined } };
}
