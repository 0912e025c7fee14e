/** In the browser: sanitise tutorial HTML with the shared policy, against this page's window. */
import { createSanitizer, type Sanitizer } from './policy.ts';

let sanitizer: Sanitizer | undefined;

export function sanitizeHtml(html: string): string {
  sanitizer ??= createSanitizer(window);
  return sanitizer(html);
}
