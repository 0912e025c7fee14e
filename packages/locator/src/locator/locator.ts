/**
 * <aide-locator>: "Trouver une aide près de chez moi". This file holds the element's state and the search: from the
 * commune field (combobox.ts) or the device's position to the list of places. The templates of a place, the phone
 * line, the filters and the sources are in place-view.ts, the help sheet in help-sheet.ts, opening hours in words in
 * hours-text.ts; the data engine (sources, geocoder, hours, filters) is ../engine.
 */
import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AideElement, booleanConverter, BusyController, HelpContextController, sharedStyles } from '@aide/core/element';
import { AideLocatorResultsEvent, deepActiveElement, focusElement, requestFailureText, type Catalogues, type HelpContext, type Locale } from '@aide/core';
import { StaticShardSource, Geocoder, rankedSource, loadPhoneLine, type PlaceResult, type PlaceSource } from '../engine/source.ts';
import { isFranceServicesPartnerProcedure, type PlaceFilters } from '../engine/filters.ts';
import type { Attribution, CommuneEntry, PhoneLineConfig, Vocabularies } from '../engine/types.ts';
import { catalogueLoaders, catalogueLoading, locatorFr, type LocatorStrings } from './strings.ts';
import { locatorStyles } from './locator.styles.ts';
import { CommuneCombobox, communeLabel, rememberSearch, type FieldError } from './combobox.ts';
import { placeOpening, type ValueFilter } from './place-view.ts';
import { helpSheetData, renderHelpSheet } from './help-sheet.ts';
import { closedNowText, NEARBY_KM, renderLocator, type LocatorPageView, type Origin } from './locator-view.ts';

/** The catalogues at hand, shared by every locator of the page: French always, English and Arabic once loaded. */
const loadedCatalogues: Partial<Catalogues<LocatorStrings>> = { fr: locatorFr };
const catalogueLoads = new Map<Exclude<Locale, 'fr'>, Promise<void>>();

export { displayPhone } from './place-view.ts';


const PAGE_SIZE = 10;

/**
 * "Trouver une aide près de chez moi": the nearest places where someone helps with online procedures (France
 * services, conseillers numériques, Aidants Connect, other places of digital mediation), from a postal code or a
 * commune (a combobox with suggestions) or the device's position. Places come nearest first, with honest opening
 * hours in Paris time, phone, services and accessibility; filters follow the national standard's vocabularies; the
 * national phone line is always offered; a help sheet can be printed. Works on the data embedded with the widget,
 * offline once loaded.
 *
 * @summary Finds the nearest places where someone helps with online procedures.
 * @tagname aide-locator
 * @csspart form - The search form.
 * @csspart results - The list of places and its filters.
 * @csspart phone-line - The national phone line.
 * @csspart error - The message shown when the data cannot be read.
 * @fires {AideLocatorResultsEvent} aide-locator-results - A new list of places is shown; detail: { count, origin }.
 */
export class AideLocator extends AideElement<LocatorStrings> {
  static override styles = [sharedStyles, locatorStyles];
  /** French stands in for a catalogue not loaded yet (or that could not be), so that `t` always answers. */
  protected get catalogues(): Catalogues<LocatorStrings> {
    return { fr: locatorFr, en: loadedCatalogues.en ?? locatorFr, ar: loadedCatalogues.ar ?? locatorFr };
  }

  /** Address of the embedded data's places/index.json (built by scripts/build-locator-data.ts). */
  @property() src = '';
  /** Address returning places in the national standard's schema, instead of the embedded places (the geocoder stays embedded). */
  @property({ attribute: 'api-src' }) apiSrc = '';
  /** Procedure id: for the procedures of France services' partners, France services within 30 km come first. */
  @property() procedure = '';
  /** Level of the component's title (2); sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Inside the help panel: the panel shows the title. */
  @property({ attribute: 'in-panel', converter: booleanConverter }) inPanel = false;
  /** The current time (tests fix it); opening hours are evaluated in Europe/Paris. */
  @property({ attribute: false }) now?: Date;
  /** The tutorial step the person is on (for France services first, and the help sheet): given by the panel, else followed on the page. */
  @property({ attribute: false }) context?: HelpContext;

  @state() private status: LocatorPageView['status'] = 'idle';
  @state() private fieldError: FieldError | null = null;
  /** Why the data could not be read, in words (null when it could). */
  @state() private dataError: string | null = null;
  @state() private origin: Origin | null = null;
  @state() private results: PlaceResult[] = [];
  /** « Ouvert maintenant » found nothing open nearby: the nearest places, closed, to say when they open. */
  @state() private closedNearby: PlaceResult[] | null = null;
  @state() private limit = PAGE_SIZE;
  @state() private filters: PlaceFilters = {};
  @state() private filtersOpen = false;
  @state() private phoneLine: PhoneLineConfig | null = null;
  @state() private attribution: Attribution | null = null;
  /** The standard's vocabularies, from the data (none before it is read: filters and places come with it). */
  @state() private vocabularies: Vocabularies = { services: [], publics: [], specificSupport: [], fees: [], supportKinds: [], access: [], labels: [], plainFr: {} };
  @state() private forSheet = new Set<string>();
  @state() private sheetOpen = false;
  /** New results are loading while the current ones stay on screen (filters, more places). */
  @state() private refreshing = false;

  /** The English or Arabic catalogue could not be loaded: the component stays usable, in French. */
  @state() private catalogueFailed = false;

  @query('#location') private field!: HTMLInputElement;

  private source?: PlaceSource;
  private geocoder?: Geocoder;
  private searchRequest = 0;
  private readonly pageContext = new HelpContextController(this);
  /** Searching shows and says it at once, whatever comes first (geocoding, the places, the device's position). */
  private readonly busy = new BusyController(this);
  private readonly combobox = new CommuneCombobox(this, {
    geocoder: () => this.geocoder,
    field: () => this.field,
    announce: (message) => this.announce(message),
    onEdit: () => (this.fieldError = null),
    onChoose: (commune) => void this.busy.run(this.t.searching, () => this.searchAround(commune)),
    countText: (count) => this.t.suggestionsCount(count),
    noneText: () => this.t.suggestionsNone,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('lang')) void this.loadCatalogue();
    if ((changed.has('src') || changed.has('apiSrc')) && this.src) {
      const indexUrl = new URL(this.src, document.baseURI).href;
      const apiUrl = new URL(this.apiSrc, document.baseURI).href;
      this.source = this.apiSrc
        ? rankedSource(() => import('../engine/api-source.ts').then((m) => new m.StandardApiSource(apiUrl)))
        : new StaticShardSource(indexUrl);
      this.geocoder = new Geocoder(indexUrl);
      void this.loadPhoneLine(indexUrl);
    }
  }

  /** Loads the page's language's catalogue, once per page (and again after a failure, when the language changes). */
  private async loadCatalogue(): Promise<void> {
    const locale = this.locale;
    this.catalogueFailed = false;
    if (locale === 'fr' || loadedCatalogues[locale]) return;
    let load = catalogueLoads.get(locale);
    if (!load) {
      load = catalogueLoaders[locale]().then((strings) => void (loadedCatalogues[locale] = strings));
      catalogueLoads.set(locale, load);
    }
    try {
      await load;
    } catch {
      catalogueLoads.delete(locale);
      if (this.locale === locale) this.catalogueFailed = true;
    }
    this.requestUpdate();
  }

  /** The phone line's file, and the data's sources ahead of a search; either may fail without the other. */
  private async loadPhoneLine(indexUrl: string): Promise<void> {
    // Until it comes (or when it cannot), the line is shown from the built-in fallback: it must always be offered.
    this.phoneLine = await loadPhoneLine(new URL('ligne-solidarite-numerique.json', indexUrl).href).catch(() => null);
    try {
      this.attribution = await this.source!.attribution();
      this.vocabularies = await this.source!.vocabularies();
    } catch {
      // Asked again by the search, which tells a failure.
    }
  }

  private get franceServicesFirst(): boolean {
    const tutorial = (this.context ?? this.pageContext.value).tutorial?.tutorial;
    return isFranceServicesPartnerProcedure(this.procedure) || isFranceServicesPartnerProcedure(tutorial);
  }

  // --- Searching -----------------------------------------------------------------------------------------

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // A suggestion request still under way must not reopen the list over the results.
    this.combobox.cancel();
    await this.submitTypedText();
  }

  /**
   * Searches what the field holds. Busy at once (the commune's lookup may be slow too, on a slow network), not only
   * once the places are fetched; a second press meanwhile is the same search, and the last one wins.
   */
  private async submitTypedText(): Promise<boolean> {
    const request = ++this.searchRequest;
    this.status = 'loading';
    this.dataError = null;
    return this.busy.run(this.t.searching, async () => {
      const commune = this.combobox.chosen ?? (await this.resolveTypedText());
      if (!commune || request !== this.searchRequest) return false;
      return this.searchAround(commune);
    });
  }

  /** Searches around a commune: the one typed, or the suggestion picked. */
  private async searchAround(commune: CommuneEntry): Promise<boolean> {
    // A postal code typed: the other communes are that code's; a name: the communes of the same name (homonyms).
    const postcode = /\b\d{5}\b/.exec(this.combobox.input)?.[0];
    const shared: Origin['shared'] = postcode ? { by: 'postcode', value: postcode } : { by: 'name', value: commune[0] };
    const others = this.combobox.suggestions.filter((s) => s !== commune && (postcode || s[0] === commune[0]));
    if (commune[3] === null || commune[4] === null) {
      this.showFieldError({ key: 'no-position-known' });
      return false;
    }
    this.origin = { label: communeLabel(commune), point: { lat: commune[3], lon: commune[4] }, commune, others, shared };
    rememberSearch(this.combobox.input);
    this.limit = PAGE_SIZE;
    return this.search();
  }

  /** The commune meant by the typed text, or null after showing why there is none. */
  private async resolveTypedText(): Promise<CommuneEntry | null> {
    try {
      const resolved = await this.combobox.resolve();
      if ('error' in resolved) this.showFieldError(resolved.error);
      return 'commune' in resolved ? resolved.commune : null;
    } catch (error) {
      this.showDataError(error);
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

  private showDataError(error: unknown): void {
    console.warn('[Aide numérique] les lieux n’ont pas pu être chargés.', error);
    this.dataError = this.t.errors['data-failed'](requestFailureText(error, this.locale));
    this.status = 'error';
    this.announce(this.dataError, 'assertive');
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
    this.dataError = null;
    try {
      const results = await this.source.nearest(this.origin.point, {
        limit: this.limit,
        filters: this.filters,
        franceServicesFirst: this.franceServicesFirst,
        now: this.now,
      });
      if (request !== this.searchRequest) return false;
      const nearby = results.filter((r) => r.distanceKm <= NEARBY_KM).length;
      // Nothing open now is not nothing at all: the nearest places, closed, say when they open.
      const closedNearby = this.filters.openNow && nearby === 0 ? await this.nearestClosed(this.origin.point) : [];
      if (request !== this.searchRequest) return false;
      this.vocabularies = await this.source.vocabularies();
      this.attribution ??= await this.source.attribution();
      this.results = results;
      this.closedNearby = closedNearby.length > 0 ? closedNearby : null;
      this.status = 'results';
      this.refreshing = false;
      const mode = options.announce ?? 'results';
      if (mode !== 'none' && this.closedNearby) this.announce(closedNowText(this.t, this.locale, this.origin.label, this.closedNearby[0]!, this.now ?? new Date()));
      else if (mode === 'filters') this.announce(this.t.resultsUpdated(results.length));
      else if (mode === 'results') {
        this.announce(results.length === 0 ? this.t.nothingAtAll : nearby === 0 ? this.t.nothingWithin30 : this.t.resultsNear(results.length, this.origin.label));
      }
      this.emit(new AideLocatorResultsEvent({ count: results.length, origin: this.origin.label }));
      return true;
    } catch (error) {
      if (request === this.searchRequest) {
        this.refreshing = false;
        this.showDataError(error);
      }
      return false;
    }
  }

  /** The three nearest places within 30 km whose next opening is known (else the three nearest), for « Ouvert maintenant ». */
  private async nearestClosed(point: Origin['point']): Promise<PlaceResult[]> {
    const now = this.now ?? new Date();
    const nearest = (
      await this.source!.nearest(point, { limit: PAGE_SIZE, filters: { ...this.filters, openNow: false }, franceServicesFirst: this.franceServicesFirst, now })
    ).filter((r) => r.distanceKm <= NEARBY_KM);
    const known = nearest.filter((r) => {
      const state = placeOpening(r, now);
      return state.state === 'closed' && state.opensAt !== null;
    });
    return (known.length > 0 ? known : nearest).slice(0, 3);
  }

  private async useMyPosition(): Promise<void> {
    this.fieldError = null;
    if (!('geolocation' in navigator)) {
      this.showFieldError({ key: 'geo-unsupported' });
      return;
    }
    this.status = 'loading';
    await this.busy.run(this.t.searching, async () => {
      const request = ++this.searchRequest;
      let position: GeolocationPosition;
      try {
        position = await new Promise<GeolocationPosition>((resolve, reject) =>
          navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 15000, maximumAge: 300000 }),
        );
      } catch (error) {
        const code = (error as GeolocationPositionError).code;
        if (request === this.searchRequest) this.showFieldError({ key: code === 1 ? 'geo-denied' : 'geo-unavailable' });
        return;
      }
      if (request !== this.searchRequest) return;
      this.origin = { label: this.t.nearYourPosition, point: { lat: position.coords.latitude, lon: position.coords.longitude }, commune: null, others: [], shared: null };
      this.limit = PAGE_SIZE;
      await this.search();
    });
  }

  private async chooseOther(commune: CommuneEntry): Promise<void> {
    if (commune[3] === null || commune[4] === null) return this.showFieldError({ key: 'no-position-known' });
    const previous = this.origin;
    const others = [...(previous?.commune ? [previous.commune] : []), ...(previous?.others ?? [])].filter((c) => c !== commune);
    this.combobox.show(commune);
    this.origin = { label: communeLabel(commune), point: { lat: commune[3], lon: commune[4] }, commune, others, shared: previous?.shared ?? null };
    // The button pressed leaves the list of other communes: focus goes to the results' heading, which says
    // "10 lieux près de…" (no live message on top).
    if (await this.busy.run(this.t.searching, () => this.search({ announce: 'none' }))) this.focusResultsTitle();
  }

  /**
   * « Réessayer » after the data could not be read: the same search again, busy at once. The button goes away with
   * the message: once the places are there, focus goes to the results' heading (it says "10 lieux près de…"), never
   * left on the page's body.
   */
  private async retry(): Promise<void> {
    const found = this.origin ? await this.busy.run(this.t.searching, () => this.search({ announce: 'none' })) : await this.submitTypedText();
    if (found) this.focusResultsTitle();
  }

  private focusResultsTitle(): void {
    void this.updateComplete.then(() => focusElement(this.renderRoot.querySelector<HTMLElement>('#results-title')));
  }

  private setFilter(update: Partial<PlaceFilters>): void {
    this.filters = { ...this.filters, ...update };
    void this.search({ refresh: true, announce: 'filters' });
  }

  /** « Voir tous les lieux, ouverts ou fermés » goes with the message it ends: focus goes to the results' heading. */
  private async showAllPlaces(): Promise<void> {
    this.filters = { ...this.filters, openNow: false };
    if (await this.busy.run(this.t.searching, () => this.search({ refresh: true, announce: 'none' }))) this.focusResultsTitle();
  }

  /** "Retirer tous les filtres" disappears with the last filter: focus goes back to the filters' button. */
  private clearFilters(): void {
    this.setFilter({ openNow: false, freeOfCharge: false, wheelchair: false, services: [], supportKinds: [], publics: [], specificSupport: [], labels: [] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.filters-toggle')?.focus());
  }

  private toggleValue(key: ValueFilter, value: string, on: boolean): void {
    const current = new Set(this.filters[key] ?? []);
    if (on) current.add(value);
    else current.delete(value);
    this.setFilter({ [key]: [...current] });
  }

  private toggleSheet(id: string, on: boolean): void {
    const next = new Set(this.forSheet);
    if (on) next.add(id);
    else next.delete(id);
    this.forSheet = next;
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

  private openSheet(): void {
    this.sheetOpen = true;
    void this.updateComplete.then(() => focusElement(this.renderRoot.querySelector<HTMLElement>('#sheet-title')));
  }

  // --- Rendering (the templates are in locator-view.ts and place-view.ts) ------------------------------------

  private get view(): LocatorPageView {
    const t = this.t;
    return {
      t,
      locale: this.locale,
      now: this.now ?? new Date(),
      headingLevel: this.headingLevel,
      sectionLevel: this.inPanel ? this.headingLevel : this.headingLevel + 1,
      inPanel: this.inPanel,
      vocabularies: this.vocabularies,
      phoneLine: this.phoneLine,
      attribution: this.attribution,
      filters: this.filters,
      filtersOpen: this.filtersOpen,
      forSheet: this.forSheet,
      status: this.status,
      dataError: this.dataError,
      fieldError: this.fieldError ? this.errorText(this.fieldError) : null,
      origin: this.origin,
      results: this.results,
      closedNearby: this.closedNearby,
      moreAvailable: this.results.length >= this.limit,
      refreshing: this.refreshing,
      franceServicesFirst: this.franceServicesFirst,
      sheet: this.sheetOpen ? () => this.renderSheet() : null,
      combobox: (options) => this.combobox.render(options),
      submit: (event) => void this.handleSubmit(event),
      useMyPosition: () => void this.useMyPosition(),
      retry: () => void this.retry(),
      chooseOther: (commune) => void this.chooseOther(commune),
      showMore: () => void this.showMore(),
      openSheet: () => this.openSheet(),
      toggleFilters: () => (this.filtersOpen = !this.filtersOpen),
      setFilter: (update) => this.setFilter(update),
      toggleValue: (key, value, on) => this.toggleValue(key, value, on),
      clearFilters: () => this.clearFilters(),
      showAllPlaces: () => void this.showAllPlaces(),
      toggleSheet: (id, on) => this.toggleSheet(id, on),
    };
  }

  private renderSheet() {
    const data = helpSheetData({
      t: this.t,
      locale: this.locale,
      origin: this.origin?.label ?? '',
      results: this.results,
      chosen: this.forSheet,
      phoneLine: this.phoneLine,
      tutorial: (this.context ?? this.pageContext.value).tutorial,
    });
    return renderHelpSheet(this.t, this.inPanel ? this.headingLevel : this.headingLevel + 1, data, this.src);
  }

  override render() {
    const locale = this.locale;
    if (locale === 'fr' || loadedCatalogues[locale]) return renderLocator(this.view);
    // French rather than nothing when the catalogue could not come, marked as such for screen readers' voices.
    if (this.catalogueFailed) return html`<div lang="fr" dir="ltr">${renderLocator(this.view)}</div>`;
    return html`<p class="status" role="status" aria-busy="true" data-busy>${catalogueLoading[locale]}</p>`;
  }
}
