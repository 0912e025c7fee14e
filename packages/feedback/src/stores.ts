/**
 * Where the feedback package keeps things: on the device (IndexedDB, through @aide/core's storage), or in the page's
 * memory only, for what an element told `no-persist` gave it. One pair per namespace: the delivery worker and the
 * follow memory are shared by every element of the page, which may not all say the same.
 */
import { createStore, type KeyValueStore } from '@aide/core';

export interface Stores {
  /** The store for an entry: the device's when `persist`, else the page's memory. */
  pick(persist: boolean): KeyValueStore;
  /** Every store, the device's first. */
  all: KeyValueStore[];
  /** The device's store, when the page may use it. */
  device: KeyValueStore | null;
}

/** `persist: false` (tests, or a page that must keep nothing) keeps everything in memory. */
export function storesFor(namespace: string, persist: boolean): Stores {
  const memory = createStore(namespace, { persist: false });
  const device = persist ? createStore(namespace) : null;
  return { pick: (keep) => (keep && device ? device : memory), all: device ? [device, memory] : [memory], device };
}
