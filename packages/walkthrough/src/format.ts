/**
 * The published tutorial format: what `aide-tutorials build` writes and `<aide-walkthrough>` reads.
 *   tutorials/index.json            TutorialIndex
 *   tutorials/<slug>.<hash>.json    TutorialChunk (one per tutorial, content-hashed name)
 *   tutorials/search.<hash>.json    the MiniSearch index (see search/search.ts)
 *   tutorials/images/…              images referenced by the tutorials
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
}

export interface TutorialIndex {
  v: 1;
  licence: { name: string; url: string };
  themes: readonly Theme[];
  /** Search index file, relative to index.json. */
  search: string;
  tutorials: TutorialSummary[];
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
  /** Sanitised HTML of the text before the first step (may be empty). */
  introHtml: string;
  steps: TutorialStep[];
  glossary: GlossaryEntry[];
  links: { title: string; url: string }[];
}

export const LICENCE = { name: 'Licence Ouverte 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' };
