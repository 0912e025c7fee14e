/**
 * sheet.html: the printable help sheet. Reads its content from the URL fragment and builds the page node by
 * node (no innerHTML: it runs under Trusted Types too), then offers to print.
 */
import { fromBase64Url, type SheetData, type SheetPlace } from './sheet-data.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, parent?: HTMLElement): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  parent?.append(node);
  return node;
}

/** A phone number as text on paper, and as a link on a phone's screen. */
function phoneLink(display: string, tel: string, parent: HTMLElement): void {
  const link = element('a', display, parent);
  link.href = `tel:${tel}`;
}

/** The week, day by day, in a real table (a row header per day). */
function weekTable(place: SheetPlace, labels: SheetData['labels'], parent: HTMLElement): void {
  if (!place.week) return;
  const table = element('table', undefined, parent);
  element('caption', `${labels.hours} : ${place.name}`, table);
  const head = element('tr', undefined, element('thead', undefined, table));
  for (const label of [labels.day, labels.hoursColumn]) element('th', label, head).scope = 'col';
  const body = element('tbody', undefined, table);
  for (const [day, hours] of place.week) {
    const row = element('tr', undefined, body);
    element('th', day, row).scope = 'row';
    element('td', hours, row);
  }
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
    if (place.phone) phoneLink(place.phone.display, place.phone.tel, element('p', `${data.labels.phone} : `, item));
    weekTable(place, data.labels, item);
    if (place.hoursNote) element('p', place.hoursNote, item);
  }
  if (data.phoneLine) {
    element('h2', data.labels.phoneLine, main);
    const phone = element('p', `${data.phoneLine.name} : `, main);
    phone.className = 'phone';
    phoneLink(data.phoneLine.display, data.phoneLine.tel, phone);
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
