/**
 * The locator's page: the search form (with the combobox the element's controller renders), then the results
 * (heading, other communes, filters, places, "more", the help sheet), the phone line and the sources.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { heading } from '@aide/core/element';
import { hasFlag, FRANCE_SERVICES_LABEL } from '../engine/filters.ts';
import type { Point } from '../engine/geo.ts';
import type { PlaceResult } from '../engine/source.ts';
import type { Attribution, CommuneEntry } from '../engine/types.ts';
import { communeLabel } from './combobox.ts';
import { activeFilterCount, icon, placeOpening, renderFilters, renderPhoneLine, renderPlace, renderSources, type LocatorView } from './place-view.ts';
import { nextOpeningText } from './hours-text.ts';
import type { Locale } from '@aide/core';
import type { LocatorStrings } from './strings.ts';

/** Places farther than this are "not near": the phone line comes first. */
export const NEARBY_KM = 30;

export interface Origin {
  label: string;
  point: Point;
  /** The commune searched around (null for the device's position). */
  commune: CommuneEntry | null;
  /** Other communes with the same postal code or name, to switch to. */
  others: CommuneEntry[];
  /** What the other communes share with this one: the postal code typed, or the name (homonyms). */
  shared: { by: 'postcode' | 'name'; value: string } | null;
}

export interface LocatorPageView extends LocatorView {
  headingLevel: number;
  inPanel: boolean;
  attribution: Attribution | null;
  status: 'idle' | 'loading' | 'results' | 'error';
  /** Why the places could not be read, in words (null when they could). */
  dataError: string | null;
  /** The field's error, in words. */
  fieldError: string | null;
  origin: Origin | null;
  results: PlaceResult[];
  /** « Ouvert maintenant » found nothing open nearby: the nearest places, closed (null otherwise). */
  closedNearby: PlaceResult[] | null;
  moreAvailable: boolean;
  refreshing: boolean;
  franceServicesFirst: boolean;
  /** The help sheet, when open. */
  sheet: (() => TemplateResult) | null;
  combobox(options: { describedBy: string; invalid: boolean; listLabel: string }): TemplateResult;
  submit(event: SubmitEvent): void;
  useMyPosition(): void;
  retry(): void;
  chooseOther(commune: CommuneEntry): void;
  showMore(): void;
  openSheet(): void;
  /** Leaves « Ouvert maintenant » for every place, open or closed. */
  showAllPlaces(): void;
}

const positionIcon = svg`<path d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm9 3h-2.1A7 7 0 0 0 13 5.1V3h-2v2.1A7 7 0 0 0 5.1 11H3v2h2.1a7 7 0 0 0 5.9 5.9V21h2v-2.1a7 7 0 0 0 5.9-5.9H21v-2Zm-9 6a5 5 0 1 1 0-10 5 5 0 0 1 0 10Z"/>`;

function renderForm(v: LocatorPageView) {
  const t = v.t;
  const error = v.fieldError;
  return html`
    <form part="form" class="search" role="search" aria-label=${t.title} novalidate @submit=${(e: SubmitEvent) => v.submit(e)}>
      <label id="location-label" for="location">${t.fieldLabel}</label>
      <p id="location-hint" class="hint">${t.fieldHint}</p>
      ${error ? html`<p id="location-error" class="field-error"><span class="visually-hidden">${t.errorPrefix}</span>${error}</p>` : nothing}
      ${v.combobox({ describedBy: error ? 'location-hint location-error' : 'location-hint', invalid: !!error, listLabel: t.suggestionsLabel })}
      <div class="actions">
        <button type="submit" class="button">${t.search}</button>
        <button type="button" class="button secondary" @click=${() => v.useMyPosition()}>${icon(positionIcon)}${t.useMyPosition}</button>
      </div>
    </form>
  `;
}

/** What the live region says when nothing is open nearby: that, and when the nearest place opens. */
export function closedNowText(t: LocatorStrings, locale: Locale, where: string, nearest: PlaceResult, now: Date): string {
  return `${t.noneOpenNow(where)}. ${t.nextOpenings} ${nearest.place.n}, ${nextOpeningText(t, locale, placeOpening(nearest, now))}.`;
}

/** Nothing open now, said as it is: the nearest places and when each opens, and a way back to all of them. */
function renderClosedNearby(v: LocatorPageView, closed: PlaceResult[], origin: Origin) {
  const t = v.t;
  return html`<div class="status warning closed-now">
    ${v.results.length > 0 ? html`<p>${t.noneOpenNow(origin.label)}.</p>` : nothing}
    <p>${t.nextOpenings}</p>
    <ul>
      ${closed.map(
        (r) => html`<li><strong>${r.place.n}</strong> (${t.distance(r.distanceKm, v.locale)})${t.colon}${nextOpeningText(t, v.locale, placeOpening(r, v.now))}</li>`,
      )}
    </ul>
    <p><button type="button" class="button secondary" @click=${() => v.showAllPlaces()}>${t.showAllPlaces}</button></p>
  </div>`;
}

function resultsTitle(v: LocatorPageView, origin: Origin): string {
  const t = v.t;
  if (v.results.length > 0) return t.resultsNear(v.results.length, origin.label);
  if (v.closedNearby) return t.noneOpenNow(origin.label);
  return activeFilterCount(v.filters) > 0 ? t.resultsUpdated(0) : t.nothingAtAll;
}

function renderResults(v: LocatorPageView) {
  const t = v.t;
  if (v.status === 'loading') return html`<p class="status" aria-busy="true">${t.searching}</p>`;
  if (v.status === 'error' && v.dataError) {
    return html`<div class="status error" part="error">
      <p>${v.dataError}</p>
      <button type="button" class="button" @click=${() => v.retry()}>${t.retry}</button>
    </div>`;
  }
  if (v.status !== 'results' || !v.origin) return nothing;
  const results = v.results;
  const nearby = results.filter((r) => r.distanceKm <= NEARBY_KM).length;
  const fsFirst = v.franceServicesFirst && results[0] && hasFlag(v.vocabularies.labels, results[0].place.l, FRANCE_SERVICES_LABEL);
  return html`
    <section part="results" class="results" aria-labelledby="results-title">
      ${heading(v.sectionLevel, resultsTitle(v, v.origin), { id: 'results-title' })}
      ${v.origin.others.length
        ? html`<div class="others">
            <p>${v.origin.shared?.by === 'postcode' ? t.otherCommunesPostcode(v.origin.shared.value) : t.otherCommunesNamed(v.origin.shared?.value ?? v.origin.label)}</p>
            <ul>
              ${v.origin.others.map((c) => html`<li><button type="button" class="button tertiary" @click=${() => v.chooseOther(c)}>${communeLabel(c)}</button></li>`)}
            </ul>
          </div>`
        : nothing}
      ${renderFilters(v)}
      ${nearby === 0
        ? html`${v.closedNearby
              ? renderClosedNearby(v, v.closedNearby, v.origin)
              : html`<p class="status warning">${activeFilterCount(v.filters) > 0 ? t.nothingMatchesFilters : results.length === 0 ? t.nothingAtAll : t.nothingWithin30}</p>`}
            ${renderPhoneLine(v)}`
        : nothing}
      ${fsFirst ? html`<p class="mention">${t.franceServicesFirst}</p>` : nothing}
      <ol class="places" aria-busy=${v.refreshing ? 'true' : 'false'}>
        ${results.map((r, i) => renderPlace(v, r, i))}
      </ol>
      ${v.moreAvailable ? html`<button type="button" class="button secondary" @click=${() => v.showMore()}>${t.showMore}</button>` : nothing}
      ${results.length > 0
        ? html`<p><button type="button" class="button secondary" @click=${() => v.openSheet()}>${t.sheetButton}</button></p>
            <p class="mention">${t.sheetEmpty}</p>`
        : nothing}
      ${v.sheet ? v.sheet() : nothing}
    </section>
  `;
}

export function renderLocator(v: LocatorPageView) {
  const nothingNearby = v.status === 'results' && v.results.filter((r) => r.distanceKm <= NEARBY_KM).length === 0;
  return html`
    <div class="locator">
      ${v.inPanel ? nothing : heading(v.headingLevel, v.t.title)}
      <p>${v.t.intro}</p>
      ${renderForm(v)} ${renderResults(v)} ${nothingNearby ? nothing : renderPhoneLine(v)} ${renderSources(v.t, v.attribution)}
    </div>
  `;
}
