import { html, svg } from 'lit';
import type { ComponentView } from '@aide/core/element';

/** The locator as a view of the help panel. */
export const locatorView: ComponentView = {
  view: 'locator',
  entry: 'locator',
  icon: svg`<path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z"/>`,
  load: () => import('./define.ts'),
  render: ({ config, locale, theme, help }) => html`<aide-locator
    in-panel
    heading-level="3"
    lang=${locale}
    theme=${theme}
    src=${config.locatorDataUrl}
    api-src=${config.locatorApiUrl ?? ''}
    procedure=${config.procedure ?? ''}
    .context=${help}
  ></aide-locator>`,
  available: () => true,
};
