import { type OfficeInfo, waitForOffice } from '../../addin/web/office-ready';

/** Waiting for Word: a slow Office.onReady is asked again, never taken for "outside Word" for good. Sleeps are fake. */
describe('waitForOffice', () => {
  function harness() {
    let answer!: (info: OfficeInfo) => void;
    const ready = new Promise<OfficeInfo>((resolve) => (answer = resolve));
    const sleeps: Array<() => void> = [];
    const events: string[] = [];
    let asked = 0;
    const wait = {
      patienceMs: 4000,
      attempts: 3,
      sleep: () => new Promise<void>((resolve) => sleeps.push(resolve)),
      onSlow: (attempt: number) => events.push(`slow ${attempt}`),
      onLate: (info: OfficeInfo) => events.push(`late ${String(info.host)}`),
    };
    const onReady = () => {
      asked++;
      return ready;
    };
    const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
    return { answer, sleeps, events, wait, onReady, asked: () => asked, flush };
  }

  test('an answer within the first wait is the answer; nothing is said', async () => {
    const h = harness();
    const result = waitForOffice(h.onReady, h.wait);
    h.answer({ host: 'Word' });
    await expect(result).resolves.toEqual({ host: 'Word' });
    expect(h.events).toEqual([]);
  });

  test('a slow Word: says so after each wait, asks again, and takes the answer that comes', async () => {
    const h = harness();
    const result = waitForOffice(h.onReady, h.wait);
    await h.flush();
    h.sleeps.shift()!();
    await h.flush();
    expect([h.events, h.asked()]).toEqual([['slow 1'], 2]);
    h.answer({ host: 'Word' });
    await expect(result).resolves.toEqual({ host: 'Word' });
    expect(h.events).toEqual(['slow 1']);
  });

  test('no answer in any wait: outside Word for now, and an answer after that still arrives, once', async () => {
    const h = harness();
    const result = waitForOffice(h.onReady, h.wait);
    for (let i = 0; i < 3; i++) {
      await h.flush();
      h.sleeps.shift()!();
    }
    await expect(result).resolves.toBeNull();
    expect(h.events).toEqual(['slow 1', 'slow 2', 'slow 3']);
    h.answer({ host: 'Word' });
    await h.flush();
    expect(h.events).toEqual(['slow 1', 'slow 2', 'slow 3', 'late Word']);
  });
});
