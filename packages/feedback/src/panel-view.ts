import { html, svg } from 'lit';
import type { ComponentView } from '@aide/core/element';

/** The feedback form as a view of the help panel; offered only when the administration set an endpoint. */
export const feedbackView: ComponentView = {
  view: 'feedback',
  entry: 'feedback',
  icon: svg`<path d="M4 3h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H8l-4 4V4a1 1 0 0 1 1-1Zm4 6a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm8 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm-8.5 2.5a5 5 0 0 0 9 0h-2.3a3 3 0 0 1-4.4 0H7.5Z"/>`,
  load: () => import('./define.ts'),
  render: ({ config, locale, theme, help }) => html`<aide-feedback
    in-panel
    heading-level="3"
    lang=${locale}
    theme=${theme}
    endpoint=${config.feedbackEndpoint ?? ''}
    procedure=${config.procedure ?? ''}
    step=${config.step ?? ''}
    questions=${config.feedbackQuestions}
    ?no-persist=${!config.persist}
    .context=${help}
  ></aide-feedback>`,
  available: (config) => config.feedbackEndpoint !== null,
};
