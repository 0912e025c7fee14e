/**
 * What a screen-reader journey is written with. A journey is one small file in test/screen-reader/journeys/:
 *
 *   import { journey } from '../journey.ts';
 *   export default journey({
 *     title: 'le panneau : ouvrir, parcourir, fermer',
 *     async run(sr) {
 *       sr.step('Le bouton « Besoin d’aide ? »');
 *       await sr.tabTo(/Besoin d’aide \? collapsed push button/, { back: true });
 *       sr.step('Ouverture');
 *       await sr.press('Enter');
 *       await sr.hears(/Aide numérique dialog/);
 *     },
 *   });
 *
 * Keys go through the virtual display's keyboard, as a person's would: Orca hears them (its browse-mode keys
 * work: H for the next heading, arrows to read), and so does the page. `hears` waits until Orca has said what is
 * expected since the last key, reading its log as it is written; it never sleeps for a fixed time.
 * Orca speaks its own words (roles, states) in English: « push button », « heading level 2 », « collapsed ».
 */
import type { Page } from 'puppeteer-core';
import type { BrowserName } from './browsers.ts';
import type { XKeyboard } from './desktop.ts';
import type { OrcaLog, Utterance } from './orca-log.ts';

export interface JourneyDefinition {
  /** What the journey proves, in a few words; cited by the RGAA grid as "path::title". */
  title: string;
  /** Path of the demo page the browser opens (default "/"). */
  start?: string;
  /** Browsers it runs in (default: every browser of the run). */
  browsers?: BrowserName[];
  run(sr: ScreenReader): Promise<void>;
}

export function journey(definition: JourneyDefinition): JourneyDefinition {
  return definition;
}

export interface TranscriptStep {
  title: string;
  /** Each event with its time, in ms since the journey started. */
  events: (({ kind: 'key'; key: string } | { kind: 'type'; text: string } | { kind: 'heard'; utterance: Utterance } | { kind: 'expect'; text: string; ok: boolean }) & { at: number })[];
}

export interface HearOptions {
  /** Orca read the matching words with a voice asked for this language (from the page's lang attributes). */
  lang?: string;
  /** Longer than usual: a search, a page load. Default: the run's timeout. */
  timeout?: number;
}

/** A pattern as written in a journey: a string matches itself, anywhere (case and white space as written). */
function toRegExp(pattern: string | RegExp): RegExp {
  return typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
}

export class ScreenReader {
  readonly steps: TranscriptStep[] = [{ title: 'Avant la première touche : Orca présente la page', events: [] }];
  /** Utterances before this index were said before the last key: `hears` looks from here. */
  private mark = 0;
  /** Utterances up to this index are in the transcript already. */
  private recorded = 0;
  private started = Date.now();

  constructor(
    /** The page, for what a journey must set up or check beyond speech (never to move focus or press keys). */
    readonly page: Page,
    readonly browser: BrowserName,
    private readonly log: OrcaLog,
    private readonly keyboard: XKeyboard,
    readonly timeout: number,
  ) {
    this.mark = log.count;
    this.recorded = log.count;
  }

  /** Times are counted from here (the page is ready, the journey starts). */
  restartClock(): void {
    this.started = Date.now();
  }

  /** Starts a new part of the transcript. */
  step(title: string): void {
    this.record();
    this.steps.push({ title, events: [] });
  }

  private get now(): number {
    return Date.now() - this.started;
  }

  private get current(): TranscriptStep {
    return this.steps[this.steps.length - 1]!;
  }

  /** Moves what Orca said so far into the transcript. */
  private record(): void {
    for (const utterance of this.log.since(this.recorded)) this.current.events.push({ kind: 'heard', utterance, at: this.now });
    this.recorded = this.log.count;
  }

  /** Presses a key or a chord ("Tab", "Shift+Tab", "Enter", "Space", "ArrowDown", "Orca+a"…). */
  async press(key: string): Promise<void> {
    this.record();
    this.mark = this.log.count;
    this.current.events.push({ kind: 'key', key, at: this.now });
    await this.keyboard.press(key);
  }

  /** Types text, one key at a time, like a person (`delay` ms between keys). */
  async type(text: string, delay = 150): Promise<void> {
    this.record();
    this.mark = this.log.count;
    this.current.events.push({ kind: 'type', text, at: this.now });
    await this.keyboard.type(text, delay);
  }

  /** What Orca said since the last key, one utterance a line. */
  heardSinceKey(): Utterance[] {
    return this.log.since(this.mark);
  }

  /**
   * Waits until Orca has said something that matches, since the last key (the utterances are read as one
   * text, in order, separated by " | "). Fails with what was said instead.
   */
  async hears(pattern: string | RegExp, options: HearOptions = {}): Promise<string> {
    const regexp = toRegExp(pattern);
    const timeout = options.timeout ?? this.timeout;
    const deadline = Date.now() + timeout;
    let lastProblem = '';
    for (;;) {
      const heard = this.heardSinceKey();
      const found = matchIn(heard, regexp);
      if (found) {
        if (!options.lang || found.utterances.some((u) => u.langs.includes(options.lang!))) {
          this.expectation(`${describe(regexp)}${options.lang ? ` (voix ${options.lang})` : ''}`, true);
          return found.text;
        }
        lastProblem = `dit avec une voix ${JSON.stringify(found.utterances.map((u) => u.langs))}, pas « ${options.lang} »`;
      }
      if (Date.now() > deadline) {
        this.expectation(`${describe(regexp)}${options.lang ? ` (voix ${options.lang})` : ''}`, false);
        throw new Error(
          `Orca n'a pas dit ${describe(regexp)} en ${Math.round(timeout / 1000)} s${lastProblem ? ` (${lastProblem})` : ''}. ` +
            `Entendu depuis la dernière touche :\n${heard.map((u) => `  « ${u.text} »${u.langs.length ? ` [${u.langs.join(',')}]` : ''}`).join('\n') || '  (rien)'}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Fails if Orca said something that matches since the last key (call after a `hears` that ends the step). */
  notHeard(pattern: string | RegExp): void {
    const regexp = toRegExp(pattern);
    const found = matchIn(this.heardSinceKey(), regexp);
    this.expectation(`pas ${describe(regexp)}`, !found);
    if (found) throw new Error(`Orca a dit ${describe(regexp)} : « ${found.text} »`);
  }

  /** Counts the utterances since the last key that match (an announcement said once, not twice). */
  countHeard(pattern: string | RegExp): number {
    const regexp = toRegExp(pattern);
    return this.heardSinceKey().filter((u) => regexp.test(u.text)).length;
  }

  /**
   * Presses Tab (Shift+Tab with `back`) until Orca says something that matches, like a person listening to each
   * control in turn. After each key it waits for the focus to move in the page and for Orca to say the newly
   * focused control's name (or, for a control whose words Orca says differently, to fall silent after speaking),
   * so that each key is matched with what it made Orca say.
   */
  async tabTo(pattern: string | RegExp, options: { back?: boolean; max?: number } = {}): Promise<string> {
    const regexp = toRegExp(pattern);
    const key = options.back ? 'Shift+Tab' : 'Tab';
    const said: string[] = [];
    for (let i = 0; i < (options.max ?? 30); i++) {
      const before = await this.focusToken();
      await this.press(key);
      const deadline = Date.now() + this.timeout;
      while ((await this.focusToken()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const name = plain(await this.focusedName()).slice(0, 24);
      await this.untilQuiet(400, name ? (text) => plain(text).includes(name) : undefined);
      const found = matchIn(this.heardSinceKey(), regexp);
      if (found) {
        this.expectation(describe(regexp), true);
        return found.text;
      }
      said.push(this.heardSinceKey().map((u) => u.text).join(' | ') || '(rien)');
    }
    this.expectation(describe(regexp), false);
    throw new Error(`${key} n'a jamais amené Orca à dire ${describe(regexp)}. Entendu à chaque ${key} :\n${said.map((s) => `  « ${s} »`).join('\n')}`);
  }

  /**
   * Asks Orca where the focus is ("Where am I", the keypad's Enter) and waits until the answer matches: checks the
   * focused element's name, role and states even when the focus move itself was not spoken. Orca handles the
   * browser's focus events in turn: while it is still on the previous element, its answer names that one, and a
   * person asks again. So: up to three times, each answer heard to its end.
   */
  async whereAmI(pattern: string | RegExp): Promise<string> {
    const regexp = toRegExp(pattern);
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) {
      await this.press('WhereAmI');
      await this.untilQuiet(400, () => matchIn(this.heardSinceKey(), regexp) !== null);
      if (matchIn(this.heardSinceKey(), regexp)) return this.hears(regexp);
      answers.push(this.heardSinceKey().map((u) => u.text).join(' | ') || '(rien)');
    }
    this.expectation(describe(regexp), false);
    throw new Error(`« Où suis-je ? » n'a jamais fait dire ${describe(regexp)} à Orca. Réponses :\n${answers.map((a) => `  « ${a} »`).join('\n')}`);
  }

  /**
   * Waits until the page's focus is on an element whose name matches: after a key that makes the view change
   * (a tutorial opening after its file is loaded), the next key must wait for the new view, as a person would.
   * Reads the page, never moves anything.
   */
  async focusOn(pattern: string | RegExp): Promise<void> {
    const regexp = toRegExp(pattern);
    const deadline = Date.now() + this.timeout;
    let name = '';
    for (;;) {
      name = (await this.focusedName()).replace(/\s+/g, ' ').trim();
      if (regexp.test(name)) {
        this.expectation(`focus sur ${describe(regexp)} (dans la page)`, true);
        return;
      }
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    this.expectation(`focus sur ${describe(regexp)} (dans la page)`, false);
    throw new Error(`le focus n'arrive pas sur ${describe(regexp)} en ${Math.round(this.timeout / 1000)} s ; il est sur « ${name} »`);
  }

  /**
   * Presses a reading key (ArrowDown by default: Orca's next line in browse mode) until Orca says something that
   * matches; after each key, waits for Orca to speak and fall silent.
   */
  async readUntil(pattern: string | RegExp, options: { key?: string; max?: number } = {}): Promise<string> {
    const regexp = toRegExp(pattern);
    const key = options.key ?? 'ArrowDown';
    const said: string[] = [];
    for (let i = 0; i < (options.max ?? 15); i++) {
      await this.press(key);
      await this.untilQuiet();
      const found = matchIn(this.heardSinceKey(), regexp);
      if (found) {
        this.expectation(describe(regexp), true);
        return found.text;
      }
      said.push(this.heardSinceKey().map((u) => u.text).join(' | ') || '(rien)');
    }
    this.expectation(describe(regexp), false);
    throw new Error(`${key} n'a jamais amené Orca à dire ${describe(regexp)}. Entendu à chaque ${key} :\n${said.map((s) => `  « ${s} »`).join('\n')}`);
  }

  /** Identifies the focused element (inside shadow roots) without changing the page. */
  private async focusToken(): Promise<number> {
    return (await this.page.evaluate(FOCUS_TOKEN)) as number;
  }

  /** A rough accessible name of the focused element: enough to recognise it in what Orca says. */
  async focusedName(): Promise<string> {
    return (await this.page.evaluate(FOCUSED_NAME)) as string;
  }

  /**
   * Waits until Orca said something since the last key, then stayed silent for `quiet` ms; with `expected`, until
   * what it said matches (and then no silence is needed).
   */
  async untilQuiet(quiet = 400, expected?: (text: string) => boolean): Promise<void> {
    const deadline = Date.now() + this.timeout;
    let count = -1;
    let since = Date.now();
    for (;;) {
      const heard = this.heardSinceKey();
      if (expected && expected(heard.map((u) => u.text).join(' '))) return;
      if (heard.length !== count) {
        count = heard.length;
        since = Date.now();
      } else if (count > 0 && Date.now() - since >= (expected ? quiet * 3 : quiet)) return;
      if (Date.now() > deadline) {
        if (count > 0) return;
        throw new Error(`Orca n'a rien dit en ${Math.round(this.timeout / 1000)} s après la dernière touche`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private expectation(text: string, ok: boolean): void {
    this.record();
    this.current.events.push({ kind: 'expect', text, ok, at: this.now });
  }

  /** Ends the transcript: what Orca said after the last expectation goes in too. */
  finish(): void {
    this.record();
  }
}

// Page scripts as text: tsx would otherwise add its own helpers to functions sent to the page.
const DEEP_FOCUS = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
})()`;

const FOCUS_TOKEN = `(() => {
  const el = ${DEEP_FOCUS};
  if (!el) return 0;
  window.__srFocus = window.__srFocus || new WeakMap();
  if (!window.__srFocus.has(el)) window.__srFocus.set(el, (window.__srFocusNext = (window.__srFocusNext || 0) + 1));
  return window.__srFocus.get(el);
})()`;

const FOCUSED_NAME = `(() => {
  const el = ${DEEP_FOCUS};
  if (!el || el === document.body) return '';
  const root = el.getRootNode();
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) return labelledby.split(/\\s+/).map((id) => (root.getElementById(id) || {}).textContent || '').join(' ');
  const label = el.getAttribute('aria-label');
  if (label) return label;
  if (el.labels && el.labels.length) return Array.from(el.labels).map((l) => l.textContent || '').join(' ');
  return el.textContent || '';
})()`;

function describe(regexp: RegExp): string {
  return `/${regexp.source}/`;
}

/** Lower-case words only: how a name is compared with what Orca said. */
function plain(text: string): string {
  return text.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The shortest run of consecutive utterances whose joined text matches, if any. */
function matchIn(heard: Utterance[], regexp: RegExp): { text: string; utterances: Utterance[] } | null {
  const joined = heard.map((u) => u.text).join(' | ');
  const m = regexp.exec(joined);
  if (!m) return null;
  // Which utterances the match covers (for the language check).
  const start = m.index;
  const end = m.index + m[0].length;
  const covered: Utterance[] = [];
  let position = 0;
  for (const u of heard) {
    const from = position;
    const to = position + u.text.length;
    if (to > start && from < end) covered.push(u);
    position = to + 3;
  }
  return { text: m[0], utterances: covered };
}
