/**
 * The widget's one busy state. Whatever a person activates that waits for the network or the device (opening the
 * panel, a view, the tutorial list, a tutorial, a search, sending an opinion), the control they activated shows it
 * at once (`data-busy`: a spinner drawn by the shared styles, cursor "progress"), and screen readers hear what is
 * being waited for ("Recherche en cours…") once the wait passes BUSY_SAY_AFTER_MS: an answer that comes quicker is
 * only seen, not said, so that a quick filter does not fill the live region with noise. Both happen within 100 ms of
 * the activation; `scripts/bench-slow-phone.ts` measures it on a slow phone profile.
 *
 * `markBusy` is framework-free (the launcher in aide.js and the panel use it); BusyController (busy-controller.ts) is
 * the Lit elements' way.
 */
import { announce } from './announce.ts';

/** A wait shorter than this is not announced (it is over before a screen reader could say it). */
export const BUSY_SAY_AFTER_MS = 50;

/**
 * Marks `element` busy (when given) and says `message` if the wait lasts, with `say`: the widget's live region
 * (`sayBusy`), or the launcher's own (aide.js is too small to hold the announcer). Returns the function that ends it;
 * ending twice is harmless.
 */
export function markBusy(element: Element | null | undefined, message: string, say: (message: string) => void): () => void {
  element?.setAttribute('data-busy', '');
  const timer = setTimeout(() => say(message), BUSY_SAY_AFTER_MS);
  return () => {
    clearTimeout(timer);
    element?.removeAttribute('data-busy');
  };
}

/** Says a busy message in the widget's polite live region, in `lang`. */
export const sayBusy = (lang: string) => (message: string) => announce(message, 'polite', lang);
