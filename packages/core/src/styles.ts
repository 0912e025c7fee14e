/**
 * Design tokens and shared rules, as plain CSS strings so that the Lit components (through unsafeCSS)
 * and the framework-free launcher share them. Tokens are layered: the integrator's --aide-* override,
 * then the DSFR decision token when the host page uses the DSFR, then a literal value.
 * Everything is scoped to :host: nothing leaks into the page, and page CSS only gets in through
 * custom properties and ::part.
 */

/**
 * One set of tokens as CSS: `light` on :host, `dark` under the dark theme (the device's preference unless the page
 * set theme="light", or theme="dark"). Sets may follow one another: each block only declares its own properties.
 */
const themed = (light: string, dark: string) => `
:host {${light}  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme='light'])) {${dark}  color-scheme: dark;
  }
}
:host([theme='dark']) {${dark}  color-scheme: dark;
}
`;

// The tokens a button needs, light and dark: all the launcher of aide.js carries (what a page downloads before anyone
// clicks), and the start of every component's tokens.
const buttonLight = `
  --_primary: var(--aide-color-primary, var(--aide-brand, var(--background-action-high-blue-france, #000091)));
  --_primary-hover: var(--aide-color-primary-hover, var(--aide-brand, var(--background-action-high-blue-france-hover, #1212ff)));
  --_on-primary: var(--aide-color-on-primary, #ffffff);
  --_focus: var(--aide-color-focus, #0a76f6);
  --_font: var(--aide-font-family, Marianne, arial, sans-serif);
  --_shadow: var(--aide-shadow, 0 0.375rem 1.125rem rgba(0, 0, 18, 0.16));
`;
const buttonDark = `
  --_primary: var(--aide-color-primary, var(--aide-brand, #8585f6));
  --_primary-hover: var(--aide-color-primary-hover, var(--aide-brand, #b1b1f9));
  --_on-primary: var(--aide-color-on-primary, var(--_on-brand, #161616));
  --_focus: var(--aide-color-focus, #4d90fe);
`;

/** The launcher's tokens (see buttonLight). */
export const buttonTokensCss = /* @__PURE__ */ themed(buttonLight, buttonDark);

/** Every token: the button's, then those of text, surfaces, borders and states. */
export const tokensCss = /* @__PURE__ */ themed(
  buttonLight +
    `
  --_link: var(--aide-color-link, var(--aide-brand, var(--text-action-high-blue-france, #000091)));
  --_text: var(--aide-color-text, var(--text-default-grey, #161616));
  --_text-mention: var(--aide-color-text-mention, var(--text-mention-grey, #666666));
  --_bg: var(--aide-color-background, var(--background-default-grey, #ffffff));
  --_bg-alt: var(--aide-color-background-alt, var(--background-alt-grey, #f6f6f6));
  --_bg-contrast: var(--aide-color-background-contrast, var(--background-contrast-grey, #eeeeee));
  --_border: var(--aide-color-border, #666666);
  --_border-light: var(--aide-color-border-light, var(--border-default-grey, #dddddd));
  --_success: var(--aide-color-success, #18753c);
  --_error: var(--aide-color-error, #ce0500);
  --_info: var(--aide-color-info, #0063cb);
  --_warning: var(--aide-color-warning, #b34000);
  --_radius: var(--aide-radius, 0.25rem);
  --_target: max(2.75em, 44px);
`,
  buttonDark +
    `
  --_link: var(--aide-color-link, #8585f6);
  --_text: var(--aide-color-text, #cecece);
  --_text-mention: var(--aide-color-text-mention, #a6a6a6);
  --_bg: var(--aide-color-background, #161616);
  --_bg-alt: var(--aide-color-background-alt, #1e1e1e);
  --_bg-contrast: var(--aide-color-background-contrast, #242424);
  --_border: var(--aide-color-border, #929292);
  --_border-light: var(--aide-color-border-light, #353535);
  --_success: var(--aide-color-success, #27a658);
  --_error: var(--aide-color-error, #ff5655);
  --_info: var(--aide-color-info, #518fff);
  --_warning: var(--aide-color-warning, #fc5d00);
`,
);

/**
 * Base rules every component starts from: a reset that survives hostile page CSS (page rules
 * never reach inside the shadow root, but inherited properties do), a visible focus ring,
 * big targets, reduced motion and forced colours.
 * Sizes inside components are in em, from the host's size: alone on a page the host is 1rem (the page's root
 * size); in the panel it takes the panel's, the person's text size, so that a page's `html { font-size: 62.5% }`
 * does not shrink headings and paddings. Targets never go under 44 px (--_target).
 */
export const baseCss = `
:host {
  font-family: var(--_font);
  font-size: 1rem;
  line-height: 1.5;
  color: var(--_text);
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  font-weight: 400;
  font-style: normal;
  white-space: normal;
}
:host([hidden]) { display: none !important; }
:host([in-panel]) { font-size: inherit; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
h1, h2, h3, h4, h5, h6 { font-weight: 700; line-height: 1.3; margin: 0 0 0.6em; color: inherit; }
p { margin: 0 0 0.75em; }
a { color: var(--_link); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
[tabindex='-1']:focus { outline: none; }
[tabindex='-1']:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
button, input, select, textarea { font: inherit; color: inherit; letter-spacing: inherit; word-spacing: inherit; }
/* Text fields, DSFR style: a contrasted background and a bottom border (3:1 with the background, RGAA 3.3). */
input[type='text'], input[type='search'], textarea {
  width: 100%; min-height: var(--_target); padding: 0.5em 0.75em;
  border: 0; border-block-end: 2px solid var(--_border); border-radius: var(--_radius) var(--_radius) 0 0;
  background: var(--_bg-contrast); color: var(--_text);
}
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.5em;
  min-height: var(--_target); min-width: var(--_target); padding: 0.5em 1em;
  border: 2px solid var(--_primary); border-radius: var(--_radius);
  background: var(--_primary); color: var(--_on-primary);
  font-weight: 500; line-height: 1.25; text-align: center; text-decoration: none; cursor: pointer;
}
.button:hover { background: var(--_primary-hover); border-color: var(--_primary-hover); }
.button.secondary { background: transparent; color: var(--_link); border-color: var(--_link); }
.button.secondary:hover { background: var(--_bg-alt); }
.button.tertiary { background: transparent; color: var(--_link); border-color: transparent; text-decoration: underline; }
.button.tertiary:hover { background: var(--_bg-alt); }
.button:disabled, .button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
.icon { width: 1.25em; height: 1.25em; flex: none; fill: currentColor; }
.visually-hidden {
  position: absolute !important; width: 1px !important; height: 1px !important; padding: 0 !important;
  margin: -1px !important; overflow: hidden !important; clip: rect(0 0 0 0) !important;
  white-space: nowrap !important; border: 0 !important;
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .button { border-color: ButtonText; forced-color-adjust: none; background: ButtonFace; color: ButtonText; }
  .button:hover { border-color: Highlight; }
  :focus-visible, [tabindex='-1']:focus-visible { outline: 3px solid Highlight; }
  .icon { fill: currentColor; }
}
`;
