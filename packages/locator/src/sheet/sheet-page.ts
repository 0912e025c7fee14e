/**
 * sheet.html: the printable help sheet. Reads its content from the URL fragment and builds the page node by
 * node (no innerHTML: it runs under Trusted Types too), then offers to print.
 */
import { fromBase64Url, type SheetData } from './sheet-data.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, parent?: HTMLElement): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  parent?.append(node);
  return node;
}

function render(data: SheetData): void {
  document.documentElement.lang = data.locale;
  document.documentElement.dir = data.locale === 'ar' ? 'rtl' : 'ltr';
  document.title = data.title;
  const main = element('main');
  element('h1', data.title, main);
  if (data.origin) element('p', `${data.labels.near} ${data.origin}`, main);
  if (data.tutorial) element('p', data.tutorial, main).className = 'tutorial';
  element('h2', data.labels.places, main);
  const list = element('ol', undefined, main);
  for (const place of data.places) {
    const item = element('li', undefined, list);
    element('h3', place.name, item);
    element('p', `${place.address} (${place.distance})`, item);
    if (place.phone) element('p', `${data.labels.phone} : ${place.phone}`, item);
    const hours = element('ul', undefined, item);
    hours.setAttribute('aria-label', data.labels.hours);
    for (const line of place.hours) element('li', line, hours);
  }
  if (data.phoneLine) {
    element('h2', data.labels.phoneLine, main);
    element('p', `${data.phoneLine.name} : ${data.phoneLine.display}`, main).className = 'phone';
    element('p', data.phoneLine.hours, main);
    element('p', data.phoneLine.cost, main);
  }
  const print = element('button', data.labels.print, main);
  print.type = 'button';
  print.addEventListener('click', () => window.print());
  document.body.replaceChildren(main);
  print.focus();
}

try {
  render(JSON.parse(fromBase64Url(location.hash.slice(1))) as SheetData);
} catch {
  document.body.textContent = 'Fiche introuvable : revenez à l’aide et préparez-la de nouveau.';
}
