/**
 * The person's progress, kept on the device (IndexedDB through @aide/core's store, in memory when persistence is
 * off or unavailable): per tutorial the step shown and the steps seen, and the last tutorial opened.
 */
import { createStore, type KeyValueStore } from '@aide/core';

export interface Progress {
  /** 0 = overview, 1…n = steps, n + 1 = finished. */
  step: number;
  seen: number[];
  updated: string;
}

export class ProgressStore {
  private readonly store: KeyValueStore;

  constructor(persist: boolean) {
    this.store = createStore('walkthrough', { persist });
  }

  get(slug: string): Promise<Progress | undefined> {
    return this.store.get<Progress>(`progress:${slug}`);
  }

  save(slug: string, step: number, seen: Set<number>): Promise<void> {
    return this.store.set(`progress:${slug}`, { step, seen: [...seen], updated: new Date().toISOString() } satisfies Progress);
  }

  /** The tutorial opened last, to offer "Reprendre". */
  last(): Promise<string | undefined> {
    return this.store.get<string>('last');
  }

  setLast(slug: string): Promise<void> {
    return this.store.set('last', slug);
  }
}
