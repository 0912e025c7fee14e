/**
 * `@aide/embed`: the help panel and its launcher, for pages that bundle the widget themselves instead of loading
 * aide.js (which is built from src/loader/loader.ts). No side effect: `@aide/embed/define` registers the tags.
 */
export { AidePanel } from './panel/panel.ts';
export { AideHelpElement } from './launcher/launcher.ts';
export { componentViews } from './panel/views.ts';
export type { PanelApi, PanelState, ShowPanelOptions } from './panel/api.ts';
