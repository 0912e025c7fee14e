/**
 * Delivery of opinions and stories that loses nothing and counts nothing twice. Each one gets a client-generated
 * idempotency key and is written to the device's queue (IndexedDB through @aide/core/storage) *before* any
 * network attempt; it leaves the queue only when the collector acknowledged it (201) or refused it for good (4xx
 * other than 429, with a console message). Network errors, timeouts, 5xx and 429 keep it for another try, with
 * exponential backoff, on the `online` event and at the next page load. Replays are harmless: the collector
 * answers a known key with its first answer. A story's acknowledgement carries its private follow link: it is
 * remembered on the device (../story/memory.ts) whichever page sends it, and every attempt is told to the
 * subscribers, so a form left open follows its story from "waiting" to "sent".
 */
import { setPendingFeedbackCount } from '@aide/core';
import { storesFor, type Stores } from '../stores.ts';

export interface FeedbackPayload {
  procedure: string;
  pageStep?: string;
  tutorial?: string;
  tutorialStep?: number;
  satisfaction: 'bad' | 'medium' | 'good';
  clarity?: number;
  difficulties?: string[];
  help?: string[];
  comment?: string;
  locale?: 'fr' | 'en' | 'ar';
  clientCreatedAt?: string;
}

/** A story, as POST /api/v1/stories takes it (see the contract, /work/notes/stories-api.md). */
export interface StoryPayload {
  procedure: string;
  step?: string;
  /** Already masked on the device: the person confirmed this text. */
  text: string;
  feeling: 'positive' | 'negative' | 'mixed';
  channel: 'online' | 'phone' | 'desk' | 'with-help';
  consent: true;
  locale: 'fr' | 'en' | 'ar';
  clientCreatedAt: string;
}

interface Queued {
  key: string;
  endpoint: string;
  /** false: kept in the page's memory only (its element was told `no-persist`); absent: on the device. */
  persist?: false;
  attempts: number;
  /** Epoch ms before which no new attempt is made (within a page's life). */
  nextAttemptAt: number;
}
export interface QueuedOpinion extends Queued {
  kind?: 'opinion';
  body: FeedbackPayload;
}
interface QueuedStory extends Queued {
  kind: 'story';
  body: StoryPayload;
}
export type QueuedEntry = QueuedOpinion | QueuedStory;

export type Outcome = 'sent' | 'queued' | 'rejected';

/** What one attempt gave. */
export interface Attempt {
  key: string;
  kind: 'opinion' | 'story';
  outcome: Outcome;
  /** HTTP status, 0 when no answer came (offline, timed out). */
  status: number;
  /** The collector's JSON answer to a story (its follow link, or its per-field errors). */
  answer?: unknown;
}

/** localStorage flag read by aide.js: load the feedback chunk at page load only when something waits. */
export { PENDING_FEEDBACK_KEY as PENDING_FLAG } from '@aide/core';
const TIMEOUT_MS = 10_000;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60 * 60_000;

/** A random UUID v4, with crypto.randomUUID where the page is a secure context, getRandomValues otherwise. */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 5 s, 10 s, 20 s… up to an hour, ±20 % so that many devices coming back online do not retry in step. */
export function backoff(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface DeliveryOptions {
  /** false keeps every entry in memory (tests); otherwise each submission says where it waits. */
  persist?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Where one submission waits: on the device (default), or in the page's memory only. */
export interface SubmitOptions {
  persist?: boolean;
}

export class Delivery {
  private readonly stores: Stores;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private flushing: Promise<void> | null = null;
  private timer: number | undefined;
  private started = false;
  private readonly listeners = new Set<(attempt: Attempt) => void>();

  constructor(options: DeliveryOptions = {}) {
    this.stores = storesFor('feedback', options.persist !== false);
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => Date.now());
  }

  /** Queues the opinion on the device, then tries to send it at once. */
  async submit(endpoint: string, body: FeedbackPayload, options: SubmitOptions = {}): Promise<Outcome> {
    return (await this.enqueue({ key: idempotencyKey(), endpoint, body, attempts: 0, nextAttemptAt: 0, ...where(options) })).outcome;
  }

  /** Queues the story on the device, then tries to send it at once; `key` identifies it to the subscribers. */
  submitStory(endpoint: string, body: StoryPayload, options: SubmitOptions = {}): Promise<Attempt> {
    return this.enqueue({ kind: 'story', key: idempotencyKey(), endpoint, body, attempts: 0, nextAttemptAt: 0, ...where(options) });
  }

  /** Told of every attempt, on this page, whoever made it (a form, the retry timer, the `online` event). */
  subscribe(listener: (attempt: Attempt) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private store(entry: QueuedEntry) {
    return this.stores.pick(entry.persist !== false);
  }

  private async enqueue(entry: QueuedEntry): Promise<Attempt> {
    await this.store(entry).set(`queue:${entry.key}`, entry);
    await this.updateFlag();
    const attempt = await this.attempt(entry);
    this.schedule();
    return attempt;
  }

  /** Opinions and stories waiting on this device. */
  async pending(): Promise<QueuedEntry[]> {
    const entries: (QueuedEntry | undefined)[] = [];
    for (const store of this.stores.all) {
      const keys = (await store.keys()).filter((k) => k.startsWith('queue:')).sort();
      entries.push(...(await Promise.all(keys.map((k) => store.get<QueuedEntry>(k)))));
    }
    return entries.filter((e): e is QueuedEntry => !!e);
  }

  /**
   * Tries every waiting opinion (those whose backoff has passed, or all of them when `force`, as when the
   * connection comes back). One flush at a time per page.
   */
  flush(force = false): Promise<void> {
    this.flushing ??= (async () => {
      try {
        for (const entry of await this.pending()) {
          if (!force && entry.nextAttemptAt > this.now()) continue;
          await this.attempt(entry);
        }
      } finally {
        this.flushing = null;
        this.schedule();
      }
    })();
    return this.flushing;
  }

  /** Sends what waits now, again when the connection comes back, and when a backoff delay ends. */
  start(): void {
    if (this.started) return;
    this.started = true;
    window.addEventListener('online', () => void this.flush(true));
    void this.flush(true);
  }

  private async attempt(entry: QueuedEntry): Promise<Attempt> {
    const kind = entry.kind ?? 'opinion';
    const controller = new AbortController();
    const timeout = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
    let status = 0;
    let retryAfter = 0;
    let answer: unknown;
    try {
      const response = await this.fetchFn(entry.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
        body: JSON.stringify(entry.body),
        signal: controller.signal,
        credentials: 'omit',
        keepalive: true,
      });
      retryAfter = Number(response.headers.get('Retry-After')) || 0;
      // A story's answer (its follow link) is read within the same timeout. An acknowledgement cut short is tried
      // again like no answer at all: the replay of the same key brings the same link back.
      if (kind === 'story') {
        try {
          answer = await response.json();
        } catch (error) {
          if (response.ok) throw error;
        }
      }
      status = response.status;
    } catch {
      status = 0; // offline, refused, timed out
    } finally {
      window.clearTimeout(timeout);
    }
    let outcome: Outcome;
    if (status >= 200 && status < 300 && entry.kind === 'story' && !(await remember(entry, answer))) {
      // Acknowledged, but its follow link could not be kept: tried again later, the replay brings the same link.
      status = 0;
    }
    if (status >= 200 && status < 300) {
      await this.remove(entry);
      outcome = 'sent';
    } else if (status >= 400 && status < 500 && status !== 429 && status !== 408) {
      const what = kind === 'story' ? 'récit' : 'avis';
      console.warn(`[Aide numérique] ${what} refusé par le service de collecte (HTTP ${status}) : il ne sera pas renvoyé.`);
      await this.remove(entry);
      outcome = 'rejected';
    } else {
      const attempts = entry.attempts + 1;
      const delay = Math.max(backoff(attempts), retryAfter * 1000);
      await this.store(entry).set(`queue:${entry.key}`, { ...entry, attempts, nextAttemptAt: this.now() + delay });
      outcome = 'queued';
    }
    const attempt: Attempt = { key: entry.key, kind, outcome, status, ...(answer === undefined ? {} : { answer }) };
    for (const listener of this.listeners) listener(attempt);
    return attempt;
  }

  private async remove(entry: QueuedEntry): Promise<void> {
    await this.store(entry).delete(`queue:${entry.key}`);
    await this.updateFlag();
  }

  private async updateFlag(): Promise<void> {
    setPendingFeedbackCount((await this.pending()).length);
  }

  /** A timer for the earliest backoff end, while the page stays open. */
  private schedule(): void {
    window.clearTimeout(this.timer);
    void this.pending().then((entries) => {
      if (entries.length === 0) return;
      const next = Math.min(...entries.map((e) => e.nextAttemptAt));
      this.timer = window.setTimeout(() => void this.flush(), Math.max(1000, next - this.now()));
    });
  }
}

/** Keeps a sent story's follow link on the device; the follow memory is loaded only then (opinions do not pay for it). */
async function remember(entry: QueuedStory, answer: unknown): Promise<boolean> {
  try {
    const { storyMemory } = await import('../story/memory.ts');
    await storyMemory().rememberSent(entry.endpoint, entry.body, answer, entry.persist !== false);
    return true;
  } catch {
    return false;
  }
}

const where = (options: SubmitOptions): { persist?: false } => (options.persist === false ? { persist: false } : {});

let shared: Delivery | undefined;
/** The page's delivery worker (one per page; every form and the loader share it). */
export function delivery(options: DeliveryOptions = {}): Delivery {
  shared ??= new Delivery(options);
  return shared;
}
