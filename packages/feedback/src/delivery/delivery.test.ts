import { expect } from '@open-wc/testing';
import { Delivery, PENDING_FLAG, backoff, idempotencyKey, type FeedbackPayload } from './delivery.ts';

const body: FeedbackPayload = { procedure: 'demande-logement', satisfaction: 'good' };
const ENDPOINT = 'https://avis.example.gouv.fr/api/v1/feedback';

/** A scripted collector: answers in turn, and records what it received. */
function collector(...answers: (number | 'offline' | 'hang' | { status: number; retryAfter: number })[]) {
  const calls: { key: string; body: unknown }[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    calls.push({ key: (init.headers as Record<string, string>)['Idempotency-Key']!, body: JSON.parse(init.body as string) });
    const answer = answers.shift() ?? 201;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    if (answer === 'hang') return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    if (typeof answer === 'object') return new Response('{}', { status: answer.status, headers: { 'Retry-After': String(answer.retryAfter) } });
    return new Response('{}', { status: answer });
  }) as typeof fetch;
  return { fetchFn, calls };
}

describe('feedback delivery', () => {
  beforeEach(() => localStorage.removeItem(PENDING_FLAG));

  it('sends at once and forgets what the collector acknowledged', async () => {
    const { fetchFn, calls } = collector(201);
    const d = new Delivery({ persist: false, fetch: fetchFn });
    expect(await d.submit(ENDPOINT, body)).to.equal('sent');
    expect(calls).to.have.length(1);
    expect(calls[0]!.key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await d.pending()).to.deep.equal([]);
    expect(localStorage.getItem(PENDING_FLAG)).to.equal(null);
  });

  it('keeps the opinion when offline, on 5xx and on timeouts, with the same key each time, and a backoff', async () => {
    let now = 1_000_000;
    const { fetchFn, calls } = collector('offline', 503, 201);
    const d = new Delivery({ persist: false, fetch: fetchFn, now: () => now });
    expect(await d.submit(ENDPOINT, body)).to.equal('queued');
    expect(localStorage.getItem(PENDING_FLAG)).to.equal('1');
    let [waiting] = await d.pending();
    expect(waiting!.attempts).to.equal(1);
    expect(waiting!.nextAttemptAt - now).to.be.within(4000, 6000);
    await d.flush(); // too early: nothing sent
    expect(calls).to.have.length(1);
    now += 6000;
    await d.flush();
    [waiting] = await d.pending();
    expect(waiting!.attempts).to.equal(2);
    expect(waiting!.nextAttemptAt - now).to.be.within(8000, 12000);
    await d.flush(true); // back online: try now
    expect(await d.pending()).to.deep.equal([]);
    expect(new Set(calls.map((c) => c.key)).size, 'one key for every attempt').to.equal(1);
    expect(localStorage.getItem(PENDING_FLAG)).to.equal(null);
  });

  it('respects Retry-After on 429', async () => {
    const now = 5_000_000;
    const { fetchFn } = collector({ status: 429, retryAfter: 120 });
    const d = new Delivery({ persist: false, fetch: fetchFn, now: () => now });
    expect(await d.submit(ENDPOINT, body)).to.equal('queued');
    const [waiting] = await d.pending();
    expect(waiting!.nextAttemptAt - now).to.be.at.least(120_000);
  });

  it('drops an opinion the collector refuses (4xx), with a console message, and never retries it', async () => {
    const { fetchFn, calls } = collector(400);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const d = new Delivery({ persist: false, fetch: fetchFn });
      expect(await d.submit(ENDPOINT, body)).to.equal('rejected');
      await d.flush(true);
      expect(calls).to.have.length(1);
      expect(await d.pending()).to.deep.equal([]);
      expect(warnings.join()).to.contain('HTTP 400');
    } finally {
      console.warn = original;
    }
  });

  it('gives up waiting for an answer after the timeout', async function () {
    this.timeout(15000);
    const { fetchFn } = collector('hang');
    const d = new Delivery({ persist: false, fetch: fetchFn });
    expect(await d.submit(ENDPOINT, body)).to.equal('queued');
  });

  it('keeps waiting opinions on the device across page loads (IndexedDB)', async () => {
    const { fetchFn } = collector('offline');
    const first = new Delivery({ persist: true, fetch: fetchFn });
    await first.submit(ENDPOINT, { ...body, comment: 'gardé' });
    const { fetchFn: later, calls } = collector(201);
    const second = new Delivery({ persist: true, fetch: later });
    expect((await second.pending()).some((e) => e.kind !== 'story' && e.body.comment === 'gardé')).to.equal(true);
    await second.flush(true);
    expect(calls.some((c) => (c.body as FeedbackPayload).comment === 'gardé')).to.equal(true);
    expect((await second.pending()).some((e) => e.kind !== 'story' && e.body.comment === 'gardé')).to.equal(false);
  });

  it('backoff grows to an hour, with jitter', () => {
    expect(backoff(1, () => 0.5)).to.equal(5000);
    expect(backoff(3, () => 0.5)).to.equal(20000);
    expect(backoff(20, () => 0.5)).to.equal(3_600_000);
    expect(backoff(1, () => 0)).to.equal(4000);
    expect(idempotencyKey()).to.not.equal(idempotencyKey());
  });
});
