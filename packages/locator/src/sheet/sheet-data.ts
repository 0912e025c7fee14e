/**
 * The help sheet travels to its print page in the URL's fragment: never sent to any server, works offline,
 * and the page is served from the widget's own origin (so the host page's print styles don't get in the way).
 */
export interface SheetData {
  locale: string;
  title: string;
  origin: string;
  tutorial: string | null;
  places: SheetPlace[];
  /** `hours`: the line's weekly hours in words (never "open now": the paper is read later). */
  phoneLine: { name: string; display: string; tel: string; hours: string; cost: string } | null;
  labels: { print: string; places: string; phoneLine: string; phone: string; hours: string; near: string; day: string; hoursColumn: string };
}

/**
 * A place on the sheet: its weekly hours day by day (what stays true on paper, not « rouvre demain »), its phone
 * number as text and as a tel: link.
 */
export interface SheetPlace {
  name: string;
  address: string;
  distance: string;
  phone: { display: string; tel: string } | null;
  /** [day, hours] Monday first; null when the hours are not known (`hoursNote` says so). */
  week: [string, string][] | null;
  /** « Horaires : se renseigner », « Fermé les jours fériés. », or null. */
  hoursNote: string | null;
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
