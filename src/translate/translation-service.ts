import { type BilingualLanguage } from '../domain';
import { localDate } from '../domain';
import type { Action, AnnualReport, SynergyEntry, TextOf } from '../domain';
import {
  batches,
  charactersOf,
  type Skipped,
  type SuggestRequest,
  suggestRequest,
  type Suggestion,
  TRANSLATE_LIMITS,
  TRANSLATION_KEY,
  type TranslationSettings,
  translationSettings,
  translationSettingsInput,
  withGlossary,
} from '../domain';
import { readModifyWrite } from '../register';
import { type Clock, stripMeta, systemClock, validate } from '../register';
import { NotFoundError } from '../store';
import type { Collection, Stored } from '../store';
import { TranslationBudgetError, TranslationFailedError, TranslationUnavailableError, type Translator } from './translator';

/** What the secretary reads: the glossary, the budget, this month's characters and where texts are processed. */
export interface TranslationSettingsView {
  available: boolean;
  region: string | null;
  glossary: TranslationSettings['glossary'];
  monthlyCharacterBudget: number | null;
  month: string;
  charactersUsed: number;
  etag: string | null;
}

export interface SuggestAnswer {
  suggestions: Suggestion[];
  skipped: Skipped[];
  /** characters sent to the service for this answer, and in how many requests */
  characters: number;
  requests: number;
}

interface Records<T> {
  get(id: string): Promise<Stored<T>>;
}

/** Where the texts are read: entries, actions for their titles, report templates for their fixed texts. */
export interface TextSources {
  entries: Records<SynergyEntry>;
  actions?: Records<Action>;
  templates?: Records<AnnualReport>;
}

/** Reads a record, or undefined when it does not exist. */
const found = <T>(read: Promise<Stored<T>> | undefined): Promise<Stored<T> | undefined> =>
  (read ?? Promise.resolve(undefined)).catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });

/** The record a text belongs to, as the answer names it. */
const idOf = (ref: TextOf): string =>
  'entryId' in ref ? ref.entryId : 'actionId' in ref ? ref.actionId : 'templateId' in ref ? ref.templateId : `${ref.importId}:${ref.key}`;

/** The source of an action's title: the title when it is written in `from` (or its language is not stated), else its translation. */
function actionSource(action: Action, from: BilingualLanguage): string | undefined {
  return (action.language ?? from) === from ? action.title : action.titleTranslations?.[from];
}

/**
 * Translation suggestions for the register's texts: reads the texts by entry and field (never a confidential one),
 * applies the administration's glossary, cuts them into requests within the service's limits, keeps within the
 * month's character budget and counts what it sent. It saves nothing in the entries: a person accepts a suggestion
 * with an ordinary edit.
 */
export class TranslationService {
  constructor(
    private readonly collection: Collection<TranslationSettings>,
    private readonly sources: TextSources,
    private readonly translator: Translator | undefined,
    private readonly clock: Clock = systemClock,
    private readonly limits: { texts: number; characters: number } = TRANSLATE_LIMITS,
  ) {}

  get available(): boolean {
    return this.translator !== undefined;
  }

  private month(): string {
    return localDate(this.clock.now()).slice(0, 7);
  }

  private async stored(): Promise<Stored<TranslationSettings> | undefined> {
    return (await this.collection.list()).find((s) => s.key === TRANSLATION_KEY);
  }

  private view(settings: TranslationSettings, etag: string | null): TranslationSettingsView {
    const month = this.month();
    return {
      available: this.available,
      region: this.translator?.region ?? null,
      glossary: settings.glossary,
      monthlyCharacterBudget: settings.monthlyCharacterBudget,
      month,
      charactersUsed: settings.usage?.month === month ? settings.usage.characters : 0,
      etag,
    };
  }

  async settings(): Promise<TranslationSettingsView> {
    const stored = await this.stored();
    return stored ? this.view(stripMeta(stored), stored.etag) : this.view(translationSettings.parse({}), null);
  }

  /** Saves the glossary and the budget; the month's count stays the server's. */
  async putSettings(input: unknown, ifMatch?: string): Promise<TranslationSettingsView> {
    const value = validate(translationSettingsInput, input);
    const stored = await this.stored();
    if (!stored) {
      const { record } = await this.collection.createOnce(translationSettings.parse(value), `translation:${TRANSLATION_KEY}`);
      return this.view(stripMeta(record), record.etag);
    }
    const { saved } = await readModifyWrite(this.collection, 'translation', stored.id, (current) => ({ ...stripMeta(current), ...value }), { ifMatch });
    return this.view(stripMeta(saved), saved.etag);
  }

  async suggest(input: unknown): Promise<SuggestAnswer> {
    if (!this.translator) throw new TranslationUnavailableError();
    const request: SuggestRequest = validate(suggestRequest, input);
    const settings = await this.settings();
    const { sendable, skipped } = await this.texts(request);
    const sent = sendable.map((t) => ({ ...t, sent: withGlossary(t.source, settings.glossary, request.from, request.to) }));
    const tooLong = sent.find((t) => charactersOf(t.sent) > this.limits.characters);
    if (tooLong)
      throw new TranslationFailedError(
        `the text ${tooLong.ref.field} of ${idOf(tooLong.ref)} is longer than the ${this.limits.characters} characters of one request`,
      );
    const characters = sent.reduce((n, t) => n + charactersOf(t.sent), 0);
    // the characters are reserved before anything is sent, in the same conditional write that checks the budget
    if (characters > 0) await this.addUsage(characters, { withinBudget: true });
    const suggestions: Suggestion[] = [];
    const groups = batches(sent, (t) => t.sent, this.limits);
    let delivered = 0;
    try {
      for (const group of groups) {
        const texts = await this.translator.translate(
          group.map((t) => t.sent),
          request.from,
          request.to,
        );
        group.forEach((t, i) => suggestions.push({ ...t.ref, source: t.source, text: texts[i] ?? '' } as Suggestion));
        delivered += group.reduce((n, t) => n + charactersOf(t.sent), 0);
      }
    } catch (error) {
      // what the service did not translate goes back to the month's budget
      await this.addUsage(delivered - characters, { withinBudget: false });
      throw error;
    }
    return { suggestions, skipped, characters, requests: groups.length };
  }

  /** The source texts asked for, each record read once; confidential, empty and unknown ones are said, not sent. */
  private async texts(request: SuggestRequest): Promise<{ sendable: Array<{ ref: TextOf; source: string }>; skipped: Skipped[] }> {
    // each record read once, however many of its texts are asked for
    const read = new Map<string, Promise<object | undefined>>();
    const once = <T extends object>(key: string, get: () => Promise<Stored<T>> | undefined): Promise<Stored<T> | undefined> => {
      if (!read.has(key)) read.set(key, found(get()));
      return read.get(key) as Promise<Stored<T> | undefined>;
    };
    const sendable: Array<{ ref: TextOf; source: string }> = [];
    const skipped: Skipped[] = [];
    for (const asked of request.texts) {
      // a measure under import review brings its text: the answer names it by import, key and field only
      const ref: TextOf = 'importId' in asked ? { importId: asked.importId, key: asked.key, field: asked.field } : asked;
      const skip = (reason: Skipped['reason']) => skipped.push({ ...ref, reason } as Skipped);
      let record: object | undefined;
      let source: string | undefined;
      if ('importId' in asked) {
        // nothing of a review is stored before its confirmation: the text is the one the clerk sees now
        record = asked;
        source = asked.text;
      } else if ('actionId' in asked) {
        const action = await once<Action>(`action:${asked.actionId}`, () => this.sources.actions?.get(asked.actionId));
        record = action;
        source = action && actionSource(action, request.from);
      } else if ('templateId' in asked) {
        const template = await once<AnnualReport>(`template:${asked.templateId}`, () => this.sources.templates?.get(asked.templateId));
        record = template;
        source = template?.[asked.field]?.[request.from];
      } else {
        const entry = await once<SynergyEntry>(`entry:${asked.entryId}`, () => this.sources.entries.get(asked.entryId));
        record = entry;
        if (entry?.confidentialTexts?.includes(asked.field)) {
          skip('confidential');
          continue;
        }
        source = entry?.[asked.field]?.[request.from];
      }
      source = source?.trim();
      if (!record) skip('not_found');
      else if (!source) skip('no_source');
      else sendable.push({ ref, source });
    }
    return { sendable, skipped };
  }

  /**
   * Adds characters to the month's count (a new month starts at zero; a negative number gives back a reservation
   * that was not sent). `withinBudget` refuses, inside the same conditional write, a count that would pass the
   * secretary's budget: two requests at once re-read each other's reservation and cannot both pass it.
   */
  private async addUsage(characters: number, { withinBudget }: { withinBudget: boolean }): Promise<void> {
    const month = this.month();
    const add = (s: TranslationSettings): TranslationSettings => {
      const used = s.usage?.month === month ? s.usage.characters : 0;
      const budget = s.monthlyCharacterBudget;
      if (withinBudget && budget !== null && used + characters > budget) throw new TranslationBudgetError(used, budget, characters);
      return { ...s, usage: { month, characters: Math.max(0, used + characters) } };
    };
    const stored = await this.stored();
    if (!stored) {
      const { record, created } = await this.collection.createOnce(add(translationSettings.parse({})), `translation:${TRANSLATION_KEY}`);
      if (created) return;
      await readModifyWrite(this.collection, 'translation', record.id, (current) => add(stripMeta(current)));
      return;
    }
    await readModifyWrite(this.collection, 'translation', stored.id, (current) => add(stripMeta(current)));
  }
}
