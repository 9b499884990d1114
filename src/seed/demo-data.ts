import type { Decision, DomainCode, PersonRef } from '../domain';
import * as model from '../domain';
import { communeSettings } from '../domain';
import type { RegisterStore } from '../store';
import { ACTIONS, MOLENBEEK_FOCUS_GROUPS, molenbeekMeetings, UKKEL_MEETING } from './demo-tables';
import { COMING_YEAR_REPORT, MOLENBEEK_2023_REPORT, UKKEL_2026_REPORT } from './demo-templates';
import { both } from './localized';
import { entryFromRecord, sourceRecords } from './source-records';
import { frenchRecord } from './translations';

export { entryFromRecord, sourceRecords } from './source-records';

/**
 * Demo data: every measure of the Molenbeek 2023 and Ukkel 2026 reports (records transcribed with their
 * verbatim text in ./data), the Molenbeek meetings with their accounts, its five focus groups, the actions
 * the reports name with their deadlines, each municipality's report template and the coming year's.
 */

export interface DemoDataSummary {
  entries: number;
  meetings: number;
  actions: number;
  focusGroups: number;
}

/** What the demo is loaded for: the configured municipality, and the local developer who plays the secretary. */
export interface DemoSettings {
  municipality: { nl: string; fr: string };
  auth: { mode: 'local'; user: { id: string; name: string; email: string } } | { mode: string };
}

/** Loads the demo register into an empty store; leaves a store that holds anything untouched. */
export async function loadDemoDataIfEmpty(store: RegisterStore, config: DemoSettings): Promise<DemoDataSummary | undefined> {
  if ((await store.entries.list()).length > 0 || (await store.reports.list()).length > 0) return undefined;
  const now = new Date().toISOString();
  // who loaded the demo, as history shows it in every language: the product's name, never an English phrase
  const importer: PersonRef = { name: 'Synergy Register' };
  const secretary: PersonRef =
    'user' in config.auth ? { name: config.auth.user.name, email: config.auth.user.email, id: config.auth.user.id } : { name: 'Secretaris van de stuurgroep' };

  const groups = await store.focusGroups.createMany(MOLENBEEK_FOCUS_GROUPS.map(({ serves: _serves, ...g }) => model.focusGroup.parse(g)));
  const groupOfDomain = new Map<DomainCode, string>();
  MOLENBEEK_FOCUS_GROUPS.forEach((g, i) => g.serves.forEach((d) => groupOfDomain.set(d, groups[i].id)));

  const records = sourceRecords();
  const inputs = records.map((r) => entryFromRecord(r, (domain) => (r.src === '000' ? (groupOfDomain.get(domain) ?? null) : null)));
  const entries = await store.entries.createMany(inputs.map((e) => ({ ...model.synergyEntry.parse(e), updatedAt: now })));
  const entryIdOf = new Map(records.map((r, i) => [r.id, entries[i].id]));
  await store.history.createMany(entries.map((e) => model.historyEvent.parse({ entryId: e.id, at: now, by: importer, kind: 'created', note: e.source })));

  const meetingSeeds = [...molenbeekMeetings(), UKKEL_MEETING];
  const meetings = await store.meetings.createMany(
    meetingSeeds.map((seed) => {
      const linked = records.filter((r) => r.section === seed.section && (seed.meeting.body !== 'external' || r.id === 'UKK26-39'));
      return model.meeting.parse({
        ...seed.meeting,
        decisions: linked.map((r) => ({ text: both(r.title, frenchRecord(r.id)?.title), entryIds: [entryIdOf.get(r.id)!] })),
      });
    }),
  );

  // Measures a steering-group meeting decided carry that decision, as the minutes record it.
  for (const [i, seed] of meetingSeeds.entries()) {
    if (seed.meeting.body !== 'steering_group') continue;
    for (const record of records.filter((r) => r.section === seed.section && r.status === 'decided')) {
      const id = entryIdOf.get(record.id)!;
      const current = (await store.entries.get(id))!;
      const decision: Decision = {
        body: 'steering_group',
        date: seed.meeting.date,
        text: both(record.title, frenchRecord(record.id)?.title),
        outcome: 'approved',
        meetingId: meetings[i].id,
      };
      const { id: _id, etag, ...value } = current;
      await store.entries.update(id, { ...value, decisions: [...value.decisions, decision] }, etag);
    }
  }

  const actions = await store.actions.createMany(
    ACTIONS.map(({ record, action }) =>
      model.action.parse({ ...action, owner: action.owner === 'secretary' ? secretary : action.owner, entryId: entryIdOf.get(record) ?? null }),
    ),
  );

  await store.reports.createMany([MOLENBEEK_2023_REPORT(config.municipality), UKKEL_2026_REPORT, COMING_YEAR_REPORT(config.municipality)]);
  // the demo is a register set up for the configured commune: it opens on the register, not the first-run screen
  await store.settings.createOnce(communeSettings.parse({ municipality: config.municipality }), 'settings:commune');
  return { entries: entries.length, meetings: meetings.length, actions: actions.length, focusGroups: groups.length };
}
