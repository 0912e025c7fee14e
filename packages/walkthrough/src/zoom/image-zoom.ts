/**
 * <aide-image-zoom>: a tutorial image enlarged, in a modal dialog, that can really be zoomed and moved: pinch, drag
 * and the mouse wheel through Panzoom (a small, well-kept library: pointer events, pinch, limits), and the keyboard
 * (+ and − zoom, arrows move, 0 fits the screen again). Escape or "Fermer l'image" closes it; the element that opened
 * it takes focus back. The alternative text is shown under the image. Its own chunk, loaded on the first image a
 * person enlarges (or once a step with an image is shown): nothing of it is in the walkthrough's budget.
 */
import { html, css, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { AideElement, defineElement, sharedStyles } from '@aide/core/element';
import { AideImageCloseEvent } from '@aide/core';
import { zoomStrings, type ZoomStrings } from './strings.ts';

/** Zoom factor of one key press or button press (exp(0.5) ≈ ×1.65). */
const STEP = 0.5;
const MAX_SCALE = 8;

/**
 * An enlarged tutorial image in a modal dialog: zoom by pinch, wheel, buttons or keyboard (+, −, 0), move by drag or
 * arrows, its alternative text shown, Escape closes and focus returns to `opener`. Used by `<aide-walkthrough>`.
 *
 * @summary An enlarged tutorial image that can be zoomed and moved.
 * @tagname aide-image-zoom
 * @csspart dialog - The dialog around the image, its caption and its tools.
 * @fires {AideImageCloseEvent} aide-image-close - The dialog closed (focus is back on `opener`).
 */
export class AideImageZoom extends AideElement<ZoomStrings> {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        box-sizing: border-box;
        width: min(60em, calc(100vw - 1em));
        max-width: none;
        max-height: calc(100dvh - 1em);
        margin: auto;
        padding: 0.75em;
        border: 2px solid var(--_border);
        background: var(--_bg);
        color: var(--_text);
        overflow: auto;
      }
      dialog::backdrop {
        background: rgba(0, 0, 18, 0.7);
      }
      .viewport {
        width: fit-content;
        max-width: 100%;
        margin: 0 auto;
        border: 1px solid var(--_border-light);
        background: var(--_bg-alt);
        cursor: grab;
      }
      img {
        display: block;
        max-width: 100%;
        max-height: calc(100dvh - 16em);
        min-height: 8em;
        width: auto;
        height: auto;
        object-fit: contain;
      }
      .caption {
        margin: 0.5em 0;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      .tools .close {
        margin-inline-start: auto;
      }
      output {
        min-width: 7em;
        font-weight: 700;
      }
      .keys {
        margin: 0.5em 0 0;
        color: var(--_text-mention);
        font-size: 0.875em;
      }
      @media (forced-colors: active) {
        dialog,
        .viewport {
          border-color: CanvasText;
        }
      }
    `,
  ];
  protected readonly catalogues = zoomStrings;

  /** The image to show: a copy of the step's <picture> (its formats and sizes) or <img>. */
  @property({ attribute: false }) picture: HTMLElement | null = null;
  /** Its alternative text, shown under it. */
  @property() alt = '';
  /** Takes focus back when the dialog closes. */
  @property({ attribute: false }) opener: HTMLElement | null = null;

  @state() private scale = 1;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.stage') private stage!: HTMLElement;
  @query('.viewport') private viewport!: HTMLElement;
  private panzoom?: PanzoomObject;

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.dialog.showModal();
    this.panzoom = Panzoom(this.stage, { minScale: 1, maxScale: MAX_SCALE, step: STEP, contain: 'outside', cursor: 'grab' });
    this.stage.addEventListener('panzoomchange', () => (this.scale = this.panzoom!.getScale()));
    this.viewport.addEventListener('wheel', this.panzoom.zoomWithWheel, { passive: false });
    // The copy first shows the version already loaded for the panel, then the largest one for details.
    requestAnimationFrame(() => {
      for (const candidate of this.picture?.querySelectorAll('source, img') ?? []) {
        (candidate as HTMLSourceElement).sizes = `${this.picture?.querySelector('img')?.getAttribute('width') ?? 1600}px`;
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.panzoom?.destroy();
  }

  /** Closes the dialog; focus goes back to the opener. */
  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  private zoom(direction: 1 | -1 | 0): void {
    const panzoom = this.panzoom!;
    // Without Panzoom's transition: with `contain`, a press during one would measure the image half-way and keep a
    // wrong scale (0 right after + stayed at 160 %). Jumps also spare people who asked for reduced motion.
    const now = { animate: false };
    if (direction === 0) panzoom.reset(now);
    else if (direction > 0) panzoom.zoomIn(now);
    else panzoom.zoomOut(now);
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // Ctrl + and Ctrl − are the browser's own zoom.
    const panzoom = this.panzoom!;
    // One arrow press moves a tenth of what is visible, whatever the zoom.
    const distance = this.viewport.clientWidth / 10 / panzoom.getScale();
    const moves: Record<string, [number, number]> = { ArrowLeft: [distance, 0], ArrowRight: [-distance, 0], ArrowUp: [0, distance], ArrowDown: [0, -distance] };
    if (event.key === 'Escape') {
      // The image closes; the panel behind must not.
      event.stopPropagation();
      this.close();
    } else if (event.key === '+' || event.key === '=') this.zoom(1);
    else if (event.key === '-' || event.key === '−') this.zoom(-1);
    else if (event.key === '0') this.zoom(0);
    else if (moves[event.key]) panzoom.pan(...moves[event.key]!, { relative: true });
    else return;
    event.preventDefault();
  }

  private handleClose(): void {
    this.opener?.focus();
    this.dispatchEvent(new AideImageCloseEvent());
  }

  override render() {
    const t = this.t;
    return html`<dialog part="dialog" aria-labelledby="label caption" @keydown=${this.handleKeydown} @close=${this.handleClose}>
      <div class="viewport"><div class="stage">${this.picture}</div></div>
      <span id="label" hidden>${t.label} :</span>
      <!-- The image's own alternative text says it to screen readers: the caption shows it, once. -->
      <p id="caption" class="caption" lang="fr" dir="ltr" aria-hidden="true">${this.alt}</p>
      <div class="tools">
        <button type="button" class="button secondary" @click=${() => this.zoom(1)}>${t.zoomIn}</button>
        <button type="button" class="button secondary" @click=${() => this.zoom(-1)}>${t.zoomOut}</button>
        <button type="button" class="button secondary" @click=${() => this.zoom(0)}>${t.fit}</button>
        <output>${t.level(Math.round(this.scale * 100))}</output>
        <button type="button" class="button close" @click=${this.close}>${t.close}</button>
      </div>
      <p class="keys">${t.keys}</p>
    </dialog>`;
  }
}

defineElement('aide-image-zoom', AideImageZoom);

declare global {
  interface HTMLElementTagNameMap {
    'aide-image-zoom': AideImageZoom;
  }
}
