import { html, svg } from 'lit';
import type { AideConfig } from '@aide/core';
import type { ComponentView } from '@aide/core/element';

/** <aide-feedback> as the panel shows it: the opinion, or the story. */
const element =
  (mode: 'opinion' | 'story'): ComponentView['render'] =>
  ({ config, locale, theme, help }) =>
    html`<aide-feedback
      in-panel
      mode=${mode}
      heading-level="3"
      lang=${locale}
      theme=${theme}
      endpoint=${config.feedbackEndpoint ?? ''}
      procedure=${config.procedure ?? ''}
      step=${config.step ?? ''}
      questions=${config.feedbackQuestions}
      ?no-persist=${!config.persist}
      .context=${help}
    ></aide-feedback>`;
const load = () => import('./define.ts');
const available = (config: AideConfig) => config.feedbackEndpoint !== null;

/**
 * Stories sent from this device are followed: the count the follow memory keeps (FOLLOWED_KEY in story/memory.ts), read by its
 * name here so that the panel's chunk imports nothing for it (an import would be a chunk, a request, of its own).
 */
function followsStories(): boolean {
  try {
    return !!window.localStorage.getItem('aide:stories-followed');
  } catch {
    return false;
  }
}

/** The feedback form as a view of the help panel; offered only when the administration set an endpoint. */
export const feedbackView: ComponentView = {
  view: 'feedback',
  entry: 'feedback',
  icon: svg`<path d="M4 3h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H8l-4 4V4a1 1 0 0 1 1-1Zm4 6a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm8 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm-8.5 2.5a5 5 0 0 0 9 0h-2.3a3 3 0 0 1-4.4 0H7.5Z"/>`,
  load,
  render: element('opinion'),
  available,
};

/**
 * « Raconter mon expérience » as its own view (same element, same chunk, same entry as the opinion). Its notice
 * (« Vous avez une réponse ») is loaded only on a device that follows stories.
 */
export const storyView: ComponentView = {
  view: 'story',
  entry: 'feedback',
  icon: svg`<path fill-rule="evenodd" d="M4 3h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H8l-4 4V4a1 1 0 0 1 1-1Zm3 4v2h10V7H7Zm0 4v2h7v-2H7Z"/>`,
  load,
  render: element('story'),
  available,
  notice: (context) => (context.config.persist && followsStories() ? import('./story/notice.ts').then((m) => m.storyNotice(context)) : Promise.resolve(null)),
};
