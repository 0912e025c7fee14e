/**
 * Following stories without an account: what the device remembers of a sent story, and when it asks the collector
 * (GET /api/v1/stories/follow/<token>, played by the stories contract) what became of it.
 */
import { expect } from '@open-wc/testing';
import { contractFetch, StoriesContract } from '../../../../test/e2e/fixtures/stories-contract.ts';
import type { StoryPayload } from '../delivery/delivery.ts';
import { followStories } from './follow.ts';
import { StoryMemory } from './memory.ts';

const HOUR = 3_600_000;
const body: StoryPayload = {
  procedure: 'demande-logement',
  text: 'Le site refusait le fichier.',
  feeling: 'negative',
  channel: 'online',
  consent: true,
  locale: 'fr',
  clientCreatedAt: '2026-12-06T10:00:00.000Z',
};

/** A story sent to the contract and remembered, as the delivery queue does on a 201. */
async function sent(contract: StoriesContract, memory: StoryMemory) {
  const fetchFn = contractFetch(contract);
  const endpoint = `${location.origin}/api/v1/stories`;
  const response = await fetchFn(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body) });
  expect(response.status).to.equal(201);
  const story = await memory.rememberSent(endpoint, body, await response.json(), false);
  expect(story).to.not.equal(null);
  return { story: story!, fetchFn };
}

describe('following a story', () => {
  it('remembers the follow link and the contract’s follow endpoint; a replay’s answer adds nothing', async () => {
    const contract = new StoriesContract({ origin: location.origin });
    const memory = new StoryMemory(false);
    const { story } = await sent(contract, memory);
    const stored = contract.stories[0]!;
    expect(story).to.include({ id: stored.id, followToken: stored.followToken, followUrl: `${location.origin}/suivi/${stored.followToken}`, procedure: 'demande-logement', lastSeenStatus: 'pending', answered: false });
    expect(story.followApi).to.equal(`${location.origin}/api/v1/stories/follow/${stored.followToken}`);
    await memory.rememberSent(`${location.origin}/api/v1/stories`, body, { id: stored.id, followToken: stored.followToken, followUrl: story.followUrl, status: 'pending' }, false);
    expect(await memory.list()).to.have.length(1);
    // What is not a follow answer (no token, a javascript: link) is not remembered.
    expect(await memory.rememberSent(`${location.origin}/api/v1/stories`, body, { id: 'x', followToken: 'short', followUrl: 'javascript:alert(1)' }, false)).to.equal(null);
  });

  it('asks at most once an hour and once per page load; tells when the administration answered', async () => {
    const contract = new StoriesContract({ origin: location.origin });
    const memory = new StoryMemory(false);
    const { story, fetchFn } = await sent(contract, memory);
    const asked = () => contract.log.filter((l) => l.path.startsWith('/api/v1/stories/follow/')).length;
    contract.publish(story.id);
    contract.answer(story.id, 'Le téléversement est réparé.', 'Caisse d’allocations familiales');
    // Sent a minute ago: not asked yet.
    let now = Date.now() + 60_000;
    await followStories({ memory, fetch: fetchFn, now: () => now });
    expect(asked()).to.equal(0);
    // Two hours on: asked, and the answer is seen.
    now += 2 * HOUR;
    const [followed] = await followStories({ memory, fetch: fetchFn, now: () => now });
    expect(asked()).to.equal(1);
    expect(followed).to.include({ lastSeenStatus: 'published', answered: true });
    // Once answered, never asked again.
    now += 5 * HOUR;
    await followStories({ memory, fetch: fetchFn, now: () => now });
    expect(asked()).to.equal(1);
  });

  it('offline or a 5xx: nothing changes and nothing is thrown; an unknown token (404) is forgotten', async () => {
    const contract = new StoriesContract({ origin: location.origin });
    const memory = new StoryMemory(false);
    const first = await sent(contract, memory);
    const second = await sent(contract, memory);
    const later = Date.now() + 2 * HOUR;
    contract.failNext('follow', 'offline', { status: 503, retryAfter: 30 });
    const before = await memory.list();
    const after = await followStories({ memory, fetch: first.fetchFn, now: () => later });
    expect(after.map((s) => [s.id, s.lastSeenStatus, s.answered, s.checkedAt])).to.deep.equal(before.map((s) => [s.id, s.lastSeenStatus, s.answered, s.checkedAt]));
    // The collector no longer knows the story: it is forgotten on the device.
    const memory2 = new StoryMemory(false);
    const third = await sent(contract, memory2);
    contract.stories.splice(contract.stories.findIndex((s) => s.id === third.story.id), 1);
    expect(await followStories({ memory: memory2, fetch: third.fetchFn, now: () => later })).to.deep.equal([]);
    expect(second.story.id).to.not.equal(first.story.id);
  });
});
