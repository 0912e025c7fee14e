/**
 * On-device key-value storage (tutorial progress, feedback waiting to be sent) through idb-keyval, with an
 * in-memory fallback when IndexedDB is missing, blocked or broken. Callers never see a storage error:
 * at worst, data lives as long as the page.
 */
import { createStore as createIdbStore, get, set, del, keys, type UseStore } from 'idb-keyval';

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /** 'indexeddb' once IndexedDB answered, 'memory' when it is unavailable or persistence is off. */
  kind(): Promise<'indexeddb' | 'memory'>;
}

export interface StoreOptions {
  /** false keeps everything in memory (integrators can turn persistence off). */
  persist?: boolean | undefined;
}

class MemoryBackend {
  private readonly map = new Map<string, unknown>();
  async get<T>(key: string) {
    return structuredClone(this.map.get(key)) as T | undefined;
  }
  async set(key: string, value: unknown) {
    this.map.set(key, structuredClone(value));
  }
  async delete(key: string) {
    this.map.delete(key);
  }
  async keys() {
    return [...this.map.keys()];
  }
}

/** Resolves to an idb-keyval store if IndexedDB really works here, otherwise null. */
async function probeIndexedDb(dbName: string): Promise<UseStore | null> {
  try {
    if (typeof indexedDB === 'undefined' || indexedDB === null) return null;
    const store = createIdbStore(dbName, 'kv');
    // A round trip proves the database opens (Firefox private windows and some WebViews fail only here).
    await get('__probe__', store);
    return store;
  } catch {
    return null;
  }
}

export function createStore(namespace: string, options: StoreOptions = {}): KeyValueStore {
  const memory = new MemoryBackend();
  const ready: Promise<UseStore | null> =
    options.persist === false ? Promise.resolve(null) : probeIndexedDb(`aide-${namespace}`);

  // Any failure after the probe (quota, transaction aborted) moves this store to memory for good,
  // keeping what it already holds readable.
  let broken = false;
  async function run<T>(idb: (store: UseStore) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    const store = broken ? null : await ready;
    if (!store) return fallback();
    try {
      return await idb(store);
    } catch {
      broken = true;
      return fallback();
    }
  }

  return {
    get: <T>(key: string) => run(async (s) => (await get<T>(key, s)) ?? (await memory.get<T>(key)), () => memory.get<T>(key)),
    set: (key, value) =>
      run(
        (s) => set(key, value, s),
        () => memory.set(key, value),
      ),
    delete: (key) =>
      run(
        async (s) => {
          await del(key, s);
          await memory.delete(key);
        },
        () => memory.delete(key),
      ),
    keys: () =>
      run(
        async (s) => [...new Set([...(await keys<string>(s)).filter((k) => k !== '__probe__'), ...(await memory.keys())])],
        () => memory.keys(),
      ),
    kind: async () => ((await ready) && !broken ? 'indexeddb' : 'memory'),
  };
}
