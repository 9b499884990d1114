import {
  brusselsDayOf,
  formatDay,
  formatDayTime,
  formatLocalDateTime,
  isPastLocalTime,
  latestWeeklySlot,
  localDate,
  parseLocalDateTime,
  todayInBrussels,
} from '../../src/domain/brussels-time';
import { actionsForDigest, byFocusGroup, byOwner } from '../../src/domain/digest-rules';
import type { Action } from '../../src/domain/model';

describe('Brussels time (time-zone database through luxon)', () => {
  test('wall-clock input in winter (+01:00) and summer (+02:00); a date alone means the end of that day', () => {
    expect(parseLocalDateTime('2026-12-01T17:00')).toBe('2026-12-01T16:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01 09:30')).toBe('2026-07-01T07:30:00.000Z');
    expect(parseLocalDateTime('2026-12-01')).toBe('2026-12-01T22:59:00.000Z');
    expect(parseLocalDateTime('2026-12-01T17:00:00Z')).toBe('2026-12-01T17:00:00.000Z');
    expect(parseLocalDateTime('2026-02-30T10:00')).toBeUndefined();
    expect(parseLocalDateTime('tomorrow')).toBeUndefined();
  });

  test('around the daylight-saving changes (29 March and 25 October 2026)', () => {
    expect(parseLocalDateTime('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(parseLocalDateTime('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(formatLocalDateTime('2026-10-25T00:30:00Z')).toBe('2026-10-25 02:30');
    expect(formatLocalDateTime('2026-10-25T01:30:00Z')).toBe('2026-10-25 02:30');
    expect(formatLocalDateTime('2026-10-25T02:30:00Z')).toBe('2026-10-25 03:30');
  });

  test('the Brussels calendar day, not the UTC one', () => {
    expect(localDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(isPastLocalTime(new Date('2026-06-30T06:59:00Z'), '09:00')).toBe(false);
    expect(isPastLocalTime(new Date('2026-06-30T07:00:00Z'), '09:00')).toBe(true);
  });

  test('weekly slot: Monday 08:00 Brussels; before it this week the previous week counts', () => {
    const slot = { weekday: 1, time: '08:00' };
    // Monday 2 March 2026, 07:59 Brussels (06:59Z): still last week's slot
    expect(latestWeeklySlot(new Date('2026-03-02T06:59:00Z'), slot)).toEqual({ at: new Date('2026-02-23T07:00:00Z'), week: '2026-W09' });
    expect(latestWeeklySlot(new Date('2026-03-02T07:00:00Z'), slot)).toEqual({ at: new Date('2026-03-02T07:00:00Z'), week: '2026-W10' });
    // summer time: 08:00 Brussels is 06:00Z
    expect(latestWeeklySlot(new Date('2026-07-08T12:00:00Z'), slot)).toEqual({ at: new Date('2026-07-06T06:00:00Z'), week: '2026-W28' });
    // a Friday slot seen on the next Tuesday
    expect(latestWeeklySlot(new Date('2026-03-10T10:00:00Z'), { weekday: 5, time: '16:30' }).week).toBe('2026-W10');
  });
});

describe('digest rules', () => {
  let n = 0;
  const action = (over: Partial<Action>): Action & { id: string } => ({
    id: String(++n),
    entryId: null,
    title: `Action ${n}`,
    owner: { name: 'Ann', id: 'ann' },
    dueDate: null,
    status: 'open',
    doneDate: null,
    ...over,
  });

  test('overdue and due within three days, open ones only, earliest first', () => {
    const list = [
      action({ dueDate: '2026-03-05', title: 'in 3 days' }),
      action({ dueDate: '2026-03-06', title: 'in 4 days' }),
      action({ dueDate: '2026-02-01', title: 'overdue' }),
      action({ dueDate: '2026-02-01', status: 'done', doneDate: '2026-02-02', title: 'done' }),
      action({ dueDate: '2026-02-01', status: 'cancelled', title: 'cancelled' }),
      action({ dueDate: null, title: 'no date' }),
    ];
    expect(actionsForDigest(list, '2026-03-02').map((a) => a.title)).toEqual(['overdue', 'in 3 days']);
  });

  test('by owner (owners without an Entra id apart) and by the focus group of the entry', () => {
    const a = action({ owner: { name: 'Ann', id: 'ann' }, entryId: 'e1' });
    const b = action({ owner: { name: 'Bert', id: 'bert' }, entryId: 'e2' });
    const c = action({ owner: { name: 'de IT-managers' }, entryId: 'e1' });
    const d = action({ owner: { name: 'Ann', id: 'ann' } });
    const { owners, unreachable } = byOwner([a, b, c, d]);
    expect([...owners].map(([id, o]) => [id, o.actions.map((x) => x.id)])).toEqual([
      ['ann', [a.id, d.id]],
      ['bert', [b.id]],
    ]);
    expect(unreachable).toEqual([c]);
    const entries = [
      { id: 'e1', focusGroupId: 'g1' },
      { id: 'e2', focusGroupId: 'g2' },
    ] as never;
    const groups = [
      { id: 'g1', channel: { teamId: 't', channelId: 'c' } },
      { id: 'g2', channel: null },
    ] as never;
    expect([...byFocusGroup([a, b, c, d], entries, groups)]).toEqual([['g1', [a, c]]]);
  });
});

test("the register's today is the Brussels day; an instant is dated by its Brussels day", () => {
  expect(todayInBrussels(new Date('2026-12-04T22:59:59Z'))).toBe('2026-12-04');
  expect(todayInBrussels(new Date('2026-12-04T23:00:00Z'))).toBe('2026-12-05'); // 00:00 in Brussels (CET)
  expect(todayInBrussels(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01'); // 00:00 in Brussels (CEST)
  expect(brusselsDayOf('2026-12-04T23:00:00.000Z')).toBe('2026-12-05');
  expect(brusselsDayOf('2026-12-05')).toBe('2026-12-05');
});

test('dates are written as readers write them: 5 december 2026, 5 décembre 2026, at a Brussels time', () => {
  expect(formatDay('2026-12-05', 'nl')).toBe('5 december 2026');
  expect(formatDay('2026-12-05', 'fr')).toBe('5 décembre 2026');
  expect(formatDay('2026-12-05', 'en')).toBe('5 December 2026');
  expect(formatDayTime('2026-12-04T23:00:00Z', 'nl')).toBe('5 december 2026 om 00:00');
  expect(formatDayTime('2026-12-04T16:30:00Z', 'fr')).toBe('4 décembre 2026 à 17\u00a0h\u00a030');
  expect(formatDayTime('2026-07-01T15:00:00Z', 'en')).toBe('1 July 2026 at 17:00');
});
