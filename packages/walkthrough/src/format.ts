/**
 * The published tutorial format: what `aide-tutorials build` writes and `<aide-walkthrough>` reads.
 *   tutorials/index.json            TutorialIndex
 *   tutorials/<slug>.<hash>.json    TutorialChunk (one per tutorial, content-hashed name)
 *   tutorials/search.<hash>.json    the MiniSearch index (see search/search.ts)
 *   tutorials/images/…              images referenced by the tutorials, and their responsive versions
 * Every field marked "since 2" below is optional and additive: a widget that does not know it still works.
 * The data contract is described in packages/tutorial-tools/README.md.
 */
export const THEMES = [
  'premiers pas',
  'démarches administratives',
  'au quotidien',
  'communiquer',
  'santé',
  'éducation et formation',
] as const;
export type Theme = (typeof THEMES)[number];

export const LEVELS = ['débutant', 'intermédiaire'] as const;
export type Level = (typeof LEVELS)[number];

export interface TutorialSummary {
  slug: string;
  title: string;
  summary: string;
  theme: Theme;
  level: Level;
  /** Minutes. */
  duration: number;
  /** Procedure ids and URL patterns (with *) this tutorial helps with. */
  procedures: string[];
  /** YYYY-MM-DD. */
  updated: string;
  tags: string[];
  stepCount: number;
  /** Chunk file, relative to index.json. */
  file: string;
  /** Since 2. YYYY-MM-DD: when the content was last checked against its sources. */
  checked?: string;
  /**
   * Since 2. Where each procedure step starts in this tutorial: procedure id → procedure step id → number of the
   * first tutorial step (1-based) that explains it.
   */
  procedureSteps?: Record<string, Record<string, number>>;
  /**
   * Since 2. The first image of each step listed in `procedureSteps`, by step number: a tutorial opened from a page
   * at that step shows it first, so the widget fetches it with the tutorial's file, one round trip sooner.
   */
  entryImages?: Record<string, EntryImage>;
}

/** Since 2. Enough of a step's image to fetch the version the browser will choose (paths relative to index.json). */
export type EntryImage = Pick<TutorialImage, 'sizes' | 'sources' | 'fallback'>;

/** Since 2. A procedure of the registry (tutorials/procedures.yml); pages say where they are with data-procedure and data-step. */
export interface ProcedureInfo {
  id: string;
  title: string;
  url?: string;
  steps: { id: string; title: string }[];
}

export interface TutorialIndex {
  v: 1;
  licence: { name: string; url: string };
  themes: readonly Theme[];
  /** Search index file, relative to index.json. */
  search: string;
  tutorials: TutorialSummary[];
  /** Since 2. The procedure registry: titles of procedures and of their steps. */
  procedures?: ProcedureInfo[];
}

/** Since 2. One set of responsive files of an image, for a <source> or the <img>. */
export interface ImageSource {
  /** MIME type: image/avif, image/webp, image/png, image/jpeg, image/gif, image/svg+xml. */
  type: string;
  /** "images/x-480.ab12cd34.avif 480w, images/x-960.ab12cd34.avif 960w" (paths relative to index.json). */
  srcset: string;
}

/**
 * Since 2. An image of a step, built at publication: responsive sizes in AVIF and WebP with a fallback in the
 * original family (PNG, JPEG), each with its width. The step's HTML keeps a plain <img> (the fallback, with width,
 * height and loading="lazy"), so a widget that ignores this still shows the image.
 */
export interface TutorialImage {
  /** The src of the <img> in the step's HTML (the fallback at its panel size): the key to find this entry. */
  src: string;
  alt: string;
  /** Intrinsic size of the largest version (the aspect ratio of every version). */
  width: number;
  height: number;
  /** The sizes attribute to use with the srcsets. */
  sizes: string;
  /** Modern formats, best first (AVIF, then WebP). Empty for SVG and GIF. */
  sources: ImageSource[];
  /** The fallback's srcset (same family as the original). */
  fallback: ImageSource;
  /** The largest version, for an enlarged (zoomable) view. */
  full: string;
  /** Bytes of the fallback at the panel size (within the 150 KB budget unless the build warned). */
  bytes: number;
}

/** A place on the host page that a step can show: a form field by its label, or a CSS selector. */
export interface StepTarget {
  kind: 'label' | 'selector';
  /** Label text, or selector; " >>> " chains into shadow roots. */
  value: string;
}

export interface TutorialStep {
  /** Anchor id, "etape-2". */
  id: string;
  title: string;
  /**
   * Sanitised HTML. Headings inside a step start at h3 (the component shifts them under the step title);
   * callouts are <aside class="callout" data-kind="astuce|attention|a-savoir|si-ca-ne-marche-pas">;
   * glossary terms are <span class="term" data-term="…">; images carry width and height.
   */
  html: string;
  target?: StepTarget;
  /** Since 2. The procedure step this tutorial step explains (« Étape de la démarche : … »). */
  procedureStep?: { procedure: string; step: string };
  /** Since 2. The images of the step's HTML, in order, with their responsive versions. */
  images?: TutorialImage[];
}

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
}

export interface TutorialChunk {
  v: 1;
  slug: string;
  title: string;
  summary: string;
  theme: Theme;
  level: Level;
  duration: number;
  prerequisites: string[];
  procedures: string[];
  updated: string;
  tags: string[];
  licence: { name: string; url: string };
  /** Since 2. YYYY-MM-DD: when the content was last checked against its sources. */
  checked?: string;
  /** Since 2. The official pages the content was checked against. */
  sources?: { title: string; url: string }[];
  /** Sanitised HTML of the text before the first step (may be empty). */
  introHtml: string;
  /** Since 2. The images of the introduction, like TutorialStep.images. */
  introImages?: TutorialImage[];
  steps: TutorialStep[];
  glossary: GlossaryEntry[];
  links: { title: string; url: string }[];
}

export const LICENCE = { name: 'Licence Ouverte 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' };
