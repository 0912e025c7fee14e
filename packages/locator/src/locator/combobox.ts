/**
 * The commune field: an ARIA 1.2 combobox with a list of suggestions (postal code → its communes, name → communes
 * starting so), arrow keys through the list while focus stays in the field (aria-activedescendant), Enter picks,
 * Escape closes the list (a second Escape is left to the panel). Picking a suggestion searches at once (the element
 * is told, through `onChoose`); focus stays in the field and the results are announced, so nothing moves under the
 * person (RGAA 7.4). The number of suggestions is said once typing pauses.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { deepActiveElement } from '@aide/core';
import { parseLocationQuery, type InvalidReason } from '../engine/query.ts';
import { geocode, type Geocoder, type GeocodeResult } from '../engine/source.ts';
import type { CommuneEntry } from '../engine/types.ts';

/** Quiet time after the last keystroke before suggestions are looked up. */
const SUGGEST_DELAY = 150;
/** Quiet time after the last suggestion update before their number is announced. */
const SUGGEST_ANNOUNCE_DELAY = 500;

/** Why the typed text names no commune: a key of the locator's error messages, and its argument. */
export interface FieldError {
  key: InvalidReason | 'postcode-unknown' | 'commune-unknown' | 'no-position-known' | 'geo-unsupported' | 'geo-denied' | 'geo-unavailable';
  arg?: string;
}

export const communeLabel = (commune: CommuneEntry) => `${commune[0]} (${commune[1]})`;

export interface ComboboxOptions {
  /** The geocoder of the current data (absent before `src` is set). */
  geocoder(): Geocoder | undefined;
  /** The field, once rendered. */
  field(): HTMLInputElement | undefined;
  announce(message: string): void;
  /** The person edited or picked (a field error no longer applies). */
  onEdit(): void;
  /** The person picked a suggestion: search around it. */
  onChoose(commune: CommuneEntry): void;
  /** "8 communes proposées". */
  countText(count: number): string;
  /** "Aucune commune ne commence ainsi". */
  noneText(): string;
}

/**
 * The place searched for last, kept in memory for this visit of the page only (nothing stored): the locator shown
 * again (another view of the panel, « Je suis bloqué », help offered after an opinion) does not ask for it again
 * (WCAG 3.3.7).
 */
let lastSearched = '';

/** Remembers what was in the field when a search was made. */
export function rememberSearch(text: string): void {
  lastSearched = text;
}

export class CommuneCombobox implements ReactiveController {
  /** The text in the field: at first, the place searched for last in this visit. */
  input = lastSearched;
  suggestions: CommuneEntry[] = [];
  activeIndex = -1;
  /** The suggestion picked, while the field still shows it. */
  chosen: CommuneEntry | null = null;
  /** What the suggestions share: a postal code, or a name (homonyms). */
  sharing: GeocodeResult['sharing'] = 'name';
  private open = false;
  private suggestTimer?: number;
  private announceTimer?: number;
  /** Last suggestion count said; said again only once the list has closed. */
  private lastAnnounced = '';
  private request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ComboboxOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    window.clearTimeout(this.suggestTimer);
    window.clearTimeout(this.announceTimer);
  }

  get expanded(): boolean {
    return this.open;
  }

  set expanded(value: boolean) {
    // A list that closed and opens again is announced again.
    if (this.open && !value) this.lastAnnounced = '';
    this.open = value;
    this.host.requestUpdate();
  }

  /** Shows `commune` in the field as if picked (another commune of the same name, chosen from the results). */
  show(commune: CommuneEntry): void {
    this.chosen = commune;
    this.input = communeLabel(commune);
    this.host.requestUpdate();
  }

  /** Stops suggesting: a search starts, and a late answer must not reopen the list over the results. */
  cancel(): void {
    this.expanded = false;
    window.clearTimeout(this.suggestTimer);
    this.request++;
  }

  /** Remembers the communes found for the typed text (so the results can offer the other ones). */
  setSuggestions(communes: CommuneEntry[]): void {
    this.suggestions = communes;
    this.host.requestUpdate();
  }

  /**
   * The commune the typed text means, when no suggestion was picked (see `geocode`: a postal code, a name, both, an
   * arrondissement, a name with its département as suggestions write it). The communes found stay as suggestions,
   * for the results to offer the others. Rejects when the data cannot be read.
   */
  async resolve(): Promise<{ commune: CommuneEntry } | { error: FieldError }> {
    const parsed = parseLocationQuery(this.options.field()?.value ?? this.input);
    if (parsed.kind === 'invalid') return { error: { key: parsed.reason } };
    const geocoder = this.options.geocoder();
    const found = geocoder ? await geocode(geocoder, parsed) : { communes: [], match: null, sharing: 'name' as const };
    this.sharing = found.sharing;
    this.setSuggestions(found.communes);
    if (found.match) return { commune: found.match };
    return parsed.kind === 'postcode' && !parsed.name
      ? { error: { key: 'postcode-unknown', arg: parsed.code } }
      : { error: { key: 'commune-unknown', arg: parsed.kind === 'name' ? parsed.text : (this.options.field()?.value ?? this.input).trim() } };
  }

  private handleInput(event: InputEvent): void {
    this.input = (event.target as HTMLInputElement).value;
    if (this.chosen && this.input !== communeLabel(this.chosen)) this.chosen = null;
    this.options.onEdit();
    this.host.requestUpdate();
    window.clearTimeout(this.suggestTimer);
    this.suggestTimer = window.setTimeout(() => void this.suggest(), SUGGEST_DELAY);
  }

  private async suggest(): Promise<void> {
    const request = ++this.request;
    const parsed = parseLocationQuery(this.input);
    const geocoder = this.options.geocoder();
    let list: CommuneEntry[] = [];
    try {
      if (geocoder && (parsed.kind === 'postcode' || (parsed.kind === 'name' && parsed.key.length >= 2))) {
        const found = await geocode(geocoder, parsed);
        list = found.communes;
        this.sharing = found.sharing;
      }
    } catch {
      list = []; // Offline: suggestions are a help, searching still explains what is wrong.
    }
    if (request !== this.request) return;
    this.suggestions = list;
    this.activeIndex = -1;
    const wasExpanded = this.open;
    this.expanded = list.length > 0 && !!this.options.field()?.matches(':focus');
    if (this.open) this.announceCount(this.options.countText(list.length), true);
    else if (wasExpanded && parsed.kind === 'name') this.announceCount(this.options.noneText(), false);
  }

  /**
   * The number of suggestions is said once typing pauses, and only when it changes: "8 communes proposées" after
   * every letter of "st etienne" would drown the letters the screen reader echoes.
   */
  private announceCount(message: string, listOpen: boolean): void {
    window.clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(() => {
      // Nothing once the list has been closed or left in the meantime (a choice, Escape, a search).
      if (message === this.lastAnnounced || this.open !== listOpen || deepActiveElement() !== this.options.field()) return;
      this.lastAnnounced = message;
      this.options.announce(message);
    }, SUGGEST_ANNOUNCE_DELAY);
  }

  private handleKeydown(event: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        this.activeIndex = (this.activeIndex + 1) % count;
        this.expanded = true;
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        this.expanded = true;
        break;
      case 'Enter':
        if (this.open && this.activeIndex >= 0) {
          event.preventDefault();
          this.choose(this.suggestions[this.activeIndex]!);
        }
        break;
      case 'Escape':
        // The list closes first; a second Escape is left to the panel (which closes).
        if (this.open) {
          event.preventDefault();
          this.activeIndex = -1;
          this.expanded = false;
        }
        break;
      default:
    }
  }

  /** A click on a suggestion (the keys are handled by the field, which keeps focus). */
  private handleClick(event: MouseEvent): void {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    const commune = option ? this.suggestions[Number(option.dataset.index)] : undefined;
    if (commune) this.choose(commune);
  }

  private choose(commune: CommuneEntry): void {
    this.chosen = commune;
    this.input = communeLabel(commune);
    this.activeIndex = -1;
    this.expanded = false;
    this.options.onEdit();
    const field = this.options.field();
    if (field) {
      field.value = this.input;
      field.focus();
    }
    this.options.onChoose(commune);
  }

  /**
   * The field and its list. `describedBy`: the hint and error ids; `listLabel`: the list's own name. (Listeners are
   * arrow functions: Lit calls a template's listeners with the host element as `this`.)
   */
  render(options: { describedBy: string; invalid: boolean; listLabel: string }) {
    const active = this.open && this.activeIndex >= 0 ? `suggestion-${this.activeIndex}` : nothing;
    return html`
      <!-- Keys and clicks are handled at the combobox's root: focus stays in the field (aria-activedescendant). -->
      <div class="combobox" @keydown=${(e: KeyboardEvent) => this.handleKeydown(e)} @click=${(e: MouseEvent) => this.handleClick(e)}>
        <input
          id="location"
          type="text"
          role="combobox"
          aria-labelledby="location-label"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          maxlength="200"
          aria-autocomplete="list"
          aria-controls="suggestions"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-activedescendant=${active}
          aria-describedby=${options.describedBy}
          aria-invalid=${options.invalid ? 'true' : 'false'}
          .value=${this.input}
          @input=${(e: InputEvent) => this.handleInput(e)}
          @focus=${() => this.options.geocoder()?.warm()}
          @blur=${() => (this.expanded = false)}
        />
        <ul id="suggestions" role="listbox" aria-label=${options.listLabel} ?hidden=${!this.open} @mousedown=${(e: Event) => e.preventDefault()}>
          ${this.suggestions.map(
            (s, i) => html`<li
              id="suggestion-${i}"
              role="option"
              data-index=${i}
              aria-selected=${i === this.activeIndex ? 'true' : 'false'}
              class=${i === this.activeIndex ? 'active' : ''}
            >
              ${communeLabel(s)}
            </li>`,
          )}
        </ul>
      </div>
    `;
  }
}
