import { expect } from '@open-wc/testing';
import { createStore } from './storage.ts';

describe('storage', () => {
  it('keeps values in IndexedDB across store instances (like a reload)', async () => {
    const namespace = `test-${Math.random().toString(36).slice(2)}`;
    const first = createStore(namespace);
    await first.set('progress', { tutorial: 'declarer-revenus', step: 3 });
    expect(await first.kind()).to.equal('indexeddb');
    const second = createStore(namespace);
    expect(await second.get('progress')).to.deep.equal({ tutorial: 'declarer-revenus', step: 3 });
    expect(await second.keys()).to.deep.equal(['progress']);
    await second.delete('progress');
    expect(await first.get('progress')).to.equal(undefined);
  });

  it('falls back to memory when IndexedDB cannot open, without throwing', async () => {
    const original = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open')!;
    Object.defineProperty(IDBFactory.prototype, 'open', {
      configurable: true,
      value() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      const store = createStore(`broken-${Math.random()}`);
      await store.set('queue', [1, 2]);
      expect(await store.get('queue')).to.deep.equal([1, 2]);
      expect(await store.kind()).to.equal('memory');
    } finally {
      Object.defineProperty(IDBFactory.prototype, 'open', original);
    }
  });

  it('stays in memory when persistence is turned off', async () => {
    const store = createStore('never-persisted', { persist: false });
    await store.set('a', 1);
    expect(await store.kind()).to.equal('memory');
    expect(await createStore('never-persisted', { persist: false }).get('a')).to.equal(undefined);
  });

  it('returns copies: mutating a read value does not change what is stored', async () => {
    const store = createStore('copies', { persist: false });
    const value = { list: [1] };
    await store.set('v', value);
    value.list.push(2);
    const read = await store.get<{ list: number[] }>('v');
    expect(read!.list).to.deep.equal([1]);
  });
});
