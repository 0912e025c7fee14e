/**
 * The component views of the panel. Each view's code is its own chunk, loaded on first use.
 */
import type { TemplateResult } from 'lit';
import type { AideConfig, Entry } from '@aide/core/config';
import type { PanelView } from '@aide/core/events';
import type { Locale } from '@aide/core/i18n';

export interface ViewContext {
  config: AideConfig;
  locale: Locale;
  theme: string;
}

export interface ComponentView {
  view: Exclude<PanelView, 'home' | 'accessibility'>;
  /** The configuration entry that turns it on or off. */
  entry: Entry;
  icon: TemplateResult;
  load(): Promise<unknown>;
  render(context: ViewContext): TemplateResult;
  /** Whether the view can work with this configuration (feedback needs an endpoint). */
  available(config: AideConfig): boolean;
}

export const componentViews: ComponentView[] = [];
