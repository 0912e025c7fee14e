/**
 * Group commit: entries that arrive within a few milliseconds are committed in one transaction (one fsync for many
 * acknowledgements), every request answered after its commit. A batch that fails because of one of its rows is
 * committed again row by row, so that the bad row gets its own error and never fails its neighbours.
 */
import { classify, toWriteError } from './errors.ts';

interface Pending<E, O> {
  entry: E;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<E, O> {
  private queue: Pending<E, O>[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The commit loop while it runs: entries that arrive meanwhile wait for it and go in the next batch together. */
  private running: Promise<void> | null = null;

  constructor(
    private readonly commit: (batch: E[]) => Promise<O[]> | O[],
    private readonly windowMs: number,
    private readonly size: number,
  ) {}

  push(entry: E): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.running) this.flushSoon(this.queue.length >= this.size ? 0 : this.windowMs);
    });
  }

  private flushSoon(delay: number): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async attempt(batch: E[]): Promise<O[]> {
    try {
      return await this.commit(batch);
    } catch (error) {
      // A connection that died while idle in the pool (the server restarted): once more, on a new one. Safe: an
      // insert of the same keys is idempotent.
      if (classify(error) !== 'connection') throw error;
      return await this.commit(batch);
    }
  }

  private async commitBatch(batch: Pending<E, O>[]): Promise<void> {
    try {
      const outcomes = await this.attempt(batch.map((p) => p.entry));
      batch.forEach((p, i) => p.resolve(outcomes[i]!));
    } catch (error) {
      const kind = classify(error);
      if (batch.length > 1 && (kind === 'row' || kind === 'defect')) {
        // One row spoiled the batch: each one alone, in order.
        for (const p of batch) {
          try {
            p.resolve((await this.commit([p.entry]))[0]!);
          } catch (single) {
            p.reject(toWriteError(single));
          }
        }
      } else {
        const reported = toWriteError(error);
        for (const p of batch) p.reject(reported);
      }
    }
  }

  /** Commits what is queued, then what arrived during that commit, until nothing is left. */
  flush(): Promise<void> {
    if (!this.running && this.queue.length > 0) {
      this.running = (async () => {
        while (this.queue.length > 0) await this.commitBatch(this.queue.splice(0, this.size));
        this.running = null;
      })();
    }
    return this.running ?? Promise.resolve();
  }

  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length > 0 || this.running) await this.flush();
  }
}
