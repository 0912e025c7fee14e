/**
 * Launcher styles. Layout sits on the inner button, never on :host, because page rules such as
 * `* { all: revert }` win over :host rules but cannot reach inside the shadow root.
 */
export const launcherCss = `
:host { display: inline-block; }
button {
  display: inline-flex; align-items: center; gap: 0.5rem;
  min-height: 2.75rem; margin: 0; padding: 0.5rem 1.25rem 0.5rem 1rem;
  border: 2px solid var(--_primary); border-radius: 1.5rem;
  background: var(--_primary); color: var(--_on-primary);
  font: 500 1rem/1.25 var(--_font); letter-spacing: normal; word-spacing: normal; text-transform: none;
  cursor: pointer; box-shadow: var(--_shadow);
}
button:hover { background: var(--_primary-hover); border-color: var(--_primary-hover); }
button:focus-visible { outline: 3px solid var(--_focus); outline-offset: 3px; }
svg { width: 1.5rem; height: 1.5rem; flex: none; fill: currentColor; }
.floating { position: fixed; z-index: 2147482000; bottom: 1rem; inset-inline-end: 1rem; max-width: calc(100% - 2rem); }
.floating.start { inset-inline-end: auto; inset-inline-start: 1rem; }
.inline { box-shadow: none; }
.concealed { display: none; }
@media print { button { display: none; } }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.15s; } }
@media (forced-colors: active) {
  button { border-color: ButtonText; background: ButtonFace; color: ButtonText; forced-color-adjust: none; }
  button:hover { border-color: Highlight; }
  button:focus-visible { outline-color: Highlight; }
}
`;
