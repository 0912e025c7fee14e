/**
 * The help sheet travels to its print page in the URL's fragment: never sent to any server, works offline,
 * and the page is served from the widget's own origin (so the host page's print styles don't get in the way).
 */
export interface SheetData {
  locale: string;
  title: string;
  origin: string;
  tutorial: string | null;
  places: { name: string; address: string; distance: string; phone: string | null; hours: string[] }[];
  phoneLine: { name: string; display: string; hours: string; cost: string } | null;
  labels: { print: string; places: string; phoneLine: string; phone: string; hours: string; near: string };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** sheet.html sits next to aide.js; `placesIndexUrl` is …/places/index.json. */
export function sheetUrl(placesIndexUrl: string, data: SheetData): string {
  const page = new URL('../sheet.html', new URL(placesIndexUrl, document.baseURI));
  page.hash = toBase64Url(JSON.stringify(data));
  return page.href;
}
