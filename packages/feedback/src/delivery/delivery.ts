/**
 * Delivery of opinions that loses nothing and counts nothing twice. Each opinion gets a client-generated
 * idempotency key and is written to the device's queue (IndexedDB through @aide/core/storage) *before* any
 * network attempt; it leaves the queue only when the collector acknowledged it (201) or refused it for good (4xx
 * other than 429, with a console message). Network errors, timeouts, 5xx and 429 keep it for another try, with
 * exponential backoff, on the `online` event and at the next page load. Replays are harmless: the collector
 * answers a known key with its first answer. Requests go through core's `request` (the page's timeout). The form
 * that submitted an opinion is told when it settles later (the status follows the queue), and why it waits: the
 * device is offline ('queued'), or it is online and the service did not take it yet ('delayed': no answer in time,
 * a server error, or a request the browser blocked, which scripts cannot tell from an unreachable server: CORS).
 */
import { createStore, request, RequestError, setPendingFeedbackCount, type KeyValueStore } from '@aide/core';

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

export interface QueuedOpinion {
  key: string;
  endpoint: string;
  body: FeedbackPayload;
  attempts: number;
  /** Epoch ms before which no new attempt is made (within a page's life). */
  nextAttemptAt: number;
}

/**
 * 'sent': acknowledged; 'queued': kept, the device is offline; 'delayed': kept, online but the service did not take it
 * (sent again later); 'rejected': refused for good (4xx).
 */
export type Outcome = 'sent' | 'queued' | 'delayed' | 'rejected';

/** Told when an opinion kept on the device settles later: sent, or refused for good. */
export type SettledListener = (outcome: 'sent' | 'rejected') => void;

/** localStorage flag read by aide.js: load the feedback chunk at page load only when something waits. */
export { PENDING_FEEDBACK_KEY as PENDING_FLAG } from '@aide/core';
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
  persist?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
}

export class Delivery {
  private readonly store: KeyValueStore;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private flushing: Promise<void> | null = null;
  private timer: number | undefined;
  private started = false;
  private readonly listeners = new Map<string, SettledListener>();

  constructor(options: DeliveryOptions = {}) {
    this.store = createStore('feedback', { persist: options.persist });
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Queues the opinion on the device, then tries to send it at once. `onSettled` is told if it is kept and later sent
   * (or refused), while the page stays open.
   */
  async submit(endpoint: string, body: FeedbackPayload, onSettled?: SettledListener): Promise<Outcome> {
    const entry: QueuedOpinion = { key: idempotencyKey(), endpoint, body, attempts: 0, nextAttemptAt: 0 };
    await this.store.set(`queue:${entry.key}`, entry);
    await this.updateFlag();
    const outcome = await this.attempt(entry);
    if (onSettled && (outcome === 'queued' || outcome === 'delayed')) this.listeners.set(entry.key, onSettled);
    this.schedule();
    return outcome;
  }

  /** Opinions waiting on this device. */
  async pending(): Promise<QueuedOpinion[]> {
    const keys = (await this.store.keys()).filter((k) => k.startsWith('queue:')).sort();
    const entries = await Promise.all(keys.map((k) => this.store.get<QueuedOpinion>(k)));
    return entries.filter((e): e is QueuedOpinion => !!e);
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

  private async attempt(entry: QueuedOpinion): Promise<Outcome> {
    let status = 0;
    let retryAfter = 0;
    let failure: RequestError | null = null;
    try {
      const response = await request(entry.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
        body: JSON.stringify(entry.body),
        credentials: 'omit',
        keepalive: true,
        fetch: this.fetchFn,
      });
      status = response.status;
      retryAfter = Number(response.headers.get('Retry-After')) || 0;
    } catch (error) {
      failure = error instanceof RequestError ? error : new RequestError('network', entry.endpoint);
    }
    if (status >= 200 && status < 300) {
      await this.remove(entry.key);
      this.settle(entry.key, 'sent');
      return 'sent';
    }
    if (status >= 400 && status < 500 && status !== 429 && status !== 408) {
      console.warn(`[Aide numérique] avis refusé par le service de collecte (HTTP ${status}) : il ne sera pas renvoyé.`);
      await this.remove(entry.key);
      this.settle(entry.key, 'rejected');
      return 'rejected';
    }
    const attempts = entry.attempts + 1;
    const delay = Math.max(backoff(attempts), retryAfter * 1000);
    await this.store.set(`queue:${entry.key}`, { ...entry, attempts, nextAttemptAt: this.now() + delay });
    if (failure?.kind === 'offline') return 'queued';
    // Online, and still not taken: the administration reads why in the console (the person is told plainly).
    console.warn(
      `[Aide numérique] avis gardé sur l’appareil, nouvel essai plus tard : ${
        failure?.kind === 'timeout'
          ? `le service de collecte n’a pas répondu en ${failure.timeoutSeconds} s`
          : failure
            ? `aucune réponse du service de collecte (serveur injoignable, ou requête bloquée par le navigateur : vérifiez que ${entry.endpoint} autorise l’origine ${location.origin} (CORS) et la politique de sécurité de la page (connect-src))`
            : `le service de collecte a répondu HTTP ${status}`
      }.`,
    );
    return 'delayed';
  }

  private settle(key: string, outcome: 'sent' | 'rejected'): void {
    const listener = this.listeners.get(key);
    this.listeners.delete(key);
    listener?.(outcome);
  }

  private async remove(key: string): Promise<void> {
    await this.store.delete(`queue:${key}`);
    await this.updateFlag();
  }

  private async updateFlag(): Promise<void> {
    setPendingFeedbackCount((await this.store.keys()).filter((k) => k.startsWith('queue:')).length);
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

let shared: Delivery | undefined;
/** The page's delivery worker (one per page; every form and the loader share it). */
export function delivery(options: DeliveryOptions = {}): Delivery {
  shared ??= new Delivery(options);
  return shared;
}
