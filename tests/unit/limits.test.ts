import { MAX_INDEXED_TEXT, MAX_POLL_OPTIONS, MAX_REQUEST_KEY } from '../../src/domain/limits';
import { delivery } from '../../src/domain/model-bot';
import { poll } from '../../src/domain/model-polls';
import { MAX_CREATE_KEY } from '../../src/store/store';

/** A request key the schemas accept always fits the store's indexed column: no 280-character key reaches the store. */
const pollInput = (requestKey: string) => ({
  focusGroupId: 'g1',
  question: 'Welke dag?',
  options: [
    { id: 'o1', label: 'Ma' },
    { id: 'o2', label: 'Di' },
  ],
  requestKey,
  createdBy: { name: 'X' },
  createdAt: '2026-12-01T10:00:00.000Z',
});

test('a poll request key longer than the store keeps is refused by the schema', () => {
  expect(MAX_REQUEST_KEY).toBeLessThanOrEqual(MAX_INDEXED_TEXT);
  expect(MAX_CREATE_KEY).toBe(MAX_REQUEST_KEY);
  const long = poll.safeParse(pollInput('k'.repeat(280)));
  expect(long.success).toBe(false);
  expect(JSON.stringify(long.error?.issues)).toContain('requestKey');
  expect(poll.safeParse(pollInput('k'.repeat(MAX_REQUEST_KEY))).success).toBe(true);
});

test('a delivery key longer than the store keeps is refused by the schema', () => {
  expect(delivery.safeParse({ key: 'k'.repeat(280), kind: 'digest_owner', state: 'sending' }).success).toBe(false);
});

test('a poll holds at most the limit of options', () => {
  const options = Array.from({ length: MAX_POLL_OPTIONS + 1 }, (_, i) => ({ id: `o${i}`, label: `Optie ${i}` }));
  expect(poll.safeParse({ ...pollInput('k'), options }).success).toBe(false);
});
