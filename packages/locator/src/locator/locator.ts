/**
 * <aide-locator>: "Trouver une aide près de chez moi". Search by postal code or commune (ARIA 1.2 combobox with a
 * list of suggestions) or by the device's position; results as a list, nearest first, with honest opening hours in
 * Paris time; filters from the national standard's vocabularies; the national phone line always offered; a help
 * sheet to print. Works on the data embedded with the widget, offline once loaded.
 *
 * @summary Finds the nearest places where a person can help with online procedures.
 * @csspart form - the search form.
 * @csspart results - the list of places.
 * @csspart phone-line - the national phone line.
 * @cssproperty --aide-color-primary - buttons.
 * @event aide-locator-results - results shown; detail { count, origin }.
 */
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { property, query, state } from 'lit/decorators.js';
import { AideElement } from '@aide/core/element';
import { sharedStyles } from '@aide/core/lit-styles';
import { readHelpContext } from '@aide/core/context';
import { deepActiveElement, focusElement } from '@aide/core/focus';
import { StaticShardSource, StandardApiSource, Geocoder, loadPhoneLine, type PlaceResult, type PlaceSource } from '../engine/source.ts';
import { nameKey, parseLocationQuery } from '../engine/query.ts';
import { openingState, phoneLineState, type OpeningState } from '../engine/hours.ts';
import { hasFlag, isFranceServicesPartnerProcedure, valuesOf, FRANCE_SERVICES_LABEL, WHEELCHAIR_VALUE, type PlaceFilters } from '../engine/filters.ts';
import { VOCABULARIES } from '../engine/vocabularies.ts';
import type { Attribution, CommuneEntry, PhoneLineConfig, Vocabularies, WeeklySchedule } from '../engine/types.ts';
import type { Point } from '../engine/geo.ts';
import { formatTime, locatorStrings, type LocatorStrings } from './strings.ts';
import { locatorStyles } from './locator.styles.ts';
import { sheetUrl, type SheetData } from '../sheet/sheet-data.ts';

type Status = 'idle' | 'loading' | 'results' | 'error';
type ErrorKey = keyof LocatorStrings['errors'];
interface FieldError {
  key: ErrorKey;
  arg?: string;
}
interface Origin {
  label: string;
  point: Point;
  /** The commune searched around (null for the device's position). */
  commune: CommuneEntry | null;
  /** Other communes with the same postal code or name, to switch to. */
  others: CommuneEntry[];
}

const PAGE_SIZE = 10;
/** Quiet time after the last suggestion update before their number is announced. */
const SUGGEST_ANNOUNCE_DELAY = 500;
const icon = (path: TemplateResult) => html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;
const pinIcon = svg`<path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z"/>`;
const phoneIcon = svg`<path d="M6.6 10.8a15.2 15.2 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.24 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1Z"/>`;
const clockIcon = svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 10.4 3.2 3.2-1.4 1.4L11 13.2V6h2Z"/>`;
const externalIcon = svg`<path d="M14 3h7v7h-2V6.4l-8.3 8.3-1.4-1.4L17.6 5H14V3ZM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z"/>`;
const positionIcon = svg`<path d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm9 3h-2.1A7 7 0 0 0 13 5.1V3h-2v2.1A7 7 0 0 0 5.1 11H3v2h2.1a7 7 0 0 0 5.9 5.9V21h2v-2.1a7 7 0 0 0 5.9-5.9H21v-2Zm-9 6a5 5 0 1 1 0-10 5 5 0 0 1 0 10Z"/>`;

/**
 * The place searched for last, kept in memory for this visit of the page only (nothing stored): the locator shown
 * again (another view of the panel, « Je suis bloqué », help offered after an opinion) does not ask for it again.
 */
let lastPlace = '';

/** A phone number kept on one line: no-break spaces. */
const unbreakable = (text: string) => text.replace(/ /g, '\u00a0');

/** "01 70 772 372" style for French numbers, the E.164 form elsewhere. */
export function displayPhone(e164: string): string {
  const fr = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  if (fr) return `0${fr[1]} ${fr[2]} ${fr[3]} ${fr[4]} ${fr[5]}`;
  const overseas = /^\+(590|594|262|596|269|687|689|508|681)(\d+)$/.exec(e164);
  return overseas ? `+${overseas[1]} ${overseas[2]!.replace(/(\d{3})(?=\d)/g, '$1 ')}` : e164;
}

export class AideLocator extends AideElement<LocatorStrings> {
  static override styles = [sharedStyles, locatorStyles];
  protected readonly catalogues = locatorStrings;

  /** URL of the embedded data's places/index.json. */
  @property() src = '';
  /** URL returning places in the national standard schema (replaces the embedded places, not the geocoder). */
  @property({ attribute: 'api-src' }) apiSrc = '';
  /** Procedure id: France services first for their partners' procedures. */
  @property() procedure = '';
  /** Level of the component's title; sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Inside the help panel: the panel shows the title. */
  @property({ type: Boolean, attribute: 'in-panel' }) inPanel = false;
  /** The current time (tests fix it); opening hours are evaluated in Europe/Paris. */
  @property({ attribute: false }) now?: Date;

  /** The place searched for last in this visit of the page, typed again for the person (WCAG 3.3.7). */
  @state() private input = lastPlace;
  @state() private suggestions: CommuneEntry[] = [];
  @state() private expanded = false;
  @state() private activeIndex = -1;
  @state() private chosen: CommuneEntry | null = null;
  @state() private status: Status = 'idle';
  @state() private fieldError: FieldError | null = null;
  @state() private dataError = false;
  @state() private origin: Origin | null = null;
  @state() private results: PlaceResult[] = [];
  @state() private limit = PAGE_SIZE;
  @state() private filters: PlaceFilters = {};
  @state() private filtersOpen = false;
  @state() private phoneLine: PhoneLineConfig | null = null;
  @state() private attribution: Attribution | null = null;
  @state() private vocabularies: Vocabularies = VOCABULARIES;
  @state() private forSheet = new Set<string>();
  @state() private sheetOpen = false;
  /** New results are loading while the current ones stay on screen (filters, more places). */
  @state() private refreshing = false;

  @query('#location') private field!: HTMLInputElement;

  private source?: PlaceSource;
  private geocoder?: Geocoder;
  private suggestTimer?: number;
  private suggestAnnounceTimer?: number;
  /** Last suggestion count said; said again only once the list has closed. */
  private lastSuggestAnnounce = '';
  private suggestRequest = 0;
  private searchRequest = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A list that closed and opens again is announced again.
    const previous = changed as Map<PropertyKey, unknown>;
    if (previous.has('expanded') && !this.expanded && previous.get('expanded') === true) this.lastSuggestAnnounce = '';
    if ((changed.has('src') || changed.has('apiSrc')) && this.src) {
      const indexUrl = new URL(this.src, document.baseURI).href;
      this.source = this.apiSrc ? new StandardApiSource(new URL(this.apiSrc, document.baseURI).href) : new StaticShardSource(indexUrl);
      this.geocoder = new Geocoder(indexUrl);
      void this.loadPhoneLine(indexUrl);
    }
  }

  private async loadPhoneLine(indexUrl: string): Promise<void> {
    try {
      this.phoneLine = await loadPhoneLine(new URL('ligne-solidarite-numerique.json', indexUrl).href);
      if (this.source) {
        this.attribution = await this.source.attribution();
        this.vocabularies = await this.source.vocabularies();
      }
    } catch {
      // Shown from the built-in fallback below: the phone line must be offered even when the data is not there.
      this.phoneLine = null;
    }
  }

  private get sectionLevel(): number {
    return this.inPanel ? this.headingLevel : this.headingLevel + 1;
  }

  private heading(level: number, content: unknown, attrs: { id?: string; tabindex?: string } = {}) {
    const tag = unsafeStatic(`h${Math.min(6, Math.max(2, level))}`);
    return staticHtml`<${tag} id=${attrs.id ?? nothing} tabindex=${attrs.tabindex ?? nothing}>${content}</${tag}>`;
  }

  private get franceServicesFirst(): boolean {
    const tutorial = readHelpContext().tutorial?.tutorial;
    return isFranceServicesPartnerProcedure(this.procedure) || isFranceServicesPartnerProcedure(tutorial);
  }

  private label(commune: CommuneEntry): string {
    return `${commune[0]} (${commune[1]})`;
  }

  private term(value: string): string {
    return this.t.vocabulary[value] ?? value;
  }

  // --- Combobox -------------------------------------------------------------------------------------------

  private handleInput(event: InputEvent): void {
    this.input = (event.target as HTMLInputElement).value;
    if (this.chosen && this.input !== this.label(this.chosen)) this.chosen = null;
    if (this.fieldError) this.fieldError = null;
    window.clearTimeout(this.suggestTimer);
    this.suggestTimer = window.setTimeout(() => void this.suggest(), 150);
  }

  private async suggest(): Promise<void> {
    const request = ++this.suggestRequest;
    const parsed = parseLocationQuery(this.input);
    let list: CommuneEntry[] = [];
    try {
      if (parsed.kind === 'postcode') list = (await this.geocoder?.postcode(parsed.code)) ?? [];
      else if (parsed.kind === 'name' && parsed.key.length >= 2) list = (await this.geocoder?.suggest(parsed.key, 8)) ?? [];
    } catch {
      list = []; // Offline: suggestions are a help, searching still explains what is wrong.
    }
    if (request !== this.suggestRequest) return;
    this.suggestions = list;
    this.activeIndex = -1;
    const wasExpanded = this.expanded;
    this.expanded = list.length > 0 && this.field?.matches(':focus');
    if (this.expanded) this.announceSuggestions(this.t.suggestionsCount(list.length), true);
    else if (wasExpanded && parsed.kind === 'name') this.announceSuggestions(this.t.suggestionsNone, false);
  }

  /**
   * The number of suggestions is said once typing pauses, and only when it changes: "8 communes proposées" after
   * every letter of "st etienne" would drown the letters the screen reader echoes.
   */
  private announceSuggestions(message: string, listOpen: boolean): void {
    window.clearTimeout(this.suggestAnnounceTimer);
    this.suggestAnnounceTimer = window.setTimeout(() => {
      // Nothing once the list has been closed or left in the meantime (a choice, Escape, a search).
      if (message === this.lastSuggestAnnounce || this.expanded !== listOpen || deepActiveElement() !== this.field) return;
      this.lastSuggestAnnounce = message;
      this.announce(message);
    }, SUGGEST_ANNOUNCE_DELAY);
  }

  private handleKeydown(event: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        this.expanded = true;
        this.activeIndex = (this.activeIndex + 1) % count;
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        this.expanded = true;
        this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        break;
      case 'Enter':
        if (this.expanded && this.activeIndex >= 0) {
          event.preventDefault();
          this.choose(this.suggestions[this.activeIndex]!);
        }
        break;
      case 'Escape':
        // The list closes first; a second Escape is left to the panel (which closes).
        if (this.expanded) {
          event.preventDefault();
          this.expanded = false;
          this.activeIndex = -1;
        }
        break;
      default:
    }
  }

  /** Picking a suggestion fills the field; only the search button searches (no change of context, RGAA 7.4). */
  private choose(commune: CommuneEntry): void {
    this.chosen = commune;
    this.input = this.label(commune);
    this.expanded = false;
    this.activeIndex = -1;
    this.fieldError = null;
    this.field.value = this.input;
    this.field.focus();
  }

  // --- Searching -----------------------------------------------------------------------------------------

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.expanded = false;
    // A suggestion request still under way must not reopen the list over the results.
    window.clearTimeout(this.suggestTimer);
    this.suggestRequest++;
    const commune = this.chosen ?? (await this.resolveTypedText());
    if (!commune) return;
    const others = this.suggestions.filter((s) => s !== commune && (s[0] === commune[0] || this.input.replace(/\D/g, '').length === 5));
    if (commune[3] === null || commune[4] === null) {
      this.showFieldError({ key: 'no-position-known' });
      return;
    }
    this.origin = { label: this.label(commune), point: { lat: commune[3], lon: commune[4] }, commune, others };
    lastPlace = this.input;
    this.limit = PAGE_SIZE;
    await this.search();
  }

  /** The commune meant by the typed text, or null after showing why there is none. */
  private async resolveTypedText(): Promise<CommuneEntry | null> {
    const parsed = parseLocationQuery(this.field?.value ?? this.input);
    if (parsed.kind === 'invalid') {
      this.showFieldError({ key: parsed.reason });
      return null;
    }
    try {
      if (parsed.kind === 'postcode') {
        const communes = (await this.geocoder?.postcode(parsed.code)) ?? [];
        this.suggestions = communes;
        if (communes.length === 0) this.showFieldError({ key: 'postcode-unknown', arg: parsed.code });
        return communes[0] ?? null;
      }
      // "Saint-Denis (93)" typed or pasted back: the département settles homonyms.
      const dep = /\((\d[\dAB]?\d?)\)\s*$/.exec(parsed.text)?.[1];
      const key = nameKey(parsed.text.replace(/\([^)]*\)\s*$/, ''));
      const found = (await this.geocoder?.suggest(key, 8)) ?? [];
      const exact = found.filter((c) => nameKey(c[0]) === key && (!dep || c[1] === dep));
      this.suggestions = exact.length > 0 ? exact : found;
      const best = exact[0] ?? null;
      if (!best) this.showFieldError({ key: 'commune-unknown', arg: parsed.text });
      return best;
    } catch {
      this.showDataError();
      return null;
    }
  }

  private showFieldError(error: FieldError): void {
    this.fieldError = error;
    this.status = 'idle';
    const message = this.errorText(error);
    // Still in the field (Enter): only a live region can say it. From a button ("Rechercher", "Utiliser ma
    // position"), focus goes to the field, whose description now ends with the error: said once, by the focus move.
    if (this.field && deepActiveElement() === this.field) this.announce(this.t.errorPrefix + message, 'assertive');
    void this.updateComplete.then(() => this.field.focus());
  }

  private showDataError(): void {
    this.dataError = true;
    this.status = 'error';
    this.announce(this.t.errors['data-failed'], 'assertive');
    // A filter or "Afficher plus" that had focus is gone with the list: focus goes to "Réessayer", not nowhere.
    void this.updateComplete.then(() => {
      const active = deepActiveElement();
      if (!active || active === document.body) this.renderRoot.querySelector<HTMLButtonElement>('.status.error button')?.focus();
    });
  }

  private errorText(error: FieldError): string {
    const entry = this.t.errors[error.key];
    return typeof entry === 'function' ? entry(error.arg ?? '') : entry;
  }

  /**
   * Searches around the origin. `refresh` (filters, more places) keeps the list on screen while it loads, so that
   * the control that has focus (a filter's checkbox) does not vanish and leave focus nowhere. `announce` says what
   * the live region tells: the results ("10 lieux près de…"), the count after a filter change, or nothing when the
   * caller moves focus to something that says it.
   */
  private async search(options: { refresh?: boolean; announce?: 'results' | 'filters' | 'none' } = {}): Promise<boolean> {
    if (!this.origin || !this.source) return false;
    const request = ++this.searchRequest;
    if (options.refresh && this.status === 'results') this.refreshing = true;
    else this.status = 'loading';
    this.dataError = false;
    try {
      const results = await this.source.nearest(this.origin.point, {
        limit: this.limit,
        filters: this.filters,
        franceServicesFirst: this.franceServicesFirst,
        now: this.now,
      });
      if (request !== this.searchRequest) return false;
      this.vocabularies = await this.source.vocabularies();
      this.attribution ??= await this.source.attribution();
      this.results = results;
      this.status = 'results';
      this.refreshing = false;
      const nearby = results.filter((r) => r.distanceKm <= 30).length;
      const mode = options.announce ?? 'results';
      if (mode === 'filters') this.announce(this.t.resultsUpdated(results.length));
      else if (mode === 'results') {
        this.announce(results.length === 0 ? this.t.nothingAtAll : nearby === 0 ? this.t.nothingWithin30 : this.t.resultsNear(results.length, this.origin.label));
      }
      this.emit('aide-locator-results', { count: results.length, origin: this.origin.label });
      return true;
    } catch {
      if (request === this.searchRequest) {
        this.refreshing = false;
        this.showDataError();
      }
      return false;
    }
  }

  private useMyPosition(): void {
    this.fieldError = null;
    if (!('geolocation' in navigator)) {
      this.showFieldError({ key: 'geo-unsupported' });
      return;
    }
    this.status = 'loading';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.origin = { label: this.t.nearYourPosition, point: { lat: position.coords.latitude, lon: position.coords.longitude }, commune: null, others: [] };
        this.limit = PAGE_SIZE;
        void this.search();
      },
      (error) => this.showFieldError({ key: error.code === error.PERMISSION_DENIED ? 'geo-denied' : 'geo-unavailable' }),
      { timeout: 15000, maximumAge: 300000 },
    );
  }

  private async chooseOther(commune: CommuneEntry): Promise<void> {
    if (commune[3] === null || commune[4] === null) return this.showFieldError({ key: 'no-position-known' });
    const previous = this.origin;
    const others = [...(previous?.commune ? [previous.commune] : []), ...(previous?.others ?? [])].filter((c) => c !== commune);
    this.chosen = commune;
    this.input = this.label(commune);
    this.origin = { label: this.label(commune), point: { lat: commune[3], lon: commune[4] }, commune, others };
    // The button pressed leaves the list of other communes: focus goes to the results' heading, which says
    // "10 lieux près de…" (no live message on top).
    if (await this.search({ announce: 'none' })) this.focusResultsTitle();
  }

  private focusResultsTitle(): void {
    void this.updateComplete.then(() => focusElement(this.renderRoot.querySelector<HTMLElement>('#results-title')));
  }

  private setFilter(update: Partial<PlaceFilters>): void {
    this.filters = { ...this.filters, ...update };
    void this.search({ refresh: true, announce: 'filters' });
  }

  /** "Retirer tous les filtres" disappears with the last filter: focus goes back to the filters' button. */
  private clearFilters(): void {
    this.setFilter({ openNow: false, freeOfCharge: false, wheelchair: false, services: [], supportKinds: [], publics: [], specificSupport: [], labels: [] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.filters-toggle')?.focus());
  }

  private toggleValue(key: 'services' | 'supportKinds' | 'publics' | 'specificSupport' | 'labels', value: string, on: boolean): void {
    const current = new Set(this.filters[key] ?? []);
    if (on) current.add(value);
    else current.delete(value);
    this.setFilter({ [key]: [...current] });
  }

  private get activeFilterCount(): number {
    const f = this.filters;
    return (
      Number(!!f.openNow) + Number(!!f.freeOfCharge) + Number(!!f.wheelchair) +
      (f.services?.length ?? 0) + (f.supportKinds?.length ?? 0) + (f.publics?.length ?? 0) + (f.specificSupport?.length ?? 0) + (f.labels?.length ?? 0)
    );
  }

  /**
   * More places: focus goes to the first new one (the button moves below it, or disappears at the end of the
   * list), and the live region gives the new total.
   */
  private async showMore(): Promise<void> {
    const before = this.results.length;
    this.limit += PAGE_SIZE;
    if (!(await this.search({ refresh: true }))) return;
    await this.updateComplete;
    const added = this.renderRoot.querySelector<HTMLElement>(`#place-${before}-name`);
    if (!focusElement(added)) focusElement(this.renderRoot.querySelector<HTMLElement>('#results-title'));
  }

  // --- Text of opening hours -------------------------------------------------------------------------------

  private dayName(weekday: number): string {
    // 2026-01-05 is a Monday.
    return new Intl.DateTimeFormat(this.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 5 + weekday)));
  }

  private openingText(state: OpeningState): string {
    const t = this.t;
    const time = (m: number) => formatTime(this.locale, m);
    if (state.state === 'unknown') return t.hoursUnknown;
    if (state.state === 'open') {
      if (state.openAllDay) return t.hoursOpenAllDay;
      return state.closesSoon ? t.hoursClosesSoon(time(state.closesAt)) : t.hoursOpen(time(state.closesAt));
    }
    if (!state.opensAt) return t.hoursClosed;
    const { dayOffset, weekday, minutes } = state.opensAt;
    if (dayOffset === 0) return t.hoursClosedOpensToday(time(minutes));
    if (dayOffset === 1) return t.hoursClosedOpensTomorrow(time(minutes));
    return t.hoursClosedOpensOn(this.dayName(weekday), time(minutes));
  }

  private phoneLineText(line: PhoneLineConfig): string {
    const state = phoneLineState(line, this.now ?? new Date());
    if (state.state === 'open') return this.t.phoneLineOpen(formatTime(this.locale, state.closesAt));
    if (state.state === 'closed' && state.opensAt) {
      const { dayOffset, weekday, minutes } = state.opensAt;
      const time = formatTime(this.locale, minutes);
      if (dayOffset === 0) return this.t.phoneLineReopensToday(time);
      if (dayOffset === 1) return this.t.phoneLineReopensTomorrow(time);
      return this.t.phoneLineReopensOn(this.dayName(weekday), time);
    }
    return this.t.phoneLineClosed;
  }

  // --- Rendering -------------------------------------------------------------------------------------------

  private renderForm() {
    const t = this.t;
    const error = this.fieldError;
    const describedBy = ['location-hint', error ? 'location-error' : ''].filter(Boolean).join(' ');
    return html`
      <form part="form" class="search" role="search" aria-label=${t.title} novalidate @submit=${this.handleSubmit}>
        <label for="location">${t.fieldLabel}</label>
        <p id="location-hint" class="hint">${t.fieldHint}</p>
        ${error
          ? html`<p id="location-error" class="field-error"><span class="visually-hidden">${t.errorPrefix}</span>${this.errorText(error)}</p>`
          : nothing}
        <div class="combobox">
          <input
            id="location"
            type="text"
            role="combobox"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            maxlength="200"
            aria-autocomplete="list"
            aria-controls="suggestions"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-activedescendant=${this.expanded && this.activeIndex >= 0 ? `suggestion-${this.activeIndex}` : nothing}
            aria-describedby=${describedBy}
            aria-invalid=${error ? 'true' : 'false'}
            .value=${this.input}
            @input=${this.handleInput}
            @keydown=${this.handleKeydown}
            @blur=${() => (this.expanded = false)}
          />
          <ul id="suggestions" role="listbox" aria-label=${t.suggestionsLabel} ?hidden=${!this.expanded}>
            ${this.suggestions.map(
              (s, i) => html`<li
                id="suggestion-${i}"
                role="option"
                aria-selected=${i === this.activeIndex ? 'true' : 'false'}
                class=${i === this.activeIndex ? 'active' : ''}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.choose(s)}
              >
                ${this.label(s)}
              </li>`,
            )}
          </ul>
        </div>
        <div class="actions">
          <button type="submit" class="button">${t.search}</button>
          <button type="button" class="button secondary" @click=${this.useMyPosition}>${icon(positionIcon)}${t.useMyPosition}</button>
        </div>
      </form>
    `;
  }

  private renderPhoneLine() {
    const t = this.t;
    const line = this.phoneLine;
    return html`
      <section part="phone-line" class="phone-line" aria-labelledby="phone-line-title">
        ${this.heading(this.sectionLevel, t.phoneLineTitle, { id: 'phone-line-title' })}
        <p><strong>${line?.name ?? 'Solidarité Numérique'}</strong> — <span lang="fr" dir="ltr">${line?.description ?? ''}</span></p>
        <p>
          <a class="button call" href="tel:${line?.tel ?? '+33170772372'}">${icon(phoneIcon)}${t.phoneLineCall(unbreakable(line?.display ?? '01 70 772 372'))}</a>
        </p>
        ${line ? html`<p class="hours-line">${icon(clockIcon)}<span>${this.phoneLineText(line)}</span></p>` : nothing}
        ${line ? html`<p class="mention" lang="fr" dir="ltr">${line.cost}</p>` : nothing}
      </section>
    `;
  }

  /** Every place has one: the place's name, unseen, tells them apart when going from control to control. */
  private renderWeekHours(schedule: WeeklySchedule, closedOnHolidays: boolean, id: string, name: string) {
    const t = this.t;
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
              <th scope="row" id="${id}-d${i}">${this.dayName(i)}</th>
              <td>${day.length === 0 ? t.closedDay : day.map(([a, b]) => `${formatTime(this.locale, a)} – ${formatTime(this.locale, b)}`).join(', ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${closedOnHolidays ? html`<p>${t.closedOnHolidays}</p>` : nothing}
    </details>`;
  }

  private renderPlace(result: PlaceResult, index: number) {
    const t = this.t;
    const { place } = result;
    const state = place.hu ? ({ state: 'unknown' } as const) : openingState(result.schedule, this.now ?? new Date());
    const services = valuesOf(this.vocabularies.services, place.s);
    const labels = valuesOf(this.vocabularies.labels, place.l);
    const id = `place-${index}`;
    const fullAddress = `${place.a}, ${place.z} ${place.m}`;
    return html`<li class="place">
      <article aria-labelledby="${id}-name">
        ${this.heading(this.sectionLevel + 1, place.n, { id: `${id}-name` })}
        <p class="distance">${icon(pinIcon)}<span>${t.distance(result.distanceKm, this.locale)}${place.ap ? html` <span class="mention">(${t.approximate})</span>` : nothing}</span></p>
        <p class="address">${fullAddress}</p>
        <p class="hours-line ${state.state}">${icon(clockIcon)}<span>${this.openingText(state)}</span></p>
        ${result.schedule ? this.renderWeekHours(result.schedule, !!place.ph, id, place.n) : nothing}
        ${place.t
          ? // Two places may share a number: the link says whose it is.
            html`<p>${t.phone} : <a class="tel" href="tel:${place.t}">${unbreakable(displayPhone(place.t))}<span class="visually-hidden"> (${t.phoneOf(place.n)})</span></a></p>`
          : nothing}
        ${labels.length
          ? // Named by a text before it, not aria-label: a list has no name to give (html-validate aria-label-misuse).
            html`<p class="visually-hidden">${t.filterLabels} :</p>
              <ul class="labels">
                ${labels.map((l) => html`<li>${this.term(l)}</li>`)}
              </ul>`
          : nothing}
        ${services.length
          ? html`<p class="services"><span class="label">${t.services} :</span> ${services.map((s) => this.term(s)).join(' ; ')}.</p>`
          : nothing}
        ${hasFlag(this.vocabularies.specificSupport, place.ps, WHEELCHAIR_VALUE) ? html`<p>${t.wheelchair}</p>` : nothing}
        ${place.it ? html`<p>${t.mobile}</p>` : nothing}
        <ul class="links">
          <li>
            <a href="https://www.openstreetmap.org/directions?to=${place.y}%2C${place.x}" target="_blank" rel="noopener noreferrer" aria-label=${`${t.directionsOf(place.n)} (${t.newWindow})`}>
              ${t.directions}${icon(externalIcon)}
            </a>
          </li>
          ${place.w
            ? html`<li><a href=${place.w} target="_blank" rel="noopener noreferrer" aria-label=${`${t.websiteOf(place.n)} (${t.newWindow})`}>${t.website}${icon(externalIcon)}</a></li>`
            : nothing}
          ${place.r
            ? html`<li><a href=${place.r} target="_blank" rel="noopener noreferrer" aria-label=${`${t.appointmentOf(place.n)} (${t.newWindow})`}>${t.appointment}${icon(externalIcon)}</a></li>`
            : nothing}
          ${place.al
            ? html`<li><a href=${place.al} target="_blank" rel="noopener noreferrer" aria-label=${`${t.accessibilitySheetOf(place.n)} (${t.newWindow})`}>${t.accessibilitySheet}${icon(externalIcon)}</a></li>`
            : nothing}
        </ul>
        <p class="mention">${t.updated(new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(place.u)))}</p>
        <p class="check">
          <input
            type="checkbox"
            id="${id}-sheet"
            .checked=${this.forSheet.has(place.id)}
            @change=${(e: Event) => this.toggleSheet(place.id, (e.target as HTMLInputElement).checked)}
          />
          <label for="${id}-sheet">${t.addToSheet}<span class="visually-hidden"> : ${place.n}</span></label>
        </p>
      </article>
    </li>`;
  }

  private toggleSheet(id: string, on: boolean): void {
    const next = new Set(this.forSheet);
    if (on) next.add(id);
    else next.delete(id);
    this.forSheet = next;
  }

  private renderCheckbox(id: string, label: string, checked: boolean, onChange: (on: boolean) => void) {
    return html`<p class="check">
      <input type="checkbox" id=${id} .checked=${checked} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
      <label for=${id}>${label}</label>
    </p>`;
  }

  private renderFilters() {
    const t = this.t;
    const f = this.filters;
    const v = this.vocabularies;
    const group = (legend: string, key: 'services' | 'supportKinds' | 'publics' | 'specificSupport' | 'labels', values: string[]) => html`
      <fieldset>
        <legend>${legend}</legend>
        ${values.map((value, i) => this.renderCheckbox(`filter-${key}-${i}`, this.term(value), (f[key] ?? []).includes(value), (on) => this.toggleValue(key, value, on)))}
      </fieldset>
    `;
    const count = this.activeFilterCount;
    return html`
      <div class="filters">
        <button type="button" class="button secondary filters-toggle" aria-expanded=${this.filtersOpen ? 'true' : 'false'} aria-controls="filters" @click=${() => (this.filtersOpen = !this.filtersOpen)}>
          ${t.filters}${count ? html` <span class="count">(${t.filtersActive(count)})</span>` : nothing}
        </button>
        <div id="filters" class="filter-panel" ?hidden=${!this.filtersOpen}>
          <fieldset>
            <legend class="visually-hidden">${t.filters}</legend>
            ${this.renderCheckbox('filter-open', t.filterOpenNow, !!f.openNow, (on) => this.setFilter({ openNow: on }))}
            ${this.renderCheckbox('filter-free', t.filterFree, !!f.freeOfCharge, (on) => this.setFilter({ freeOfCharge: on }))}
            ${this.renderCheckbox('filter-wheelchair', t.filterWheelchair, !!f.wheelchair, (on) => this.setFilter({ wheelchair: on }))}
          </fieldset>
          ${group(t.filterServices, 'services', v.services)}
          ${group(t.filterSupportKinds, 'supportKinds', v.supportKinds)}
          ${group(t.filterSpecificSupport, 'specificSupport', v.specificSupport.filter((s) => s !== WHEELCHAIR_VALUE))}
          ${group(t.filterPublics, 'publics', v.publics)}
          ${group(t.filterLabels, 'labels', v.labels)}
          ${count ? html`<button type="button" class="button tertiary" @click=${this.clearFilters}>${t.clearFilters}</button>` : nothing}
        </div>
      </div>
    `;
  }

  private get sheetPlaces(): PlaceResult[] {
    const chosen = this.results.filter((r) => this.forSheet.has(r.place.id));
    return chosen.length > 0 ? chosen : this.results.slice(0, 3);
  }

  private sheetData(): SheetData {
    const tutorial = readHelpContext().tutorial;
    return {
      locale: this.locale,
      title: this.t.sheetTitle,
      origin: this.origin?.label ?? '',
      tutorial: tutorial ? this.t.sheetTutorial(tutorial.title, tutorial.step, tutorial.total, tutorial.stepTitle) : null,
      places: this.sheetPlaces.map((r) => ({
        name: r.place.n,
        address: `${r.place.a}, ${r.place.z} ${r.place.m}`,
        distance: this.t.distance(r.distanceKm, this.locale),
        phone: r.place.t ? displayPhone(r.place.t) : null,
        hours: r.schedule
          ? r.schedule.map((day, i) => `${this.dayName(i)} : ${day.length === 0 ? this.t.closedDay : day.map(([a, b]) => `${formatTime(this.locale, a)} – ${formatTime(this.locale, b)}`).join(', ')}`)
          : [this.t.hoursUnknown],
      })),
      phoneLine: this.phoneLine ? { name: this.phoneLine.name, display: this.phoneLine.display, hours: this.phoneLineText(this.phoneLine), cost: this.phoneLine.cost } : null,
      labels: { ...this.t.sheetLabels, phoneLine: this.t.phoneLineTitle, phone: this.t.phone, hours: this.t.weekHours },
    };
  }

  private openSheet(): void {
    this.sheetOpen = true;
    void this.updateComplete.then(() => focusElement(this.renderRoot.querySelector<HTMLElement>('#sheet-title')));
  }

  private renderSheet() {
    const t = this.t;
    const data = this.sheetData();
    return html`<section class="sheet" aria-labelledby="sheet-title">
      ${this.heading(this.sectionLevel, t.sheetTitle, { id: 'sheet-title', tabindex: '-1' })}
      <p>${t.sheetIntro}</p>
      ${data.tutorial ? html`<p class="tutorial-context">${data.tutorial}</p>` : nothing}
      <ol>
        ${data.places.map((p) => html`<li><strong>${p.name}</strong> — ${p.address}${p.phone ? html` — ${t.phone} : ${p.phone}` : nothing}</li>`)}
      </ol>
      ${data.phoneLine ? html`<p>${t.phoneLineTitle} : ${data.phoneLine.name}, ${data.phoneLine.display} — ${data.phoneLine.hours}</p>` : nothing}
      <p>
        <a class="button" href=${sheetUrl(this.src, data)} target="_blank" rel="noopener">${t.sheetPrint}<span class="visually-hidden"> (${t.newWindow})</span>${icon(externalIcon)}</a>
      </p>
    </section>`;
  }

  private renderResults() {
    const t = this.t;
    if (this.status === 'loading') return html`<p class="status" aria-busy="true">${t.searching}</p>`;
    if (this.status === 'error' && this.dataError) {
      return html`<div class="status error" part="error">
        <p>${t.errors['data-failed']}</p>
        <button type="button" class="button" @click=${() => (this.origin ? this.search() : this.field.focus())}>${t.retry}</button>
      </div>`;
    }
    if (this.status !== 'results' || !this.origin) return nothing;
    const nearby = this.results.filter((r) => r.distanceKm <= 30).length;
    const fsFirst = this.franceServicesFirst && this.results[0] && hasFlag(this.vocabularies.labels, this.results[0].place.l, FRANCE_SERVICES_LABEL);
    return html`
      <section part="results" class="results" aria-labelledby="results-title">
        ${this.heading(this.sectionLevel, this.results.length === 0 ? t.nothingAtAll : t.resultsNear(this.results.length, this.origin.label), { id: 'results-title' })}
        ${this.origin.others.length
          ? html`<div class="others">
              <p>${t.otherCommunes}</p>
              <ul>
                ${this.origin.others.map((c) => html`<li><button type="button" class="button tertiary" @click=${() => this.chooseOther(c)}>${this.label(c)}</button></li>`)}
              </ul>
            </div>`
          : nothing}
        ${this.renderFilters()}
        ${nearby === 0 ? html`<p class="status warning">${this.results.length === 0 ? t.nothingAtAll : t.nothingWithin30}</p>${this.renderPhoneLine()}` : nothing}
        ${fsFirst ? html`<p class="mention">${t.franceServicesFirst}</p>` : nothing}
        <ol class="places" aria-busy=${this.refreshing ? 'true' : 'false'}>
          ${this.results.map((r, i) => this.renderPlace(r, i))}
        </ol>
        ${this.results.length >= this.limit ? html`<button type="button" class="button secondary" @click=${this.showMore}>${t.showMore}</button>` : nothing}
        ${this.results.length > 0
          ? html`<p><button type="button" class="button secondary" @click=${this.openSheet}>${t.sheetButton}</button></p>
              <p class="mention">${t.sheetEmpty}</p>`
          : nothing}
        ${this.sheetOpen ? this.renderSheet() : nothing}
      </section>
    `;
  }

  private renderSources() {
    const a = this.attribution;
    if (!a) return nothing;
    return html`<details class="sources">
      <summary>${this.t.sources}</summary>
      <p>${this.t.sourcesIntro}</p>
      <!-- The operator's data and texts are in French, whatever the widget's language (RGAA 8.7, 8.10). -->
      <ul lang="fr" dir="ltr">
        ${a.sources.map((s) => html`<li>${s.name} (${s.licence}${s.date ? `, ${s.date}` : ''})</li>`)}
      </ul>
      <p lang="fr" dir="ltr">${a.notice}</p>
    </details>`;
  }

  override render() {
    const t = this.t;
    const nothingNearby = this.status === 'results' && this.results.filter((r) => r.distanceKm <= 30).length === 0;
    return html`
      <div class="locator">
        ${this.inPanel ? nothing : this.heading(this.headingLevel, t.title)}
        <p>${t.intro}</p>
        ${this.renderForm()} ${this.renderResults()} ${nothingNearby ? nothing : this.renderPhoneLine()} ${this.renderSources()}
      </div>
    `;
  }
}
