import type { AideConfig, PanelView } from '@aide/core';
import type { AideHelpElement } from '../launcher/launcher.ts';

/** What survives navigation between the pages of a procedure (sessionStorage, this tab only). */
export interface PanelState {
  open: boolean;
  reduced: boolean;
  view: PanelView;
}

export interface ShowPanelOptions {
  config: AideConfig;
  /** The launcher that opened the panel; focus returns to it on close. */
  launcher: AideHelpElement | null;
  /** Every launcher on the page, to keep their aria-expanded in step. */
  launchers: () => AideHelpElement[];
  /** False when the panel is restored after a navigation: focus stays where the page puts it. */
  moveFocus: boolean;
  view?: PanelView | undefined;
}

/** What the panel chunk exports to the loader. */
export interface PanelApi {
  showPanel(options: ShowPanelOptions): void;
  /** The page moved to another step of its procedure (a form on one page): the panel's views follow. */
  followStep(place: Pick<AideConfig, 'procedure' | 'step'>): void;
}
