/**
 * `@aide/core`: what every part of the widget shares, framework-free (the loader uses it too, within its 6 KB
 * budget: the package has no side effects, so a bundle keeps only what it imports). Safe to import in Node.
 * The Lit layer is `@aide/core/element`, Markdown is `@aide/core/markdown`, test helpers are `@aide/core/testing`.
 */
export { fold, words } from './text.ts';
export * from './i18n.ts';
export * from './config.ts';
export * from './attributes.ts';
export * from './session.ts';
export * from './storage.ts';
export * from './focus.ts';
export * from './announce.ts';
export { tokensCss, buttonTokensCss, baseCss } from './styles.ts';
export { busyCss } from './busy-styles.ts';
export { guestParent, guestStyle } from './guest.ts';
export * from './events.ts';
export * from './context.ts';
export * from './page-target.ts';
export * from './phone-line.ts';
export * from './pending-feedback.ts';
export * from './request.ts';
export * from './timeout.ts';
export { markBusy, sayBusy, BUSY_SAY_AFTER_MS } from './busy.ts';
