import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CARD_UPDATE_WINDOW_MS, CardUpdates, type UpdateTimer } from '../../bot/card-updates';
import type { CardJson } from '../../bot/cards';
import type { Conversations } from '../../bot/conversations';
import { PollCards } from '../../bot/poll-cards';
import { TeamsPollPublisher } from '../../bot/poll-publisher';
import { Proactive } from '../../bot/proactive';
import { Register } from '../../src/register/register-service';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';
import { cardTexts } from '../fakes/bot-connector';

/**
 * Updates of a poll's shared card are coalesced per card: at most one in flight, at most one pending (the latest
 * wins), so a burst costs a bounded number of updateActivity calls and the last one shows the final tally; closing
 * writes the frozen card after anything in flight, drops what is pending, and the results card follows it.
 * Timers are driven by hand: nothing here waits on wall time.
 */

class HandTimer implements UpdateTimer {
  private jobs: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  private now = 0;

  after(ms: number, run: () => void): () => void {
    const job = { at: this.now + ms, run, cancelled: false };
    this.jobs.push(job);
    return () => {
      job.cancelled = true;
    };
  }

  get waiting(): number {
    return this.jobs.filter((j) => !j.cancelled).length;
  }

  advance(ms: number): void {
    this.now += ms;
    const due = this.jobs.filter((j) => j.at <= this.now);
    this.jobs = this.jobs.filter((j) => j.at > this.now);
    for (const job of due) if (!job.cancelled) job.run();
  }
}

/** Lets pending I/O (the local store's files, promise chains) finish until `done` holds; no clock involved. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error(`never happened: ${what}`);
}

interface Written {
  kind: 'update' | 'post';
  card: CardJson;
}

/** Bot Connector calls as the publisher makes them; an update can be held in flight until the test lets it go. */
class RecordingProactive extends Proactive {
  readonly written: Written[] = [];
  hold = false;
  private held: Array<() => void> = [];
  failNext = false;

  constructor() {
    super(undefined as never);
  }

  override async update(_serviceUrl: string, _conversationId: string, _activityId: string, card: CardJson): Promise<void> {
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('429 Too Many Requests');
    }
    this.written.push({ kind: 'update', card });
  }

  override async post(_serviceUrl: string, _conversationId: string, activity: Parameters<Proactive['post']>[2]): Promise<{ id: string }> {
    const card = ((activity as { attachments?: unknown[] }).attachments?.[0] as { content: CardJson }).content;
    this.written.push({ kind: 'post', card });
    return { id: `posted-${this.written.length}` };
  }

  get inFlight(): number {
    return this.held.length;
  }

  release(): void {
    this.hold = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

let dir: string;
let store: RegisterStore;
let register: Register;
let proactive: RecordingProactive;
let timer: HandTimer;
let errors: string[];
let publisher: TeamsPollPublisher;
const ann = { id: 'aad-ann', name: 'Ann' };
const message = { conversationId: '19:ict@thread.tacv2', activityId: 'card-1', serviceUrl: 'https://smba.example' };

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'poll-card-updates-'));
  store = createLocalStore(dir);
  await store.init();
  register = new Register(store, { now: () => new Date('2026-03-02T10:00:00Z') });
  proactive = new RecordingProactive();
  timer = new HandTimer();
  errors = [];
  const cards = new PollCards(register, { teamsAppId: 'app', publicUrl: 'https://synergy.example.org', inTeams: true });
  publisher = new TeamsPollPublisher({} as Conversations, proactive, cards, { onError: (m) => errors.push(m), timer });
  register.ports.provide({ publisher });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function postedPoll() {
  const groupId = (await register.focusGroups.create({ domain: 'ICT', name: { nl: 'ICT' } })).id;
  const poll = await register.polls.create({ focusGroupId: groupId, question: 'Which one?', options: ['A', 'B'] }, ann);
  return register.polls.setMessage(poll.id, message);
}

const updates = () => proactive.written.filter((w) => w.kind === 'update');
const tallyOf = (w: Written) => cardTexts(w.card).filter((t) => /^[AB]: \d+/.test(t));

test('50 votes in a burst, each asking for the shared card: 2 updateActivity calls, the last showing all 50', async () => {
  const poll = await postedPoll();
  await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const { poll: voted } = await register.polls.vote(poll.id, { id: `voter-${i}`, name: `Voter ${i}` }, [i % 2 ? 'o2' : 'o1']);
      await publisher.refresh(voted);
    }),
  );
  // the first asked for is written at once; all later ones collapsed into one, written when the window ends
  expect(updates()).toHaveLength(1);
  expect(timer.waiting).toBe(1);
  timer.advance(CARD_UPDATE_WINDOW_MS);
  await until(() => updates().length === 2, 'the collapsed update');
  timer.advance(CARD_UPDATE_WINDOW_MS);
  await until(() => timer.waiting === 0, 'a quiet card');
  expect(updates()).toHaveLength(2);
  expect(tallyOf(updates()[1])).toEqual([expect.stringMatching(/^A: 25 \(50%\)/), expect.stringMatching(/^B: 25 \(50%\)/)]);
  expect(errors).toEqual([]);
});

test('closing while an update is in flight and another pending: the frozen card is written after it, the pending one never, the results last', async () => {
  const poll = await postedPoll();
  await register.polls.vote(poll.id, { id: 'v1', name: 'V1' }, ['o1']);
  proactive.hold = true;
  const first = publisher.refresh(poll);
  await until(() => proactive.inFlight === 1, 'an update in flight');
  await register.polls.vote(poll.id, { id: 'v2', name: 'V2' }, ['o2']);
  await publisher.refresh(poll); // collapsed: pending behind the one in flight
  const closing = register.polls.close(poll.id, ann);
  await new Promise((resolve) => setImmediate(resolve));
  expect(updates()).toHaveLength(0);
  proactive.release();
  await first;
  const closed = await closing;
  expect(closed.closedNow).toBe(true);
  // a refresh asked for after the close (a late vote's, a stale poll object's) writes nothing
  await publisher.refresh(poll);
  timer.advance(CARD_UPDATE_WINDOW_MS * 3);
  await new Promise((resolve) => setImmediate(resolve));
  expect(proactive.written.map((w) => w.kind)).toEqual(['update', 'update', 'post']);
  const [open, frozen, results] = proactive.written;
  expect(open.card.refresh).toBeDefined();
  expect(frozen.card.refresh).toBeUndefined();
  expect(tallyOf(frozen)).toEqual([expect.stringMatching(/^A: 1 /), expect.stringMatching(/^B: 1 /)]);
  expect(cardTexts(results.card).some((t) => t.startsWith('Uitslag van stemming'))).toBe(true);
});

test('a collapsed update that fails goes to the error sink; the caller was already answered', async () => {
  const poll = await postedPoll();
  await publisher.refresh(poll);
  proactive.failNext = true;
  await expect(publisher.refresh(poll)).resolves.toBeUndefined();
  timer.advance(CARD_UPDATE_WINDOW_MS);
  await until(() => errors.length === 1, 'the failure reported');
  expect(errors[0]).toContain('could not update the card');
  // the card is usable again: the next update after the window is written
  timer.advance(CARD_UPDATE_WINDOW_MS);
  await publisher.refresh(poll);
  expect(updates()).toHaveLength(2);
});

test('CardUpdates keeps cards apart and writes each quiet card at once', async () => {
  const written: string[] = [];
  const cards = new CardUpdates({ onError: () => undefined, timer });
  await Promise.all([cards.update('a', async () => void written.push('a1')), cards.update('b', async () => void written.push('b1'))]);
  await cards.update('a', async () => void written.push('a2'));
  await cards.update('a', async () => void written.push('a3'));
  expect(written).toEqual(['a1', 'b1']);
  timer.advance(CARD_UPDATE_WINDOW_MS);
  await until(() => written.length === 3, 'the latest of a');
  expect(written).toEqual(['a1', 'b1', 'a3']);
});
