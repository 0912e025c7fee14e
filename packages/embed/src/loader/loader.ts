/**
 * aide.js — the one script an administration adds to its procedure pages:
 *   <script src="https://…/aide.js" data-procedure="demande-logement" defer></script>
 * It reads the configuration, defines <aide-help>, shows the launcher, and loads everything else on first
 * use (the panel is preloaded when the browser is idle). A classic script, so it works with a plain
 * <script> tag; the chunks are ES modules loaded with import().
 */
import {
  attributeLayer,
  datasetLayer,
  defaultConfig,
  objectLayer,
  pendingFeedbackCount,
  readSession,
  resolveConfig,
  withinTimeout,
  type AideConfig,
  type ConfigLayer,
  type PanelView,
} from '@aide/core';
import { AideHelpElement } from '../launcher/launcher.ts';
import { chunkFiles, type ChunkMap } from '../chunks.ts';
import type { PanelApi, PanelState } from '../panel/api.ts';

const LAUNCHER_TAG = 'aide-help';
const STANDALONE_TAGS = {
  'aide-walkthrough': 'walkthrough',
  'aide-locator': 'locator',
  'aide-feedback': 'feedback',
  'aide-experiences': 'experiences',
} as const;

function start(script: HTMLScriptElement | null) {
  // Two copies that both waited for DOMContentLoaded: the first one wins.
  if (customElements.get(LAUNCHER_TAG)) return;
  const base = new URL('.', script?.src || document.baseURI);
  const chunkUrl = (name: keyof ChunkMap) => new URL(chunkFiles[name], base).href;
  const w = window as Window & { AideConfig?: unknown };
  const pageConfig = resolveConfig(defaultConfig(base), [objectLayer(w.AideConfig), datasetLayer(script)], base);

  let panelModule: Promise<PanelApi> | undefined;
  let panelApi: PanelApi | undefined;
  const loadPanel = () =>
    (panelModule ??= (import(/* @vite-ignore */ chunkUrl('panel')) as Promise<PanelApi>).then(
      (api) => (panelApi = api),
      (error: unknown) => {
        panelModule = undefined; // offline now: try again on the next press
        throw error;
      },
    ));

  const launchers = () => [...document.querySelectorAll<AideHelpElement>(LAUNCHER_TAG)];
  // Where the page is in its procedure, when it says it moved without loading a new page: `data-step` (or
  // `data-procedure`) changed on the script tag or on an <aide-help>, or the page's `aide-procedure-step` event.
  // The latest wins, over every launcher's configuration, and is checked like the attribute.
  let moved: Record<string, unknown> = {};
  const movedLayer: ConfigLayer = { source: 'script', read: (option) => moved[option.key] };
  const configFor = (launcher: AideHelpElement | undefined): AideConfig =>
    resolveConfig(pageConfig, [...(launcher && !launcher.hasAttribute('data-floating') ? [attributeLayer(launcher)] : []), movedLayer], base);
  const follow = (place: Record<string, unknown>) => {
    const before = moved;
    moved = { ...moved, ...place };
    const { procedure, step } = configFor(undefined);
    // A value refused like the attribute (the console says why) changes nothing: the page stays where it was.
    if (('step' in place && step !== place.step) || ('procedure' in place && procedure !== place.procedure)) {
      moved = before;
      return;
    }
    // An open panel passes it to its views (an open tutorial moves to the step that explains it); a panel opened
    // later starts from it.
    void panelModule?.then((api) => api.followStep({ procedure, step }));
  };
  document.addEventListener('aide-procedure-step', (event) => {
    const detail: unknown = event.detail;
    if (detail && typeof detail === 'object') follow({ step: (detail as { step?: unknown }).step, ...('procedure' in detail ? { procedure: detail.procedure } : {}) });
  });
  new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target as Element;
      if (element === script || element.localName === LAUNCHER_TAG) {
        follow({ [record.attributeName!.replace('data-', '')]: element.getAttribute(record.attributeName!) });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-step', 'data-procedure', 'step', 'procedure'] });

  /**
   * Opens the panel. Its code may still be on its way (a slow network, a first press before the idle preload): the
   * launcher shows and says it at once, and after the configured timeout says it failed, never leaving a silent wait.
   */
  async function openPanel(launcher: AideHelpElement | undefined, moveFocus: boolean, view?: PanelView) {
    const shown = launcher ?? launchers()[0];
    const options = () => ({ config: configFor(launcher), launcher: shown ?? null, launchers, moveFocus, view });
    if (panelApi) return panelApi.showPanel(options());
    const end = moveFocus ? shown?.busy() : undefined;
    try {
      (await withinTimeout(loadPanel(), chunkUrl('panel'), pageConfig.timeout)).showPanel(options());
    } catch (error) {
      console.warn('[Aide numérique] le panneau d’aide n’a pas pu être chargé.', error);
      if (moveFocus) shown?.failed();
    } finally {
      end?.();
    }
  }

  // Every launcher is configured as it connects: those of the page now, and those a page adds later.
  AideHelpElement.whenConnected = (launcher) => {
    const config = configFor(launcher);
    launcher.configure({
      locale: config.locale === 'auto' ? document.documentElement.lang : config.locale,
      floating: launcher.hasAttribute('data-floating') ? (pageConfig.position as 'bottom-right' | 'bottom-left') : null,
      color: config.color,
      theme: config.theme,
    });
  };
  customElements.define(LAUNCHER_TAG, AideHelpElement);

  const present = launchers();
  if (present.length === 0 && (pageConfig.position === 'bottom-right' || pageConfig.position === 'bottom-left')) {
    const floating = document.createElement(LAUNCHER_TAG);
    floating.setAttribute('data-floating', '');
    // A transformed body would hold the fixed launcher in its box: then at the root (core's guestParent, which the
    // panel uses, tells more cases; this one is what aide.js's size budget affords).
    (getComputedStyle(document.body).transform != 'none' ? document.documentElement : document.body).append(floating);
  }

  document.addEventListener('aide-launcher-activate', (event) => {
    void openPanel(event.target as AideHelpElement, true);
  });
  // Stand-alone components ask for another view ("Je suis bloqué" → locator): open the panel there.
  document.addEventListener('aide-open-view', (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    void openPanel(undefined, true, event.detail.view);
  });

  // Stand-alone elements placed by the host get their code on demand: at start, then as the page adds them (the
  // observer only looks for the tags still missing, and stops once every chunk is loaded).
  const loaded = new Set<string>();
  const loadStandalone = (root: ParentNode) => {
    for (const [tag, chunk] of Object.entries(STANDALONE_TAGS)) {
      if (!loaded.has(chunk) && chunkFiles[chunk as keyof ChunkMap] && root.querySelector(tag)) {
        loaded.add(chunk);
        import(/* @vite-ignore */ chunkUrl(chunk as keyof ChunkMap)).catch((error) =>
          console.warn(`[Aide numérique] <${tag}> n'a pas pu être chargé.`, error),
        );
      }
    }
  };
  loadStandalone(document);
  // Feedback waiting on this device since an earlier visit (offline, server down): load the feedback chunk, whose
  // delivery worker sends it again. A count in localStorage read once at start, so pages with nothing waiting pay
  // nothing.
  if (pendingFeedbackCount() > 0 && !loaded.has('feedback') && chunkFiles.feedback) {
    loaded.add('feedback');
    import(/* @vite-ignore */ chunkUrl('feedback')).catch(() => undefined);
  }
  if (loaded.size < Object.keys(STANDALONE_TAGS).length) {
    const observer = new MutationObserver(() => {
      loadStandalone(document);
      if (loaded.size === Object.keys(STANDALONE_TAGS).length) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }

  // Back on another page of the procedure with the panel open: restore it without stealing focus.
  const saved = readSession<PanelState>('panel');
  if (saved?.open) void openPanel(undefined, false);
  else {
    const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: object) => void }).requestIdleCallback;
    const preload = () => void loadPanel().catch(() => undefined);
    if (idle) idle(preload, { timeout: 5000 });
    else window.setTimeout(preload, 2000);
  }
}

// document.currentScript is only set while the script runs for the first time.
const currentScript = document.currentScript as HTMLScriptElement | null;
const existing = customElements.get(LAUNCHER_TAG) as (CustomElementConstructor & { isAide?: boolean }) | undefined;
if (existing) {
  // A second copy of aide.js (two tags, a tag manager…) does nothing; a foreign <aide-help> is left alone.
  if (!existing.isAide) console.warn('[Aide numérique] <aide-help> est déjà défini par la page : l\u2019aide n\u2019est pas chargée.');
} else if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => start(currentScript), { once: true });
} else {
  start(currentScript);
}
