/** @aide/masking as the story form's own lazy chunk (named `masking`), loaded when the form is on screen. */
export { maskPersonalData } from '@aide/masking';
