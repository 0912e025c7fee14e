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

/**
 * Where the widget's fixed-position elements go: the end of the body, unless the body holds fixed elements in its own
 * box (a transform — the old `translateZ(0)` hack —, a filter, containment…): they would then be placed and moved with
 * the body, not the screen; the root is their parent then (still after the page in the Tab order).
 */
export function guestParent(): HTMLElement {
  const body = getComputedStyle(document.body);
  // Short on purpose: aide.js carries it, within its size budget.
  const holdsFixed =
    (body.transform + body.translate + body.scale + body.rotate + body.perspective + body.filter + body.backdropFilter).replace(/none/g, '') ||
    /transform|perspective|filter|layout|paint|strict|content|size/.test(body.willChange + body.contain + body.containerType);
  return holdsFixed ? document.documentElement : document.body;
}
