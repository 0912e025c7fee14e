import { html, svg } from 'lit';
import type { ComponentView } from '@aide/core/element';

/** The walkthrough as a view of the help panel. */
export const walkthroughView: ComponentView = {
  view: 'tutorials',
  entry: 'tutorials',
  icon: svg`<path d="M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4V4Zm16 0h-3a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h4V4Z"/>`,
  load: () => import('./define.ts'),
  render: ({ config, locale, theme, help }) => html`<aide-walkthrough
    in-panel
    heading-level="3"
    lang=${locale}
    theme=${theme}
    src=${config.tutorialsUrl}
    procedure=${config.procedure ?? ''}
    procedure-step=${config.step ?? ''}
    blocked-endpoint=${config.reportBlocked && config.feedbackEndpoint ? config.feedbackEndpoint : ''}
    ?no-persist=${!config.persist}
    .context=${help}
  ></aide-walkthrough>`,
  available: () => true,
};
