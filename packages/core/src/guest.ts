/**
 * The widget is a guest on the host page: what it appends to the body (the floating launcher, the panel, the live
 * regions) must not change the page's layout at all, its height included, whatever the page's own rules
 * (`body > * { display: block; margin… }`, `aide-help { display: inline-block }`). `display: contents` gives the
 * element no box of its own (its fixed-position content is all there is), set inline through the CSSOM with
 * !important: allowed under a strict CSP, and stronger than any rule of the page.
 */
export function guestStyle(element: HTMLElement): void {
  element.style.setProperty('display', 'contents', 'important');
}
