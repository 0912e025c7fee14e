/**
 * The stories sent from this device, remembered so that the person can follow them without an account: their
 * private follow link, and what the follow endpoint said last. On the device through @aide/core's storage
 * (IndexedDB `aide-stories`, keys `story:<id>`), in the page's memory only for a story sent from an element told
 * `no-persist`. Only what the collector answered is kept: the follow token is the one secret, and it is the
 * person's own.
 */
import type { KeyValueStore } from '@aide/core';
import type { StoryPayload } from '../delivery/delivery.ts';
import { storesFor, type Stores } from '../stores.ts';

export type StoryStatus = 'pending' | 'published' | 'refused';

export interface FollowedStory {
  /** The story's public id. */
  id: string;
  followToken: string;
  /** The private follow page (HTML, printable). */
  followUrl: string;
  /** The collector's JSON for the same (…/api/v1/stories/follow/<token>). */
  followApi: string;
  procedure: string;
  createdAt: string;
  lastSeenStatus: StoryStatus;
  /** The administration answered. */
  answered: boolean;
  /** Epoch ms of the last answer of the follow endpoint (0: never asked). */
  checkedAt: number;
  /** The follow link was shown to the person (after sending, or from the panel's notice). */
  linkShown: boolean;
  /** The person opened the answer from the panel's notice. */
  answerSeen: boolean;
}


/**
 * localStorage: how many stories this device follows (written only when persistence is on), so that the help panel
 * knows, before loading anything, that it may have an answer to look for. ../panel-view.ts reads it by this literal
 * name: importing it would give the panel a chunk of its own to fetch.
 */
const FOLLOWED_KEY = 'aide:stories-followed';

/** Stories remembered at most; the oldest go first. */
const MAX_STORIES = 20;
const STATUSES: readonly string[] = ['pending', 'published', 'refused'];

const httpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** The collector's answer to a story, checked: null when it is not one (no token, a follow page that is not http(s)). */
export function parseSubmitAnswer(answer: unknown): { id: string; followToken: string; followUrl: string; status: StoryStatus } | null {
  if (!answer || typeof answer !== 'object') return null;
  const a = answer as Record<string, unknown>;
  if (typeof a.id !== 'string' || !a.id || typeof a.followToken !== 'string' || !/^[\w-]{16,200}$/.test(a.followToken) || !httpUrl(a.followUrl)) return null;
  return { id: a.id, followToken: a.followToken, followUrl: a.followUrl, status: STATUSES.includes(a.status as string) ? (a.status as StoryStatus) : 'pending' };
}

export class StoryMemory {
  private readonly stores: Stores;

  /** `persist: false` keeps every story in memory (tests); otherwise each story is kept where it was sent from. */
  constructor(persist = true) {
    this.stores = storesFor('stories', persist);
  }

  private async entries(store: KeyValueStore): Promise<FollowedStory[]> {
    const keys = (await store.keys()).filter((k) => k.startsWith('story:'));
    return (await Promise.all(keys.map((k) => store.get<FollowedStory>(k)))).filter((s): s is FollowedStory => !!s);
  }

  private async storeOf(id: string): Promise<KeyValueStore | undefined> {
    for (const store of this.stores.all) if (await store.get(`story:${id}`)) return store;
    return undefined;
  }

  /** Newest first. */
  async list(): Promise<FollowedStory[]> {
    const all = (await Promise.all(this.stores.all.map((s) => this.entries(s)))).flat();
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * Remembers a story the collector acknowledged (`answer`: its 201 body), on the device unless `persist` is false;
   * null when the answer is unusable.
   */
  async rememberSent(endpoint: string, body: StoryPayload, answer: unknown, persist = true): Promise<FollowedStory | null> {
    const sent = parseSubmitAnswer(answer);
    if (!sent) return null;
    const where = await this.storeOf(sent.id);
    if (where) return (await where.get<FollowedStory>(`story:${sent.id}`))!; // a replay's answer: nothing new
    const api = new URL(endpoint);
    api.pathname = `${api.pathname.replace(/\/$/, '')}/follow/${encodeURIComponent(sent.followToken)}`;
    api.search = '';
    const story: FollowedStory = {
      id: sent.id,
      followToken: sent.followToken,
      followUrl: sent.followUrl,
      followApi: api.href,
      procedure: body.procedure,
      createdAt: body.clientCreatedAt,
      lastSeenStatus: sent.status,
      answered: false,
      checkedAt: Date.now(),
      linkShown: false,
      answerSeen: false,
    };
    const store = this.stores.pick(persist);
    await store.set(`story:${story.id}`, story);
    for (const old of (await this.entries(store)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(MAX_STORIES)) {
      await store.delete(`story:${old.id}`);
    }
    await this.flag();
    return story;
  }

  async update(id: string, change: Partial<Omit<FollowedStory, 'id'>>): Promise<void> {
    const store = await this.storeOf(id);
    const story = await store?.get<FollowedStory>(`story:${id}`);
    if (store && story) await store.set(`story:${id}`, { ...story, ...change });
  }

  /** The collector no longer knows the story (404): nothing left to follow. */
  async forget(id: string): Promise<void> {
    await (await this.storeOf(id))?.delete(`story:${id}`);
    await this.flag();
  }

  /** The count read by the panel: stories on the device only (what a no-persist page sent is gone at the next load). */
  private async flag(): Promise<void> {
    const count = this.stores.device ? (await this.entries(this.stores.device)).length : 0;
    try {
      if (count > 0) window.localStorage.setItem(FOLLOWED_KEY, String(count));
      else window.localStorage.removeItem(FOLLOWED_KEY);
    } catch {
      // Without localStorage the panel does not look for answers; the story view still lists the stories.
    }
  }
}

let shared: StoryMemory | undefined;
/** The page's follow memory (one per page: the delivery queue, the form and the panel's notice share it). */
export function storyMemory(): StoryMemory {
  shared ??= new StoryMemory();
  return shared;
}
