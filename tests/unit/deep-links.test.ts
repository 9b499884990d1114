import {
  browserTabUrl,
  focusGroupEntityId,
  focusGroupOfEntityId,
  parseDeepLink,
  subEntityIdOf,
  type TabTarget,
  tabHashOf,
  teamsDeepLink,
} from '../../src/domain/deep-links';

/** What the bot writes into a card, the tab reads back: every target survives the round trip through Teams and the browser. */
const targets: TabTarget[] = [
  { view: 'entry', id: '12' },
  { view: 'poll', id: '3' },
  { view: 'changes', to: 2026, from: 2025 },
];

test.each(targets)('a Teams deep link to %j opens that place in the tab', (target) => {
  const url = new URL(teamsDeepLink('app-id', 'https://register.example/', target, 'Aankoop & levering'));
  expect(url.origin).toBe('https://teams.microsoft.com');
  expect(url.pathname).toBe('/l/entity/app-id/register');
  const sub = JSON.parse(url.searchParams.get('context')!).subEntityId as string;
  expect(sub).toBe(subEntityIdOf(target));
  expect(parseDeepLink(sub)).toEqual(target);
  expect(url.searchParams.get('label')).toBe('Aankoop & levering');
});

test.each(targets)('the browser link to %j opens that place in the tab', (target) => {
  const url = new URL(browserTabUrl('https://register.example', target));
  expect(url.pathname).toBe('/tab');
  const parsed = url.hash ? target : parseDeepLink(undefined, url.searchParams);
  expect(parsed).toEqual(target);
});

test('the tab routes a target to its view', () => {
  expect(tabHashOf({ view: 'entry', id: 'a b' })).toBe('#/entry/a%20b');
  expect(tabHashOf({ view: 'changes', to: 2026, from: 2024 })).toBe('#/changes?to=2026&from=2024');
});

test('nothing recognisable is no target; a channel tab carries its focus group', () => {
  expect(parseDeepLink('')).toBeUndefined();
  expect(parseDeepLink('changes:20:1')).toBeUndefined();
  expect(focusGroupOfEntityId(focusGroupEntityId('g7'))).toBe('g7');
  expect(focusGroupOfEntityId('register')).toBeUndefined();
});
