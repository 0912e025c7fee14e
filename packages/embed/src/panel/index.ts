/**
 * The panel chunk: loaded on the first click on the launcher (or when the browser is idle).
 */
import './define.ts';
import { guestParent, guestStyle } from '@aide/core';
import type { AidePanel } from './panel.ts';
import { savedPanelState } from './panel.ts';
import type { PanelApi, ShowPanelOptions } from './api.ts';

function panelElement(): AidePanel {
  let panel = document.querySelector('aide-panel');
  if (!panel) {
    panel = document.createElement('aide-panel');
    // No box in the page's layout, whatever the page's rules for the body's children (core's guestStyle).
    guestStyle(panel);
    // At the end of the body: after the page in the Tab order, outside any container that could clip it (or at the
    // root when the body would hold the fixed panel in its box: core's guestParent).
    guestParent().append(panel);
  }
  return panel;
}

export const followStep: PanelApi['followStep'] = (place) => {
  const panel = document.querySelector('aide-panel');
  if (panel?.config) panel.config = { ...panel.config, ...place };
};

export const showPanel: PanelApi['showPanel'] = (options: ShowPanelOptions) => {
  const panel = panelElement();
  panel.config = options.config;
  panel.launchers = options.launchers;
  if (options.launcher) panel.launcher = options.launcher;
  const restore = options.moveFocus ? undefined : savedPanelState();
  void panel.show({ moveFocus: options.moveFocus, view: options.view, restore });
};
