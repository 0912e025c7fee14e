/**
 * The embed configurator: an administration picks the options of its procedure page (procedure, position, entries,
 * colour, locale) and copies the `<script>` tag, with a live preview beside it. Values are checked by the widget's
 * own configuration parser (@aide/core), so what the form accepts is what aide.js accepts.
 */
import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import { checkOption, contrastWithWhite, ENTRIES, type Entry, type Position } from '@aide/core';

export interface ConfiguratorState {
  procedure: string;
  position: Position;
  entries: Entry[];
  /** The collector's …/api/v1/feedback: without it, "Je donne mon avis" is not offered. */
  feedbackEndpoint: string;
  color: string;
  locale: 'auto' | 'fr' | 'en' | 'ar';
}

const POSITION_LABELS: Record<Position, string> = {
  'bottom-right': 'Bouton flottant en bas à droite',
  'bottom-left': 'Bouton flottant en bas à gauche',
  inline: 'Bouton placé dans la page (élément <aide-help>)',
  none: 'Aucun bouton : seulement les éléments placés dans la page',
};
const ENTRY_LABELS: Record<Entry, string> = {
  tutorials: 'Tutoriels pas à pas',
  locator: 'Trouver une aide près de chez moi',
  feedback: 'Je donne mon avis',
};
const LOCALE_LABELS: Record<ConfiguratorState['locale'], string> = {
  auto: 'Langue de la page (sinon français)',
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
};

const DEFAULTS: ConfiguratorState = { procedure: '', position: 'bottom-right', entries: [...ENTRIES], feedbackEndpoint: '', color: '', locale: 'auto' };

/** The problems of a state, by field, in plain French (empty when the tag can be copied). */
function problemsOf(state: ConfiguratorState, base: URL): Partial<Record<'procedure' | 'entries' | 'endpoint' | 'color', string>> {
  const problems: Partial<Record<'procedure' | 'entries' | 'endpoint' | 'color', string>> = {};
  const procedure = checkOption('procedure', state.procedure, base);
  if (!procedure.ok) problems.procedure = `Identifiant non valide : ${procedure.accepted}.`;
  if (state.entries.length === 0) problems.entries = 'Choisissez au moins une aide.';
  const endpoint = checkOption('feedback-endpoint', state.feedbackEndpoint, base);
  if (!endpoint.ok) problems.endpoint = `Adresse non valide : ${endpoint.accepted}.`;
  const color = checkOption('color', state.color, base);
  if (!color.ok) {
    const hex = /^#[0-9a-f]{6}$/i.test(state.color.trim()) ? state.color.trim() : null;
    problems.color = hex
      ? `Contraste insuffisant avec le texte blanc des boutons : ${contrastWithWhite(hex.toLowerCase()).toFixed(1).replace('.', ',')}:1, il faut au moins 4,5:1. Choisissez une couleur plus foncée.`
      : `Couleur non valide : ${color.accepted}, par exemple #000091.`;
  }
  return problems;
}

/** The tag to paste in the page: only the options that differ from the defaults (zero configuration must work). */
function scriptTag(state: ConfiguratorState, aideUrl: string): string {
  const attributes: string[] = [`src="${aideUrl}"`];
  if (state.procedure.trim()) attributes.push(`data-procedure="${state.procedure.trim()}"`);
  if (state.position !== DEFAULTS.position) attributes.push(`data-position="${state.position}"`);
  if (state.entries.length !== ENTRIES.length) attributes.push(`data-entries="${ENTRIES.filter((e) => state.entries.includes(e)).join(',')}"`);
  if (state.feedbackEndpoint.trim()) attributes.push(`data-feedback-endpoint="${state.feedbackEndpoint.trim()}"`);
  if (state.color.trim()) attributes.push(`data-color="${state.color.trim().toLowerCase()}"`);
  if (state.locale !== 'auto') attributes.push(`data-locale="${state.locale}"`);
  const tag = `<script ${attributes.join(' ')} defer></script>`;
  return state.position === 'inline' ? `${tag}\n<!-- À l'endroit où le bouton doit apparaître : -->\n<aide-help></aide-help>` : tag;
}

/** The preview's document: a procedure page reduced to its heading, with the tag as it will be pasted. */
function previewDocument(state: ConfiguratorState, aideUrl: string): string {
  const tag = scriptTag(state, aideUrl);
  const [script, , placed] = tag.split('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu de la page de démarche</title>
<style>body{font-family:arial,sans-serif;margin:1.5rem;line-height:1.5;color:#161616;background:#fff}</style>
${script}</head><body><main aria-label="Aperçu de la page de démarche"><h1>Votre page de démarche</h1><p>Le widget apparaît ici comme sur votre page.</p>${placed ?? ''}</main></body></html>`;
}

export class Configurator {
  private state: ConfiguratorState = { ...DEFAULTS, entries: [...DEFAULTS.entries] };
  private copied = '';
  private previewTimer: number | undefined;
  private readonly base: URL;
  private readonly aideUrl: string;

  constructor(
    private readonly container: HTMLElement,
    private readonly procedures: string[],
  ) {
    this.base = new URL('/aide/', location.href);
    this.aideUrl = new URL('aide.js', this.base).href;
  }

  start(): void {
    this.update();
    // Focus inside the preview's page makes the frame this page's active element, which no :focus rule outlines
    // (the page only sees its window lose focus): the frame then says it has focus with a class.
    const frame = this.container.querySelector('iframe');
    window.addEventListener('blur', () => frame?.classList.toggle('has-focus', document.activeElement === frame));
    window.addEventListener('focus', () => frame?.classList.remove('has-focus'));
    // Focus moved within this page without the window being told (a script's focus()): the frame no longer has it.
    document.addEventListener('focusin', () => frame?.classList.remove('has-focus'));
    this.refreshPreview();
  }

  private set(change: Partial<ConfiguratorState>): void {
    this.state = { ...this.state, ...change };
    this.copied = '';
    this.update();
    // The preview reloads the widget: once typing pauses, and only with a configuration aide.js accepts.
    window.clearTimeout(this.previewTimer);
    this.previewTimer = window.setTimeout(() => this.refreshPreview(), 400);
  }

  private refreshPreview(): void {
    if (Object.keys(problemsOf(this.state, this.base)).length > 0) return;
    const frame = this.container.querySelector('iframe');
    if (frame) frame.srcdoc = previewDocument(this.state, this.aideUrl);
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(scriptTag(this.state, this.aideUrl));
      this.copied = 'Code copié dans le presse-papiers.';
    } catch {
      // Clipboard refused (permissions, insecure context): the code stays selectable by hand.
      this.copied = 'La copie automatique n’est pas possible ici : sélectionnez le code et copiez-le.';
      const code = this.container.querySelector('#snippet');
      if (code) window.getSelection()?.selectAllChildren(code);
    }
    this.update();
  }

  private toggleEntry(entry: Entry, on: boolean): void {
    this.set({ entries: ENTRIES.filter((e) => (e === entry ? on : this.state.entries.includes(e))) });
  }

  private update(): void {
    const s = this.state;
    const problems = problemsOf(s, this.base);
    const valid = Object.keys(problems).length === 0;
    const swatch = checkOption('color', s.color, this.base).ok && s.color.trim() ? s.color.trim() : '#000091';
    render(
      html`
        <div class="configurator" role="group" aria-label="Réglages de l’intégration">
          <div class="field">
            <label for="cfg-procedure">Identifiant de la démarche <span class="hint" id="cfg-procedure-hint">Facultatif. Les tutoriels de cette démarche sont proposés en premier et les avis sont regroupés par démarche. Exemple : demande-logement.</span></label>
            ${problems.procedure ? html`<p class="error" id="cfg-procedure-error">${problems.procedure}</p>` : nothing}
            <input
              id="cfg-procedure"
              type="text"
              list="cfg-procedures"
              autocomplete="off"
              spellcheck="false"
              aria-describedby=${problems.procedure ? 'cfg-procedure-hint cfg-procedure-error' : 'cfg-procedure-hint'}
              aria-invalid=${problems.procedure ? 'true' : 'false'}
              .value=${live(s.procedure)}
              @input=${(e: Event) => this.set({ procedure: (e.target as HTMLInputElement).value })}
            />
            <datalist id="cfg-procedures">${this.procedures.map((p) => html`<option value=${p}></option>`)}</datalist>
          </div>
          <div class="field">
            <label for="cfg-position">Place du bouton « Besoin d’aide ? »</label>
            <select id="cfg-position" @change=${(e: Event) => this.set({ position: (e.target as HTMLSelectElement).value as Position })}>
              ${(Object.keys(POSITION_LABELS) as Position[]).map((p) => html`<option value=${p} ?selected=${s.position === p}>${POSITION_LABELS[p]}</option>`)}
            </select>
          </div>
          <fieldset class="field" aria-describedby=${problems.entries ? 'cfg-entries-error' : nothing}>
            <legend>Aides proposées dans le panneau</legend>
            ${problems.entries ? html`<p class="error" id="cfg-entries-error">${problems.entries}</p>` : nothing}
            ${ENTRIES.map(
              (entry) => html`<div class="check">
                <input
                  type="checkbox"
                  id="cfg-entry-${entry}"
                  .checked=${live(s.entries.includes(entry))}
                  @change=${(e: Event) => this.toggleEntry(entry, (e.target as HTMLInputElement).checked)}
                />
                <label for="cfg-entry-${entry}">${ENTRY_LABELS[entry]}</label>
              </div>`,
            )}
          </fieldset>
          <div class="field">
            <label for="cfg-endpoint">Adresse du service de collecte des avis <span class="hint" id="cfg-endpoint-hint">Nécessaire pour « Je donne mon avis » : l’adresse …/api/v1/feedback de votre service de collecte. Sans elle, cette aide n’est pas proposée.</span></label>
            ${problems.endpoint ? html`<p class="error" id="cfg-endpoint-error">${problems.endpoint}</p>` : nothing}
            <!-- A text area: a long address wraps on a phone instead of hiding its end. -->
            <textarea
              id="cfg-endpoint"
              rows="2"
              autocomplete="off"
              spellcheck="false"
              aria-describedby=${problems.endpoint ? 'cfg-endpoint-hint cfg-endpoint-error' : 'cfg-endpoint-hint'}
              aria-invalid=${problems.endpoint ? 'true' : 'false'}
              .value=${live(s.feedbackEndpoint)}
              @input=${(e: Event) => this.set({ feedbackEndpoint: (e.target as HTMLTextAreaElement).value.replace(/\s+/g, '') })}
            ></textarea>
          </div>
          <div class="field">
            <label for="cfg-color">Couleur des boutons <span class="hint" id="cfg-color-hint">Facultatif. Format #rrggbb, contraste d’au moins 4,5:1 avec le texte blanc. Par défaut : bleu France #000091.</span></label>
            ${problems.color ? html`<p class="error" id="cfg-color-error">${problems.color}</p>` : nothing}
            <div class="color">
              <input
                id="cfg-color"
                type="text"
                autocomplete="off"
                spellcheck="false"
                maxlength="7"
                aria-describedby=${problems.color ? 'cfg-color-hint cfg-color-error' : 'cfg-color-hint'}
                aria-invalid=${problems.color ? 'true' : 'false'}
                .value=${live(s.color)}
                @input=${(e: Event) => this.set({ color: (e.target as HTMLInputElement).value })}
              />
              <span class="swatch" aria-hidden="true" data-color=${swatch}></span>
            </div>
          </div>
          <div class="field">
            <label for="cfg-locale">Langue du widget</label>
            <select id="cfg-locale" @change=${(e: Event) => this.set({ locale: (e.target as HTMLSelectElement).value as ConfiguratorState['locale'] })}>
              ${(Object.keys(LOCALE_LABELS) as ConfiguratorState['locale'][]).map(
                (l) => html`<option value=${l} ?selected=${s.locale === l} lang=${l === 'auto' ? 'fr' : l}>${LOCALE_LABELS[l]}</option>`,
              )}
            </select>
          </div>
        </div>
        <div class="result">
          <h3 id="cfg-code-title">Code à coller dans vos pages</h3>
          ${valid
            ? html`<pre class="code" tabindex="0" role="region" aria-labelledby="cfg-code-title"><code id="snippet">${scriptTag(s, this.aideUrl)}</code></pre>
                <p><button type="button" class="btn" @click=${() => void this.copy()}>Copier le code</button></p>`
            : html`<p class="error">Corrigez les champs signalés : le code apparaîtra ici.</p>`}
          <p class="status" role="status">${this.copied}</p>
          <h3 id="cfg-preview-title">Aperçu</h3>
          <iframe class="preview" title="Aperçu : une page de démarche avec ce code"></iframe>
        </div>
      `,
      this.container,
    );
    // The swatch colour is set through the CSSOM (the page may run under a strict style-src CSP).
    const swatchElement = this.container.querySelector<HTMLElement>('.swatch');
    swatchElement?.style.setProperty('background-color', swatch);
  }
}
