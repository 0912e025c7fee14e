/**
 * What the help panel's first screen says about the stories sent from this device: « Vous avez une réponse » when
 * the follow endpoint reports an answer not read yet, and the follow link of a story the queue sent in the
 * background (told offline, sent at a later visit: the person never saw its link). Loaded by the panel only when the
 * device follows stories (memory.ts, FOLLOWED_KEY): the panel pays nothing for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { pickStrings } from '@aide/core';
import type { ViewContext } from '@aide/core/element';
import { followStories } from './follow.ts';
import { storyMemory, type FollowedStory } from './memory.ts';
import { storyStrings } from './strings.ts';

export async function storyNotice(context: ViewContext): Promise<TemplateResult | null> {
  // A page told to keep nothing on the device neither reads nor updates what other pages kept there.
  if (!context.config.persist) return null;
  const stories = await followStories();
  const answered = stories.filter((s) => s.answered && !s.answerSeen);
  const linkNeverShown = stories.filter((s) => !s.linkShown && !answered.includes(s));
  if (answered.length === 0 && linkNeverShown.length === 0) return null;
  const t = pickStrings(storyStrings, context.locale);
  const format = new Intl.DateTimeFormat(context.locale === 'ar' ? 'ar-u-nu-latn' : context.locale, { dateStyle: 'long', timeZone: 'Europe/Paris' });
  const link = (story: FollowedStory, label: string, change: Partial<FollowedStory>) =>
    html`<li>
      <a href=${story.followUrl} target="_blank" rel="noopener" @click=${() => void storyMemory().update(story.id, change)}
        >${label}<span class="visually-hidden"> (${t.storyOf(format.format(new Date(story.createdAt)))}, ${t.newWindow})</span></a
      >
    </li>`;
  return html`${answered.length
      ? html`<div class="status story-notice">
          <h3>${t.answerTitle}</h3>
          <p>${t.answerText(answered.length)}</p>
          <ul>
            ${answered.map((s) => link(s, t.readAnswer, { answerSeen: true, linkShown: true }))}
          </ul>
        </div>`
      : nothing}${linkNeverShown.length
      ? html`<div class="status story-notice">
          <h3>${t.sentNoticeTitle}</h3>
          <p>${t.sentNoticeText}</p>
          <ul>
            ${linkNeverShown.map((s) => link(s, t.followThis, { linkShown: true }))}
          </ul>
        </div>`
      : nothing}`;
}
