/**
 * How a component offers itself as a view of the help panel. Each component package exports one
 * descriptor (`src/panel-view.ts`); the panel lists them. `load()` imports the component's own chunk,
 * so its code is only downloaded on first use.
 */
import type { TemplateResult } from 'lit';
import type { AideConfig, Entry } from './config.ts';
import type { PanelView } from './events.ts';
import type { HelpContext } from './context.ts';
import type { Locale } from './i18n.ts';

export interface ViewContext {
  config: AideConfig;
  locale: Locale;
  /** 'light' | 'dark' | '' (follows the system). */
  theme: string;
  /** What the person is doing (the tutorial step), for the views that mention it or start from it. */
  help: HelpContext;
}

export interface ComponentView {
  view: Exclude<PanelView, 'home' | 'accessibility'>;
  /** The configuration entry that turns it on or off. */
  entry: Entry;
  /** Decorative icon (24×24 viewBox SVG content) for the panel's first screen. */
  icon: TemplateResult;
  load(): Promise<unknown>;
  /** The component element as it appears inside the panel (heading level 3, in-panel mode). */
  render(context: ViewContext): TemplateResult;
  /** Whether the view can work with this configuration (feedback needs an endpoint). */
  available(config: AideConfig): boolean;
  /**
   * Something to tell on the panel's first screen (« Vous avez une réponse »), or null. Asked once per page load,
   * when the panel first opens; what it needs is loaded lazily, so that it costs the panel nothing.
   */
  notice?(context: ViewContext): Promise<TemplateResult | null>;
}
