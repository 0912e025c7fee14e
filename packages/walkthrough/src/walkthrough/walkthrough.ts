/**
 * <aide-walkthrough>: step-by-step tutorials, followed while doing the procedure. This file holds the element's
 * state and what happens on each action; the templates are in views.ts, and each concern has its own module:
 * library.ts (fetching), progress.ts (progress on the device), speech.ts (reading aloud), blocked-report.ts
 * (anonymous "Je suis bloqué" counts), content.ts (what tutorial HTML still needs in the page, loaded with the first
 * tutorial), ../zoom (the enlarged image, loaded on first use).
 * Longer than 350 lines for a reason: the class's JSDoc (the published API) and the one object handed to the
 * templates take 80 lines; what is left is the state of four screens, where the page is in its procedure, and their
 * actions, read together.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AideElement, booleanConverter, negatedBooleanConverter, sharedStyles } from '@aide/core/element';
import {
  AideOpenViewEvent,
  AideRevealPageEvent,
  AideStepChangeEvent,
  findPageTarget,
  focusElement,
  markBusy,
  NATIONAL_PHONE_LINE,
  sayBusy,
  showPageTarget,
  type HelpContext,
} from '@aide/core';
import type { TutorialChunk, TutorialIndex, TutorialSummary } from '../format.ts';
import { walkthroughStrings, type WalkthroughStrings } from './strings.ts';
import { walkthroughStyles } from './walkthrough.styles.ts';
import { TutorialLibrary } from './library.ts';
import { ProgressStore } from './progress.ts';
import { SpeechController } from './speech.ts';
import { reportBlocked } from './blocked-report.ts';
import { fill, renderCatalogue, renderDone, renderOverview, renderStep, type WalkthroughView } from './views.ts';

export { matchesProcedure } from './views.ts';

import type * as contentModule from './content.ts';

type ContentModule = typeof contentModule;

/** Quiet time after the last keystroke before the search runs. */
const SEARCH_DELAY = 200;
/** Quiet time after the last keystroke before the result count is announced. */
const SEARCH_ANNOUNCE_DELAY = 700;

/** How a step came to be shown: it decides what is announced. */
type Arrival = 'moved' | 'resumed' | 'here' | 'followed';

/**
 * Step-by-step tutorials, followed while doing the procedure: the tutorials of the current procedure first, then
 * search and themes; one step at a time ("Tutoriel : étape 2 sur 7") with previous / next and the list of steps.
 * Where the page is in its procedure (`procedure` and `procedure-step`, from `data-procedure` and `data-step`), a
 * tutorial starts at the step that explains it ("Vous êtes à l'étape « Votre logement » de votre démarche : le
 * tutoriel commence ici", with "Voir depuis le début"), marks it "Vous êtes ici" in its list of steps, and follows
 * the page when it moves to another step. Focus moves to the step's heading and the change is announced; progress
 * stays on the device; glossary terms open their definition; images open enlarged and can be zoomed; "Me montrer"
 * frames a field of the page; "Écouter cette étape" uses the browser's own French voice; "Je suis bloqué" leads to
 * human help.
 *
 * @summary Shows tutorials one step at a time, beside the procedure.
 * @tagname aide-walkthrough
 * @csspart step - The current step (article).
 * @csspart navigation - The previous / next buttons.
 * @fires {AideStepChangeEvent} aide-step-change - Another step is shown (also when a tutorial opens or resumes at a step); detail: { tutorial, title, step, total, stepTitle, pageStep }.
 * @fires {AideOpenViewEvent} aide-open-view - Cancelable. Asks for the locator ("Je suis bloqué") or the feedback form (at the end); when nobody cancels it, the national phone line is shown.
 * @fires {AideRevealPageEvent} aide-reveal-page - "Me montrer" is about to frame a field of the page (the panel shrinks on a small screen).
 */
export class AideWalkthrough extends AideElement<WalkthroughStrings> {
  static override styles = [sharedStyles, walkthroughStyles];
  protected readonly catalogues = walkthroughStrings;

  /** Address of the tutorials' index.json (built by `pnpm tutorials build`). */
  @property() src = '';
  /** Slug of a tutorial to open directly. */
  @property() tutorial = '';
  /** Procedure id: its tutorials (their `procedures` front matter) are suggested first. */
  @property() procedure = '';
  /**
   * The page's step in the procedure: a step id of tutorials/procedures.yml (`data-step` on the script tag). A tutorial
   * opens at the step that explains it; when it changes (a form on one page), the open tutorial follows, announced
   * politely, focus left where it is. Also set by the page's `aide-procedure-step` event when the element is alone.
   */
  @property({ attribute: 'procedure-step' }) procedureStep = '';
  /** Level of the component's title (2); inside a tutorial, its title takes this level and its parts the next. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Inside the help panel: the panel shows the title, and the view comes back to the tutorial after a navigation. */
  @property({ attribute: 'in-panel', converter: booleanConverter }) inPanel = false;
  /** The collector's …/api/v1/feedback, to send anonymous "Je suis bloqué" counts per step; empty: nothing is sent. */
  @property({ attribute: 'blocked-endpoint' }) blockedEndpoint = '';
  /** `false` keeps progress in memory only; in HTML, the `no-persist` attribute. */
  @property({ attribute: 'no-persist', converter: negatedBooleanConverter }) persist = true;
  /** The tutorial step the person was on, given by the panel: it reopens there after a navigation. */
  @property({ attribute: false }) context: HelpContext = {};

  @state() private index: TutorialIndex | null = null;
  @state() private loadFailed = false;
  @state() private current: TutorialChunk | null = null;
  @state() private step = 0;
  @state() private seen = new Set<number>();
  @state() private stepListOpen = false;
  @state() private query = '';
  @state() private results: TutorialSummary[] | null = null;
  @state() private resumable: { summary: TutorialSummary; step: number } | null = null;
  @state() private targetFound = false;
  @state() private notFound = '';
  @state() private zoomed: { picture: HTMLElement; alt: string; opener: HTMLElement } | null = null;
  @state() private stuckUnanswered = false;

  @query('.step-heading') private stepHeading?: HTMLElement;

  private readonly speech = new SpeechController(this);
  private library?: TutorialLibrary;
  private progress?: ProgressStore;
  private content?: ContentModule;
  /** Tutorial HTML readied for this page, by level and source: rendering again does not sanitise again. */
  private prepared = new Map<string, string>();
  private searchTimer?: number;
  private countTimer?: number;
  /** The last result count announced, not repeated while it stays the same. */
  private lastCount = '';
  /** Alone on the page, the page's `aide-procedure-step` event moves it (in the panel, the panel passes it down). */
  private readonly onPageStep = (event: Event) => {
    const step = (event as CustomEvent<{ step?: unknown }>).detail?.step;
    if (!this.inPanel && typeof step === 'string') this.procedureStep = step;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('aide-procedure-step', this.onPageStep);
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // One listener for the buttons and links of every tutorial's content (content.ts tells them apart).
    this.renderRoot.addEventListener('click', (event) => {
      if ((event.target as Element).closest('.step-content, .intro-content')) {
        this.content?.handleContentClick(event as MouseEvent, {
          enlarge: (button) => void this.enlarge(button),
          goToStep: (step) => void this.goTo(step),
          openTutorial: (slug) => void this.open(slug, { step: 0 }),
          findHelp: () => this.stuck(),
        });
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('aide-procedure-step', this.onPageStep);
    window.clearTimeout(this.countTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('persist') || !this.progress) this.progress = new ProgressStore(this.persist);
    if (changed.has('src') && this.src) {
      this.library = new TutorialLibrary(this.src);
      void this.loadIndex();
    }
    // The page moved to another step of its procedure: the tutorial shown follows, unless the step shown already
    // explains the page's new step (the person went ahead of the page).
    if (changed.has('procedureStep') && changed.get('procedureStep') !== undefined && this.current && this.step >= 1 && this.step <= this.current.steps.length) {
      const here = this.hereStep(this.current);
      if (here && !this.explainsPage(this.current, this.step)) void this.goTo(here, { focus: false, arrival: 'followed' });
    }
  }

  private get base(): URL {
    return this.library?.base ?? new URL(this.src, document.baseURI);
  }

  /** The first step of `tutorial` that explains the page's step of the procedure (1-based), 0 when none does. */
  private hereStep(tutorial: TutorialChunk): number {
    return tutorial.steps.findIndex((_, i) => this.explainsPage(tutorial, i + 1)) + 1;
  }

  /** Whether step `step` of `tutorial` explains the step of the procedure the page is at. */
  private explainsPage(tutorial: TutorialChunk, step: number): boolean {
    const explained = tutorial.steps[step - 1]?.procedureStep;
    return !!this.procedureStep && explained?.procedure === this.procedure && explained.step === this.procedureStep;
  }

  /** The title of the page's step in the procedure registry ("Votre logement"). */
  private get pageStepTitle(): string {
    const procedure = this.index?.procedures?.find((p) => p.id === this.procedure);
    return procedure?.steps.find((s) => s.id === this.procedureStep)?.title ?? this.procedureStep;
  }

  private async loadIndex(): Promise<void> {
    const library = this.library!;
    this.loadFailed = false;
    // Core's busy state: "Chargement des tutoriels…" is said too, not only shown, when the list is slow to come.
    const end = markBusy(null, this.t.loading, sayBusy(this.locale));
    try {
      this.index = await library.index();
    } catch {
      this.loadFailed = true;
      return;
    } finally {
      end();
    }
    const last = await this.progress!.last();
    const summary = last ? this.index.tutorials.find((t) => t.slug === last) : undefined;
    const saved = summary ? await this.progress!.get(summary.slug) : undefined;
    this.resumable = summary && saved && saved.step >= 1 && saved.step <= summary.stepCount ? { summary, step: saved.step } : null;
    if (this.tutorial) {
      await this.open(this.tutorial, { focus: false });
    } else if (this.inPanel) {
      // Back on another page of the procedure: the panel reopens where the person was, tutorial and step included.
      // The panel's context has the step even when the device storage had no time to write it. On a page at another
      // step of the procedure than the one the step was shown on, the tutorial follows the page.
      const context = this.context.tutorial;
      if (context && this.index.tutorials.some((t) => t.slug === context.tutorial)) {
        await this.open(context.tutorial, { focus: false, step: context.step, resumed: true, follow: (context.pageStep ?? '') !== this.procedureStep });
      }
    }
    // The catalogue is shown: the tutorials that explain the page's step are the likely tap.
    if (!this.current && this.procedureStep) {
      for (const summary of this.index.tutorials.filter((t) => t.procedureSteps?.[this.procedure]?.[this.procedureStep]).slice(0, 2)) {
        library.prefetch(summary, summary.procedureSteps![this.procedure]![this.procedureStep]);
      }
    }
  }

  /**
   * Opens a tutorial: at the step that explains the page's step of the procedure when it has one (unless the step
   * the person left it at explains it too), else where the person left it, else at its overview.
   */
  async open(slug: string, options: { focus?: boolean; step?: number; resumed?: boolean; follow?: boolean } = {}): Promise<void> {
    const summary = this.index?.tutorials.find((t) => t.slug === slug);
    if (!summary || !this.library) {
      this.notFound = slug;
      return;
    }
    this.notFound = '';
    let chunk: TutorialChunk;
    try {
      // Opened from a page of its procedure, the tutorial starts at the step that explains the page (see below).
      const likelyStep = options.step ?? summary.procedureSteps?.[this.procedure]?.[this.procedureStep];
      [chunk, this.content] = await this.library.open(summary, likelyStep);
    } catch {
      this.loadFailed = true;
      return;
    }
    const saved = await this.progress!.get(slug);
    let at = options.step ?? (saved && saved.step >= 1 && saved.step <= chunk.steps.length ? saved.step : 0);
    let arrival: Arrival = (options.resumed ?? options.step === undefined) && at > 0 ? 'resumed' : 'moved';
    const here = this.hereStep(chunk);
    if (here && (options.step === undefined || options.follow) && !this.explainsPage(chunk, at)) {
      arrival = options.follow ? 'followed' : 'here';
      at = here;
    }
    // The tutorial and the step it opens at are shown together: a click on an overview shown in between would be
    // undone by the step chosen here.
    this.current = chunk;
    this.seen = new Set(saved?.seen ?? []);
    const remembered = this.progress!.setLast(slug);
    await this.goTo(at, { focus: (options.focus ?? true) && arrival !== 'followed', arrival });
    await remembered;
  }

  private async goTo(step: number, options: { focus?: boolean; arrival?: Arrival } = {}): Promise<void> {
    const tutorial = this.current;
    if (!tutorial) return;
    const total = tutorial.steps.length;
    // Following the page never takes focus, unless it was in the content that goes away (it would fall to the page).
    const focusInContent = !!this.renderRoot.querySelector('.step-content')?.contains((this.renderRoot as ShadowRoot).activeElement);
    this.step = Math.max(0, Math.min(step, total + 1));
    this.stepListOpen = false;
    this.speech.stop();
    const inStep = this.step >= 1 && this.step <= total;
    if (inStep) this.seen = new Set([...this.seen, this.step]);
    const stepTitle = tutorial.steps[this.step - 1]?.title ?? '';
    // The panel keeps the step in the tab's session synchronously, on this event: a navigation right after the
    // click must not lose it while the device storage is still writing.
    if (inStep) {
      this.emit(
        new AideStepChangeEvent({ tutorial: tutorial.slug, title: tutorial.title, step: this.step, total, stepTitle, ...(this.procedureStep ? { pageStep: this.procedureStep } : {}) }),
      );
    }
    const shown = this.step;
    await this.updateComplete;
    // A newer navigation (a second click before this one was drawn) owns focus, the announcement and the saving.
    if (this.current !== tutorial || this.step !== shown) return;
    this.targetFound = inStep && findPageTarget(tutorial.steps[this.step - 1]?.target) !== null;
    // Focus moves in the task that drew the new view, before the device storage writes: the card or button pressed
    // is gone, and focus left on nothing while storage works falls to the page (a screen reader says its title).
    const moved = (options.focus !== false || focusInContent) && focusElement(this.stepHeading);
    const saved = this.progress!.save(tutorial.slug, shown, this.seen);
    this.library?.prefetchImage(tutorial.steps[this.step]?.images?.[0]);
    if (!inStep) return saved;
    const t = this.t;
    const page = { page: this.pageStepTitle };
    // Focus on the step's heading already says its title: the live region adds only what focus does not say
    // ("Tutoriel : étape 2 sur 6"), so the title is not heard twice. Without a focus move, it says both. Titles
    // are French content: in another interface language they are marked as French (RGAA 8.7).
    const lead = options.arrival === 'here' ? fill(t.here, page) : options.arrival === 'followed' ? fill(t.followed, page) : [];
    this.announce([
      ...lead,
      lead.length ? ' ' : '',
      options.arrival === 'resumed' ? t.resumed(this.step, total) : t.stepOf(this.step, total),
      ...(moved ? [] : ['. ', { text: stepTitle, lang: 'fr' }]),
    ]);
    await saved;
  }

  private backToList(): void {
    this.speech.stop();
    const left = this.current?.slug;
    this.current = null;
    this.step = 0;
    this.lastCount = '';
    // Back on the card of the tutorial just left (a visible focus, RGAA 10.7), or the search field.
    void this.updateComplete.then(() =>
      focusElement(this.renderRoot.querySelector<HTMLElement>(`.card[data-slug="${CSS.escape(left ?? '')}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#search')),
    );
  }

  // --- Search (its code is loaded on the first keystroke: the panel's budget is small) ---------------------

  private handleSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    window.clearTimeout(this.searchTimer);
    window.clearTimeout(this.countTimer);
    this.searchTimer = window.setTimeout(() => void this.runSearch(), SEARCH_DELAY);
  }

  /**
   * The count is announced once typing pauses, and not again when it has not changed: a person who types slowly
   * must not hear "4 tutoriels trouvés" after every letter.
   */
  private announceCount(message: string): void {
    window.clearTimeout(this.countTimer);
    this.countTimer = window.setTimeout(() => {
      // Not once a tutorial is open: the count would come after its title, out of place.
      if (message === this.lastCount || this.current) return;
      this.lastCount = message;
      this.announce(message);
    }, SEARCH_ANNOUNCE_DELAY);
  }

  private async runSearch(): Promise<void> {
    const query = this.query.trim();
    if (!query || !this.index || !this.library) {
      this.results = null;
      this.lastCount = '';
      return;
    }
    try {
      const slugs = await this.library.find(this.index, query, 20);
      if (query !== this.query.trim()) return;
      this.results = slugs.map((slug) => this.index!.tutorials.find((t) => t.slug === slug)).filter((t): t is TutorialSummary => !!t);
      this.announceCount(this.results.length ? this.t.searchResults(this.results.length) : this.t.searchNone);
    } catch {
      this.results = [];
      this.announce(this.t.loadError, 'assertive');
    }
  }

  // --- Actions on a step ------------------------------------------------------------------------------------

  private showMe(): void {
    const target = findPageTarget(this.current?.steps[this.step - 1]?.target);
    if (!target) {
      this.targetFound = false;
      return;
    }
    // On a small screen the panel covers the page: it shrinks first.
    this.emit(new AideRevealPageEvent());
    showPageTarget(target);
    this.announce(this.t.showMeDone);
  }

  private toggleSpeech(): void {
    if (this.speech.speaking) return this.speech.stop();
    const container = this.renderRoot.querySelector<HTMLElement>('.step-content');
    const step = this.current?.steps[this.step - 1];
    if (container && step) this.speech.speak(`${step.title}. ${container.innerText}`);
  }

  private stuck(): void {
    const tutorial = this.current;
    if (tutorial && this.blockedEndpoint && this.step >= 1) {
      reportBlocked(this.blockedEndpoint, { tutorial: tutorial.slug, step: this.step, ...(this.procedure ? { procedure: this.procedure } : {}) });
    }
    // The panel (or aide.js for a walkthrough placed alone) takes the person to the locator; without either,
    // the national phone line is shown here.
    this.stuckUnanswered = this.emit(new AideOpenViewEvent('locator'));
  }

  /** The zoomable view of an image (its own chunk, usually fetched already: see updated()). */
  private async enlarge(button: HTMLButtonElement): Promise<void> {
    const image = button.querySelector('picture') ?? button.querySelector('img');
    if (!image) return;
    button.setAttribute('aria-busy', 'true');
    try {
      await import('../zoom/image-zoom.ts');
      const picture = image.cloneNode(true) as HTMLElement;
      // Shown at once: the copy is not left to lazy loading.
      (picture.querySelector('img') ?? picture).removeAttribute('loading');
      this.zoomed = { picture, alt: button.querySelector('img')?.alt ?? '', opener: button };
    } catch {
      this.announce(this.t.loadError, 'assertive');
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  /** The zoom view's own event, answered here: it does not go on to the page. */
  private handleImageClose(event: Event): void {
    event.stopPropagation();
    this.zoomed = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const content = this.content;
    if (!content || !this.current) return;
    const options = {
      key: `${this.current.slug}:${this.step}:${this.locale}`,
      idPrefix: `d${this.step}`,
      strings: this.t,
      locale: this.locale,
      glossary: this.current.glossary,
    };
    for (const container of this.renderRoot.querySelectorAll<HTMLElement>('.step-content, .intro-content')) {
      content.localize(container, options);
      // A step with an image: its zoom view is fetched while the person reads, to open at once when asked.
      if (container.querySelector('button.enlarge')) void import('../zoom/image-zoom.ts').catch(() => undefined);
    }
  }

  /** What the templates (views.ts) show and the actions they offer. */
  private get view(): WalkthroughView {
    const content = this.content;
    return {
      t: this.t,
      locale: this.locale,
      headingLevel: this.headingLevel,
      // Catalogue sections: under the component's title when alone, under the panel's when in the panel.
      sectionLevel: this.inPanel ? this.headingLevel : this.headingLevel + 1,
      inPanel: this.inPanel,
      procedure: this.procedure,
      step: this.step,
      here: this.current ? this.hereStep(this.current) : 0,
      explainsPage: (step) => !!this.current && this.explainsPage(this.current, step),
      pageStepTitle: this.pageStepTitle,
      seen: this.seen,
      stepListOpen: this.stepListOpen,
      query: this.query,
      results: this.results,
      resumable: this.resumable,
      notFound: this.notFound,
      targetFound: this.targetFound,
      canSpeak: this.speech.canSpeak,
      speaking: this.speech.speaking,
      stuckUnanswered: this.stuckUnanswered,
      phoneLine: NATIONAL_PHONE_LINE,
      // Content levels: a step's own headings come under its title (headingLevel), the introduction's under the
      // overview's sections (headingLevel + 1).
      html: (source, level) => {
        const key = `${this.locale}:${level}:${source}`;
        let ready = this.prepared.get(key);
        if (ready === undefined && content) {
          if (this.prepared.size > 40) this.prepared.clear();
          // The language in a comment: in another language the HTML is rendered anew, to receive its words.
          ready = `<!--${this.locale}-->${content.prepareHtml(source, this.base, level)}`;
          this.prepared.set(key, ready);
        }
        return ready ?? '';
      },
      printUrl: (slug) => this.library?.printUrl(slug) ?? '',
      open: (slug) => void this.open(slug),
      goTo: (step) => void this.goTo(step),
      previous: () => void this.goTo(this.step - 1),
      next: () => void this.goTo(this.step + 1),
      toggleStepList: () => (this.stepListOpen = !this.stepListOpen),
      search: (event) => this.handleSearch(event),
      showMe: () => this.showMe(),
      toggleSpeech: () => this.toggleSpeech(),
      stuck: () => this.stuck(),
      giveFeedback: () => this.emit(new AideOpenViewEvent('feedback')),
      backToList: () => this.backToList(),
    };
  }

  override render() {
    const t = this.t;
    let body;
    if (this.loadFailed) {
      body = html`<div class="status error">
        <p>${t.loadError}</p>
        <button type="button" class="button" @click=${() => (this.current ? this.open(this.current.slug) : this.loadIndex())}>${t.retry}</button>
      </div>`;
    } else if (!this.index) {
      body = html`<p class="status" aria-busy="true">${t.loading}</p>`;
    } else if (!this.current) {
      body = renderCatalogue(this.view, this.index);
    } else if (this.step === 0) {
      body = renderOverview(this.view, this.current);
    } else if (this.step > this.current.steps.length) {
      body = renderDone(this.view, this.current);
    } else {
      body = renderStep(this.view, this.current);
    }
    const zoomed = this.zoomed;
    return html`
      <div class="walkthrough">${body}</div>
      ${zoomed
        ? html`<aide-image-zoom lang=${this.locale} .picture=${zoomed.picture} alt=${zoomed.alt} .opener=${zoomed.opener} @aide-image-close=${this.handleImageClose}></aide-image-zoom>`
        : nothing}
    `;
  }
}
