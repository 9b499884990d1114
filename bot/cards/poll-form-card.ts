import { type CardElement, Choice, ChoiceSetInput, Container, DateInput, TextInput, TimeInput, ToggleInput } from '@microsoft/teams.cards';
import type { Poll } from '../../src/domain';
import type { Language } from '../../src/domain';
import type { Translate } from '../i18n';
import { card, execute, finish, text, title, withActions, type CardJson } from './common';
import { POLL_CREATE_VERB } from './poll-card';
import { plain } from './text';
import { MAX_POLL_QUESTION } from '../../src/domain';

/** What the form shows filled in: a submit that was refused, or an earlier poll run again. */
export interface PollFormValues {
  question?: string;
  options?: readonly string[];
  entryId?: string | null;
  multipleChoice?: boolean;
  anonymous?: boolean;
  sealed?: boolean;
  roster?: 'anyone' | 'focusGroup' | 'channel';
  quorum?: string;
  reminderTime?: string | null;
  /** 'auto': a yes/no question records its outcome as a decision, any other question does not */
  recordDecision?: 'auto' | 'yes' | 'no';
}

export interface PollFormInput {
  t: Translate;
  /** the language of the command that asked for the form: the poll it starts is in this language */
  language: Language;
  focusGroups: ReadonlyArray<{ id: string; name: string }>;
  focusGroupId?: string;
  values?: PollFormValues;
  problem?: string;
}

/** The form's values for running an earlier poll again: its question, options and settings, no dates. */
export function formValuesOf(poll: Poll): PollFormValues {
  return {
    question: poll.question,
    options: poll.options.map((o) => o.label),
    entryId: poll.entryId,
    multipleChoice: poll.multipleChoice,
    anonymous: poll.anonymous,
    sealed: poll.sealed,
    roster: poll.roster ? 'focusGroup' : 'anyone',
    quorum: poll.quorum ? (poll.quorum.percent !== undefined ? `${poll.quorum.percent}%` : String(poll.quorum.ballots)) : '',
    reminderTime: poll.reminderTime,
    recordDecision: poll.recordDecision === undefined ? 'auto' : poll.recordDecision ? 'yes' : 'no',
  };
}

const toggle = (label: string, id: string, on: boolean | undefined) =>
  new ToggleInput(label, { id, valueOn: 'true', valueOff: 'false', ...(on ? { value: 'true' } : {}) });

/**
 * "poll" alone: a form to start one — question, options, focus group, entry, and the chair's settings:
 * several choices, anonymous, results sealed until closing, who may vote (roster), quorum, whether the
 * outcome becomes a decision on the entry, opening and closing time and a daily reminder (Brussels time).
 * Its button carries the form's language, so the poll is in the language the chair asked in.
 */
export function pollFormCard(input: PollFormInput): CardJson {
  const { t } = input;
  const v = input.values ?? {};
  const body: CardElement[] = [];
  if (input.problem) body.push(text(plain(input.problem, 1000), { color: 'Attention', weight: 'Bolder' }));
  body.push(title(t('form.title')));
  const question = new TextInput({
    id: 'question',
    label: t('form.question'),
    isRequired: true,
    maxLength: MAX_POLL_QUESTION,
    errorMessage: t('form.question'),
  });
  if (v.question) question.withValue(v.question);
  body.push(question);
  const options = new TextInput({ id: 'options', label: t('form.options'), isMultiline: true, isRequired: true, errorMessage: t('form.options') });
  if (v.options?.length) options.withValue(v.options.join('\n'));
  body.push(options);
  const groups = input.focusGroups.map((g) => new Choice({ title: g.name.slice(0, 200), value: g.id }));
  if (groups.length) {
    const set = new ChoiceSetInput(...groups)
      .withId('focusGroupId')
      .withLabel(t('form.focusGroup'))
      .withIsRequired(true)
      .withErrorMessage(t('form.focusGroup'));
    if (input.focusGroupId) set.withValue(input.focusGroupId);
    body.push(set);
  }
  const entry = new TextInput({ id: 'entryId', label: t('form.entry'), maxLength: 10 });
  if (v.entryId) entry.withValue(v.entryId);
  body.push(entry);
  body.push(
    new ChoiceSetInput(
      new Choice({ title: t('form.decision.auto'), value: 'auto' }),
      new Choice({ title: t('form.decision.yes'), value: 'yes' }),
      new Choice({ title: t('form.decision.no'), value: 'no' }),
    )
      .withId('recordDecision')
      .withLabel(t('form.decision'))
      .withValue(v.recordDecision ?? 'auto'),
  );
  body.push(toggle(t('form.multiple'), 'multipleChoice', v.multipleChoice));
  body.push(toggle(t('form.anonymous'), 'anonymous', v.anonymous));
  body.push(toggle(t('form.sealed'), 'sealed', v.sealed));
  body.push(
    new ChoiceSetInput(
      new Choice({ title: t('form.roster.anyone'), value: 'anyone' }),
      new Choice({ title: t('form.roster.focusGroup'), value: 'focusGroup' }),
      new Choice({ title: t('form.roster.channel'), value: 'channel' }),
    )
      .withId('roster')
      .withLabel(t('form.roster'))
      .withValue(v.roster ?? 'anyone'),
  );
  const quorum = new TextInput({ id: 'quorum', label: t('form.quorum'), maxLength: 6 });
  if (v.quorum) quorum.withValue(v.quorum);
  body.push(quorum);
  body.push(new Container(new DateInput({ id: 'opensDate', label: t('form.opensAt') }), new TimeInput({ id: 'opensTime', label: t('form.opensTime') })));
  body.push(new Container(new DateInput({ id: 'closesDate', label: t('form.closesAt') }), new TimeInput({ id: 'closesTime', label: t('form.closesTime') })));
  const reminder = new TimeInput({ id: 'reminderTime', label: t('form.reminderTime') });
  if (v.reminderTime) reminder.withValue(v.reminderTime);
  body.push(reminder);
  return finish(withActions(card(...body), execute(t('form.submit'), { verb: POLL_CREATE_VERB, lang: input.language }, { style: 'positive' })));
}
