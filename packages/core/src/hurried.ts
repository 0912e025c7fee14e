/**
 * Hurried hands: a double click is one action. The second click of a double click (MouseEvent.detail 2, 3…) on a
 * control of the widget is dropped, before any handler of the component sees it: it would otherwise run the same
 * action twice (two steps instead of one, a second search), or land on whatever the first click put under the pointer
 * (« Me montrer » where « Étape suivante » was). Keyboard activations (detail 0) and key repeat are not affected;
 * their handlers are safe to run in any order (each component's own guards). Text fields keep their double click
 * (it selects a word). The same rule as GOV.UK Frontend's data-prevent-double-click, for every control at once.
 */
const CONTROLS = 'button, a[href], summary, label, [role=button], [role=option], [role=tab], input[type=checkbox], input[type=radio]';

export function ignoreRepeatedClick(event: Event): void {
  if (!(event instanceof MouseEvent) || event.detail < 2) return;
  const target = event.composedPath()[0];
  if (!(target instanceof Element) || !target.closest(CONTROLS)) return;
  event.preventDefault();
  event.stopImmediatePropagation();
}
