/**
 * The locator's templates for what it lists: a place (name, distance, address, opening hours now and for the
 * week, phone, labels, services, links, "add to the help sheet"), the national phone line, the filters and the
 * data sources. They render what the element gives them (LocatorView) and call back its actions.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { heading } from '@aide/core/element';
import { NATIONAL_PHONE_LINE, type Locale } from '@aide/core';
import { openingState, phoneLineSchedule, type OpeningState } from '../engine/hours.ts';
import { ADMINISTRATIVE_HELP, hasFlag, valuesOf, WHEELCHAIR_VALUE, type PlaceFilters } from '../engine/filters.ts';
import type { PlaceResult } from '../engine/source.ts';
import type { Attribution, PhoneLineConfig, Vocabularies, WeeklySchedule } from '../engine/types.ts';
import type { LocatorStrings } from './strings.ts';
import { dayHours, dayName, openingText, phoneLineText, weekSummary } from './hours-text.ts';

export interface LocatorView {
  t: LocatorStrings;
  locale: Locale;
  now: Date;
  /** Level of the sections (results, phone line, sheet); a place's name is one level below. */
  sectionLevel: number;
  vocabularies: Vocabularies;
  phoneLine: PhoneLineConfig | null;
  filters: PlaceFilters;
  filtersOpen: boolean;
  forSheet: Set<string>;
  toggleFilters(): void;
  setFilter(update: Partial<PlaceFilters>): void;
  toggleValue(key: ValueFilter, value: string, on: boolean): void;
  clearFilters(): void;
  toggleSheet(placeId: string, on: boolean): void;
}

export type ValueFilter = 'services' | 'supportKinds' | 'publics' | 'specificSupport' | 'labels';

export const icon = (path: TemplateResult) => html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;
const pinIcon = svg`<path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z"/>`;
const phoneIcon = svg`<path d="M6.6 10.8a15.2 15.2 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.24 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1Z"/>`;
const clockIcon = svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 10.4 3.2 3.2-1.4 1.4L11 13.2V6h2Z"/>`;
export const externalIcon = svg`<path d="M14 3h7v7h-2V6.4l-8.3 8.3-1.4-1.4L17.6 5H14V3ZM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z"/>`;

/** A phone number kept on one line: no-break spaces. */
const unbreakable = (text: string) => text.replace(/ /g, '\u00a0');

/** "01 70 772 372" style for French numbers, the E.164 form elsewhere. */
export function displayPhone(e164: string): string {
  const fr = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  if (fr) return `0${fr[1]} ${fr[2]} ${fr[3]} ${fr[4]} ${fr[5]}`;
  const overseas = /^\+(590|594|262|596|269|687|689|508|681)(\d+)$/.exec(e164);
  return overseas ? `+${overseas[1]} ${overseas[2]!.replace(/(\d{3})(?=\d)/g, '$1 ')}` : e164;
}

/** A value of the standard as shown: in the catalogue's language, else in the data's plain French, else as it is. */
const term = (v: LocatorView, value: string) => v.t.vocabulary?.[value] ?? v.vocabularies.plainFr[value] ?? value;

export function renderPhoneLine(v: LocatorView) {
  const t = v.t;
  const line = v.phoneLine;
  return html`
    <section part="phone-line" class="phone-line" aria-labelledby="phone-line-title">
      ${heading(v.sectionLevel, t.phoneLineTitle, { id: 'phone-line-title' })}
      <p lang="fr" dir="ltr"><strong>${line?.name ?? NATIONAL_PHONE_LINE.name}</strong> — ${line?.description ?? ''}</p>
      <p>
        <a class="button call" href="tel:${line?.tel ?? NATIONAL_PHONE_LINE.tel}">${icon(phoneIcon)}${t.phoneLineCall(unbreakable(line?.display ?? NATIONAL_PHONE_LINE.display))}</a>
      </p>
      ${line ? html`<p class="hours-line">${icon(clockIcon)}<span>${phoneLineText(t, v.locale, line, v.now)}</span></p>` : nothing}
      ${line ? html`<p class="week-summary">${t.phoneLineWeek(weekSummary(t, v.locale, phoneLineSchedule(line)))}</p>` : nothing}
      ${line ? html`<p class="mention" lang="fr" dir="ltr">${line.cost}</p>` : nothing}
    </section>
  `;
}

/** Every place has one: the place's name, unseen, tells them apart when going from control to control. */
function renderWeekHours(v: LocatorView, schedule: WeeklySchedule, closedOnHolidays: boolean, id: string, name: string) {
  const t = v.t;
  const of = html`<span class="visually-hidden"> : ${name}</span>`;
  return html`<details class="week">
    <summary>${t.weekHours}${of}</summary>
    <table>
      <caption class="visually-hidden">${t.weekHours}${of}</caption>
      <thead>
        <tr><th scope="col">${t.day}</th><th scope="col">${t.hoursColumn}</th></tr>
      </thead>
      <tbody>
        ${schedule.map(
          (day, i) => html`<tr>
            <th scope="row" id="${id}-d${i}">${dayName(v.locale, i)}</th>
            <td>${dayHours(t, v.locale, day)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${closedOnHolidays ? html`<p>${t.closedOnHolidays}</p>` : nothing}
  </details>`;
}

/** A place's opening state at `now` ("se renseigner" when its hours could not be read). */
export function placeOpening(result: PlaceResult, now: Date): OpeningState {
  return result.place.hu ? { state: 'unknown' } : openingState(result.schedule, now);
}

export function renderPlace(v: LocatorView, result: PlaceResult, index: number) {
  const t = v.t;
  const { place } = result;
  const state = placeOpening(result, v.now);
  const services = valuesOf(v.vocabularies.services, place.s);
  const labels = valuesOf(v.vocabularies.labels, place.l);
  const id = `place-${index}`;
  const fullAddress = `${place.a}, ${place.z} ${place.m}`;
  const external = (href: string, label: string, name: string) =>
    html`<li><a href=${href} target="_blank" rel="noopener noreferrer" aria-label=${`${name} (${t.newWindow})`}>${label}${icon(externalIcon)}</a></li>`;
  // The space before « (position approximative…) » is part of its text: a space of its own next to Lit's marker is
  // lost to screen readers in Chromium (harness: words-spaced).
  return html`<li class="place">
    <article aria-labelledby="${id}-name">
      ${heading(v.sectionLevel + 1, place.n, { id: `${id}-name` })}
      <p class="distance">${icon(pinIcon)}<span>${t.distance(result.distanceKm, v.locale)}${place.ap ? html`<span class="mention">${` (${t.approximate})`}</span>` : nothing}</span></p>
      <p class="address" lang="fr" dir="ltr">${fullAddress}</p>
      <p class="hours-line ${state.state}">${icon(clockIcon)}<span>${openingText(t, v.locale, state)}</span></p>
      ${result.schedule ? renderWeekHours(v, result.schedule, !!place.ph, id, place.n) : nothing}
      ${place.t
        ? // Two places may share a number: the link says whose it is.
          html`<p>${t.phone}${t.colon}<a class="tel" href="tel:${place.t}">${unbreakable(displayPhone(place.t))}<span class="visually-hidden"> (${t.phoneOf(place.n)})</span></a></p>`
        : nothing}
      ${labels.length
        ? // Named by a text before it, not aria-label: a list has no name to give (html-validate aria-label-misuse).
          html`<p class="visually-hidden">${t.filterLabels} :</p>
            <ul class="labels">
              ${labels.map((l) => html`<li>${term(v, l)}</li>`)}
            </ul>`
        : nothing}
      ${services.length ? html`<p class="services"><span class="label">${t.services}${t.colon}</span>${services.map((s) => term(v, s)).join(t.listSeparator)}.</p>` : nothing}
      ${hasFlag(v.vocabularies.specificSupport, place.ps, WHEELCHAIR_VALUE) ? html`<p>${t.wheelchair}</p>` : nothing}
      ${place.it ? html`<p>${t.mobile}</p>` : nothing}
      <ul class="links">
        ${external(`https://www.openstreetmap.org/directions?to=${place.y}%2C${place.x}`, t.directions, t.directionsOf(place.n))}
        ${place.w ? external(place.w, t.website, t.websiteOf(place.n)) : nothing}
        ${place.r ? external(place.r, t.appointment, t.appointmentOf(place.n)) : nothing}
        ${place.al ? external(place.al, t.accessibilitySheet, t.accessibilitySheetOf(place.n)) : nothing}
      </ul>
      <p class="mention">${t.updated(new Intl.DateTimeFormat(v.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(place.u)))}</p>
      <p class="check">
        <input
          type="checkbox"
          id="${id}-sheet"
          .checked=${v.forSheet.has(place.id)}
          @change=${(e: Event) => v.toggleSheet(place.id, (e.target as HTMLInputElement).checked)}
        />
        <label for="${id}-sheet">${t.addToSheet}<span class="visually-hidden"> : ${place.n}</span></label>
      </p>
    </article>
  </li>`;
}

function checkbox(id: string, label: string, checked: boolean, onChange: (on: boolean) => void) {
  return html`<p class="check">
    <input type="checkbox" id=${id} .checked=${checked} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
    <label for=${id}>${label}</label>
  </p>`;
}

export function activeFilterCount(f: PlaceFilters): number {
  return (
    Number(!!f.openNow) + Number(!!f.freeOfCharge) + Number(!!f.wheelchair) +
    (f.services?.length ?? 0) + (f.supportKinds?.length ?? 0) + (f.publics?.length ?? 0) + (f.specificSupport?.length ?? 0) + (f.labels?.length ?? 0)
  );
}

/**
 * The filters: the three most used in sight (open now, free of charge, help with administrative procedures), the
 * rest (about 35 boxes) behind « Plus de filtres », a disclosure whose name counts the active filters it hides.
 */
export function renderFilters(v: LocatorView) {
  const t = v.t;
  const f = v.filters;
  const vocabularies = v.vocabularies;
  const group = (legend: string, key: ValueFilter, values: string[]) => html`
    <fieldset>
      <legend>${legend}</legend>
      ${values.map((value, i) => checkbox(`filter-${key}-${i}`, term(v, value), (f[key] ?? []).includes(value), (on) => v.toggleValue(key, value, on)))}
    </fieldset>
  `;
  const count = activeFilterCount(f);
  const adminOn = (f.services ?? []).includes(ADMINISTRATIVE_HELP);
  const hidden = count - Number(!!f.openNow) - Number(!!f.freeOfCharge) - Number(adminOn);
  return html`
    <div class="filters">
      <fieldset class="main-filters">
        <legend>${t.filters}</legend>
        ${checkbox('filter-open', t.filterOpenNow, !!f.openNow, (on) => v.setFilter({ openNow: on }))}
        ${checkbox('filter-free', t.filterFree, !!f.freeOfCharge, (on) => v.setFilter({ freeOfCharge: on }))}
        ${checkbox('filter-admin', term(v, ADMINISTRATIVE_HELP), adminOn, (on) => v.toggleValue('services', ADMINISTRATIVE_HELP, on))}
      </fieldset>
      <button type="button" class="button tertiary filters-toggle" aria-expanded=${v.filtersOpen ? 'true' : 'false'} aria-controls="filters" @click=${() => v.toggleFilters()}>
        ${t.moreFilters}${hidden ? html` <span class="count">(${t.filtersActive(hidden)})</span>` : nothing}
      </button>
      <div id="filters" class="filter-panel" ?hidden=${!v.filtersOpen}>
        ${checkbox('filter-wheelchair', t.filterWheelchair, !!f.wheelchair, (on) => v.setFilter({ wheelchair: on }))}
        ${group(t.filterServices, 'services', vocabularies.services.filter((s) => s !== ADMINISTRATIVE_HELP))}
        ${group(t.filterSupportKinds, 'supportKinds', vocabularies.supportKinds)}
        ${group(t.filterSpecificSupport, 'specificSupport', vocabularies.specificSupport.filter((s) => s !== WHEELCHAIR_VALUE))}
        ${group(t.filterPublics, 'publics', vocabularies.publics)}
        ${group(t.filterLabels, 'labels', vocabularies.labels)}
      </div>
      ${count ? html`<button type="button" class="button tertiary" @click=${() => v.clearFilters()}>${t.clearFilters}</button>` : nothing}
    </div>
  `;
}

/** A source's date in words, in French like the sources' names: « 1 août 2024 », « décembre 2022 », « 2026 ». */
export function sourceDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month) return date;
  const options: Intl.DateTimeFormatOptions = day ? { dateStyle: 'long', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('fr', options).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}

export function renderSources(t: LocatorStrings, a: Attribution | null) {
  if (!a) return nothing;
  return html`<details class="sources">
    <summary>${t.sources}</summary>
    <p>${t.sourcesIntro}</p>
    <!-- The operator's data and texts are in French, whatever the widget's language (RGAA 8.7, 8.10). -->
    <ul lang="fr" dir="ltr">
      ${a.sources.map((s) => html`<li>${s.name} (${s.licence}${s.date ? `, ${sourceDate(s.date)}` : ''})</li>`)}
    </ul>
    <p lang="fr" dir="ltr">${a.notice}</p>
  </details>`;
}
