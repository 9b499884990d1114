import type { CardElement } from '@microsoft/teams.cards';
import { formatDay } from '../../src/domain';
import type { Language } from '../../src/domain';
import type { DeliveryOutcome } from '../../src/register';
import type { DigestPlan, DigestRun } from '../../src/register';
import type { Translate } from '../i18n';
import { card, execute, finish, text, title, withActions, type CardJson } from './common';
import { localized, plain } from './text';

export const DIGEST_SEND_VERB = 'digest.send';
/** Recipients listed before "+N". */
const MAX_RECIPIENTS = 40;

/**
 * For a secretary: what the weekly digest would send now — each owner's 1:1 message and each focus group's
 * channel summary, with how many actions and in which language — and a button to send it at once. After
 * sending, what became of each kind of message.
 */
export function digestPreviewCard(input: { plan: DigestPlan; t: Translate; language: Language; run?: DigestRun }): CardJson {
  const { plan, t, language } = input;
  const body: CardElement[] = [title(t('digestPreview.title')), text(t('digestPreview.intro', { date: formatDay(plan.today, language) }), { isSubtle: true })];
  if (input.run) body.unshift(text(outcomeLine(t, input.run), { weight: 'Bolder', color: failed(input.run) ? 'Attention' : 'Good' }));
  if (plan.messages.length === 0) body.push(text(t('digestPreview.none')));
  for (const m of plan.messages.slice(0, MAX_RECIPIENTS)) {
    const overdue = m.digest.lines.filter((l) => l.overdue).length;
    const counts =
      m.digest.lines.length === 1 ? t('digestPreview.countsOne', { overdue }) : t('digestPreview.counts', { count: m.digest.lines.length, overdue });
    const who =
      m.to === 'owner'
        ? t('digestPreview.owner', { name: plain(m.owner.name, 100) })
        : t('digestPreview.channel', { group: plain(localized(m.group.name, language), 100) });
    body.push(text(`${who} · ${counts} · ${t(`language.${m.language}`)}`, { spacing: 'Small' }));
  }
  if (plan.messages.length > MAX_RECIPIENTS) body.push(text(t('digest.more', { count: plan.messages.length - MAX_RECIPIENTS }), { isSubtle: true }));
  if (plan.unreachable) body.push(text(t('digest.unreachable', { count: plan.unreachable }), { isSubtle: true, size: 'Small' }));
  const send = plan.messages.length && !input.run ? [execute(t('digestPreview.send'), { verb: DIGEST_SEND_VERB, lang: language }, { style: 'positive' })] : [];
  return finish(withActions(card(...body), ...send));
}

const failed = (run: DigestRun) => Boolean((run.owners.failed ?? 0) + (run.channels.failed ?? 0));

function outcomeLine(t: Translate, run: DigestRun): string {
  const sum = (o: DeliveryOutcome) => (run.owners[o] ?? 0) + (run.channels[o] ?? 0);
  return t('digestPreview.sent', { sent: sum('sent'), already: sum('already_sent') + sum('busy'), failed: sum('failed') + sum('gave_up') });
}
