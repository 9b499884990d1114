import * as model from '../../src/domain/model';

/** Valid records for the store tests, built through the schemas so defaults are filled as the register would. */

export function entry(n: number, overrides: Partial<model.SynergyEntryInput> = {}): model.SynergyEntry {
  return model.synergyEntry.parse({
    title: { nl: `Maatregel ${n}`, fr: `Mesure ${n}` },
    domain: 'FIN',
    status: 'proposed',
    kind: 'synergy',
    formalisation: 'agreement',
    startYear: 2020 + (n % 5),
    ...overrides,
  });
}

export function action(n: number, overrides: Partial<model.ActionInput> = {}): model.Action {
  return model.action.parse({ title: `Actie ${n}`, owner: { name: `Owner ${n}` }, dueDate: `2026-0${1 + (n % 9)}-15`, ...overrides });
}

export function vote(pollId: string, voterId: string, optionIds: string[] = ['a']): model.Vote {
  return model.vote.parse({
    pollId,
    voter: { name: `Voter ${voterId}`, id: voterId },
    optionIds,
    at: '2026-03-01T10:00:00Z',
    ballotKey: model.ballotKeyOf(pollId, voterId),
  });
}

export function conversation(key: string, teamId = 'team-1'): model.ConversationRef {
  return model.conversationRef.parse({
    key,
    teamId,
    channelId: `channel-${key}`,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversationId: `19:${key}@thread.tacv2`,
    updatedAt: '2026-03-01T10:00:00Z',
  });
}
