/** Focus management shared by the panel and the components. */

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Moves focus to an element that may not be focusable by nature (a heading, a container):
 * it gets tabindex="-1" so focus can land there without entering the Tab order.
 */
export function focusElement(element: HTMLElement | null | undefined, options: FocusOptions = {}): boolean {
  if (!element) return false;
  if (!element.hasAttribute('tabindex') && !isNativelyFocusable(element)) element.setAttribute('tabindex', '-1');
  element.focus(options);
  return deepActiveElement() === element || element.matches(':focus');
}

function isNativelyFocusable(element: Element): boolean {
  return (
    element.matches('a[href], button, input, select, textarea, summary, iframe, [contenteditable]') &&
    !element.matches(':disabled')
  );
}

/** Whether focus is currently inside `host` (including its shadow tree). */
export function containsFocus(host: Element): boolean {
  let active: Element | null = document.activeElement;
  if (!active) return false;
  if (host === active || host.contains(active)) return true;
  while (active?.shadowRoot) {
    active = active.shadowRoot.activeElement;
    if (active && (host === active || host.contains(active))) return true;
  }
  return false;
}

/** Whether an element is rendered and visible enough to receive focus or be shown. */
export function isVisible(element: Element): boolean {
  if (typeof (element as HTMLElement & { checkVisibility?: (o?: object) => boolean }).checkVisibility === 'function') {
    return (element as HTMLElement & { checkVisibility: (o?: object) => boolean }).checkVisibility({
      checkOpacity: true,
      checkVisibilityCSS: true,
    });
  }
  const rect = element.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}
