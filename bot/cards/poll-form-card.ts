import { type CardElement, Choice, ChoiceSetInput, Container, DateInput, TextInput, TimeInput, ToggleInput } from '@microsoft/teams.cards';
import type { Translate } from '../i18n';
import { card, execute, finish, text, title, withActions, type CardJson } from './common';
import { POLL_CREATE_VERB } from './poll-card';
import { plain } from './text';

export interface PollFormInput {
  t: Translate;
  focusGroups: ReadonlyArray<{ id: string; name: string }>;
  focusGroupId?: string;
  entryId?: string;
  problem?: string;
}

/**
 * "poll" alone: a form to start one — question, options, focus group, entry, and the chair's settings:
 * several choices, anonymous, results sealed until closing, who may vote (roster), quorum, opening and
 * closing time and a daily reminder (Brussels time).
 */
export function pollFormCard(input: PollFormInput): CardJson {
  const { t } = input;
  const body: CardElement[] = [];
  if (input.problem) body.push(text(plain(input.problem, 1000), { color: 'Attention', weight: 'Bolder' }));
  body.push(title(t('form.title')));
  body.push(new TextInput({ id: 'question', label: t('form.question'), isRequired: true, maxLength: 500, errorMessage: t('form.question') }));
  body.push(new TextInput({ id: 'options', label: t('form.options'), isMultiline: true, isRequired: true, errorMessage: t('form.options') }));
  const groups = input.focusGroups.map((g) => new Choice({ title: g.name.slice(0, 200), value: g.id }));
  if (groups.length) {
    const set = new ChoiceSetInput(...groups).withId('focusGroupId').withLabel(t('form.focusGroup')).withIsRequired(true).withErrorMessage(t('form.focusGroup'));
    if (input.focusGroupId) set.withValue(input.focusGroupId);
    body.push(set);
  }
  const entry = new TextInput({ id: 'entryId', label: t('form.entry'), maxLength: 10 });
  if (input.entryId) entry.withValue(input.entryId);
  body.push(entry);
  body.push(new ToggleInput(t('form.multiple'), { id: 'multipleChoice', valueOn: 'true', valueOff: 'false' }));
  body.push(new ToggleInput(t('form.anonymous'), { id: 'anonymous', valueOn: 'true', valueOff: 'false' }));
  body.push(new ToggleInput(t('form.sealed'), { id: 'sealed', valueOn: 'true', valueOff: 'false' }));
  body.push(
    new ChoiceSetInput(
      new Choice({ title: t('form.roster.anyone'), value: 'anyone' }),
      new Choice({ title: t('form.roster.focusGroup'), value: 'focusGroup' }),
      new Choice({ title: t('form.roster.channel'), value: 'channel' }),
    )
      .withId('roster')
      .withLabel(t('form.roster'))
      .withValue('anyone'),
  );
  body.push(new TextInput({ id: 'quorum', label: t('form.quorum'), maxLength: 6 }));
  body.push(new Container(new DateInput({ id: 'opensDate', label: t('form.opensAt') }), new TimeInput({ id: 'opensTime', label: t('form.opensTime') })));
  body.push(new Container(new DateInput({ id: 'closesDate', label: t('form.closesAt') }), new TimeInput({ id: 'closesTime', label: t('form.closesTime') })));
  body.push(new TimeInput({ id: 'reminderTime', label: t('form.reminderTime') }));
  return finish(withActions(card(...body), execute(t('form.submit'), { verb: POLL_CREATE_VERB }, { style: 'positive' })));
}
