/**
 * Asks the collector what became of the stories sent from this device (GET …/api/v1/stories/follow/<token>), within
 * the contract's limits: at most once per page load per story, and not more than once an hour; never again once
 * answered or refused. Without an answer in 10 s, or offline, the story is asked again at a later page load.
 */
import { storyMemory, type FollowedStory, type StoryMemory, type StoryStatus } from './memory.ts';

const HOUR_MS = 3_600_000;
const TIMEOUT_MS = 10_000;
/** Stories already asked about during this page load. */
const askedThisPage = new Set<string>();

export interface FollowOptions {
  memory?: StoryMemory;
  fetch?: typeof fetch;
  now?: () => number;
}

const needsAsking = (story: FollowedStory, now: number) =>
  !story.answered && story.lastSeenStatus !== 'refused' && !askedThisPage.has(story.id) && now - story.checkedAt >= HOUR_MS;

/** The stories of this device, each brought up to date when the limits allow it. */
export async function followStories(options: FollowOptions = {}): Promise<FollowedStory[]> {
  const memory = options.memory ?? storyMemory();
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const stories = await memory.list();
  await Promise.all(
    stories
      .filter((story) => needsAsking(story, now()))
      .map(async (story) => {
        askedThisPage.add(story.id);
        const controller = new AbortController();
        const timeout = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
        try {
          const response = await fetchFn(story.followApi, { signal: controller.signal, credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json' } });
          if (response.status === 404) {
            await memory.forget(story.id);
            return;
          }
          if (!response.ok) return;
          const body = (await response.json()) as { status?: unknown; answer?: unknown };
          const status: StoryStatus = body.status === 'published' || body.status === 'refused' ? body.status : 'pending';
          const change = { lastSeenStatus: status, answered: !!body.answer && typeof body.answer === 'object', checkedAt: now() };
          await memory.update(story.id, change);
        } catch {
          // Offline, timed out, not JSON: asked again at a later page load.
        } finally {
          window.clearTimeout(timeout);
        }
      }),
  );
  return memory.list();
}
