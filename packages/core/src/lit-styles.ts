import { unsafeCSS, type CSSResult } from 'lit';
import { tokensCss, baseCss } from './styles.ts';

/** Tokens and base rules for Lit components: `static styles = [sharedStyles, css\`…\`]`. */
export const sharedStyles: CSSResult = unsafeCSS(tokensCss + baseCss);
