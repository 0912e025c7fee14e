/**
 * Every lint rule, for one tutorial. Each problem says where (file:line:column), what is wrong and how to fix it.
 * Severities: error (the tutorial cannot be published), warning (should be fixed), hint (worth a look).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Tokens } from 'marked';
import { fold } from '@aide/core';
import { flatten, type Located, type ParsedTutorial, type Step } from '../parse.ts';
import { checkFrontMatter } from '../schema.ts';
import { KNOWN_ACRONYMS, PARAGRAPH_MAX_WORDS, READABILITY_MIN, SENTENCE_MAX_WORDS, acronymsIn, findLexicon, findPassives, isExpandedAt, kandelMoles, readabilityLabel, sentences, wordsOf } from './language.ts';

export type Severity = 'error' | 'warning' | 'hint';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  fix: string;
}

interface StepReadability {
  step: number;
  title: string;
  score: number;
  label: string;
}

export interface LintResult {
  file: string;
  slug: string;
  diagnostics: Diagnostic[];
  readability: StepReadability[];
}

const CALLOUTS: Record<string, { kind: string; title: string }> = {
  astuce: { kind: 'astuce', title: 'Astuce' },
  attention: { kind: 'attention', title: 'Attention' },
  'a savoir': { kind: 'a-savoir', title: 'À savoir' },
  'si ca ne marche pas': { kind: 'si-ca-ne-marche-pas', title: 'Si ça ne marche pas' },
};
const CALLOUT_START = /^\s*([^:\n]{2,30}?)\s*:\s*/;

/** The callout a blockquote opens with, or null when it is a plain quote. */
export function calloutOf(text: string): { kind: string; title: string; rest: string } | null {
  const m = CALLOUT_START.exec(text);
  if (!m) return null;
  const known = CALLOUTS[fold(m[1]!)];
  return known ? { ...known, rest: text.slice(m[0].length) } : null;
}

/** Markdown inline syntax out, for language checks: links keep their text, images and code go. */
function plain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`[^`]*`/g, ' ')
    .replace(/[*_~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const EMOJI = /\p{Extended_Pictographic}/u;
const RAW_TAG = /<\s*\/?\s*([a-z][a-z0-9-]*)|\son[a-z]+\s*=/gi;
const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file):/i;

let selectorDocument: Document | undefined;
/** Whether a CSS selector chain (parts joined by " >>> ") is valid CSS. */
function invalidSelectorPart(value: string): string | null {
  selectorDocument ??= new JSDOM('<!doctype html><html><body></body></html>').window.document;
  for (const part of value.split('>>>').map((p) => p.trim())) {
    if (!part) return '(vide)';
    try {
      selectorDocument.querySelector(part);
    } catch {
      return part;
    }
  }
  return null;
}

export interface LintOptions {
  /** Slugs of every tutorial of the corpus, to check links between tutorials. */
  knownSlugs?: Set<string>;
}

export function lintTutorial(parsed: ParsedTutorial, options: LintOptions = {}): LintResult {
  const file = parsed.file;
  const shown = relative(process.cwd(), file) || file;
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => parsed.lines.at(offset);
  const report = (offset: number, severity: Severity, rule: string, message: string, fix: string) => {
    const { line, column } = at(offset);
    diagnostics.push({ file: shown, line, column, severity, rule, message, fix });
  };
  const fmOffset = (offset: number) => parsed.frontMatterOffset + offset;

  // Front matter.
  for (const problem of parsed.problems) report(problem.offset, 'error', 'front-matter', problem.message, problem.fix);
  if (parsed.data && parsed.document) {
    for (const problem of checkFrontMatter(parsed.data, parsed.document)) report(fmOffset(problem.offset), 'error', 'schema', problem.message, problem.fix);
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(parsed.slug)) {
    report(0, 'error', 'file-name', `Le nom du fichier « ${parsed.slug}.md » ne convient pas.`, 'Utilisez des minuscules sans accent et des tirets, par exemple « creer-adresse-email.md ».');
  }
  const data = parsed.data ?? {};
  const glossary = Array.isArray(data.glossary) ? (data.glossary as { term?: unknown }[]).map((g) => String((g.term as string | undefined) ?? '')).filter(Boolean) : [];

  // Structure.
  if (parsed.steps.length === 0) {
    report(parsed.bodyOffset, 'error', 'no-steps', 'Le tutoriel n’a aucune étape.', 'Commencez chaque étape par un titre de niveau 2 : une ligne « ## Ouvrir le site ».');
  } else if (parsed.steps.length > 15) {
    report(parsed.steps[15]!.heading.offset, 'warning', 'too-many-steps', `Le tutoriel a ${parsed.steps.length} étapes.`, 'Au-delà de 15 étapes, découpez-le en deux tutoriels.');
  }
  const titles = new Set<string>();
  parsed.steps.forEach((step, i) => {
    if (!step.title) report(step.heading.offset, 'error', 'step-title', `L’étape ${i + 1} n’a pas de titre.`, 'Écrivez l’action après « ## », à l’infinitif : « ## Ouvrir le site des impôts ».');
    if (titles.has(fold(step.title))) report(step.heading.offset, 'warning', 'step-title', `Deux étapes s’appellent « ${step.title} ».`, 'Donnez à chaque étape un titre différent.');
    titles.add(fold(step.title));
    if (step.blocks.every((b) => b.token.type === 'space')) report(step.heading.offset, 'error', 'empty-step', `L’étape « ${step.title} » est vide.`, 'Écrivez au moins une phrase qui dit quoi faire.');
    if (/^(étape|etape)\s*\d/i.test(step.title)) report(step.heading.offset, 'warning', 'step-numbered', 'Le titre de l’étape porte un numéro.', 'Retirez « Étape 2 » : le widget numérote les étapes tout seul.');
    if (step.badTarget) {
      report(step.badTarget.offset, 'error', 'target', `« Me montrer : ${step.badTarget.text} » n’est pas compris.`, 'Écrivez « Me montrer : le champ « Étiquette du champ » » ou « Me montrer : `#identifiant` ».');
    }
    if (step.target?.kind === 'selector') {
      const bad = invalidSelectorPart(step.target.value);
      if (bad) report(step.target.offset, 'error', 'target', `Le sélecteur CSS « ${bad} » n’est pas valide.`, 'Vérifiez la syntaxe (par exemple « #loyer » ou « form .champ input »), ou désignez le champ par son étiquette.');
    }
  });
  for (const item of flatten(parsed.intro)) {
    if (item.token.type === 'paragraph' && /^Me montrer\s*:/i.test((item.token as Tokens.Paragraph).text)) {
      report(item.offset, 'warning', 'target', '« Me montrer » est dans l’introduction : il ne sera pas utilisé.', 'Placez la ligne juste sous le titre de l’étape concernée.');
    }
  }
  for (const step of parsed.steps) {
    for (const item of flatten(step.blocks)) {
      if (item.token.type === 'paragraph' && /^Me montrer\s*:/i.test((item.token as Tokens.Paragraph).text)) {
        report(item.offset, 'warning', 'target', '« Me montrer » doit être la première ligne de l’étape.', 'Déplacez la ligne juste sous le titre de l’étape.');
      }
    }
  }

  // Content: headings, images, links, raw HTML, callouts, emoji.
  const stepIds = new Set(parsed.steps.map((_, i) => `etape-${i + 1}`));
  for (const item of parsed.all) {
    const token = item.token;
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1) {
      report(item.offset, 'error', 'heading-level', 'Un titre de niveau 1 (« # ») est dans le texte.', 'Le titre du tutoriel vient de l’en-tête (title). Utilisez « ## » pour une étape, « ### » pour un intertitre.');
    }
    if (token.type === 'image') {
      const image = token as Tokens.Image;
      if (!image.text.trim()) {
        report(item.offset, 'error', 'image-alt', `L’image « ${image.href} » n’a pas de texte de remplacement.`, 'Décrivez l’image entre les crochets : ![Le bouton « Se connecter » en haut à droite](images/…).');
      }
      if (UNSAFE_SCHEME.test(image.href)) {
        report(item.offset, 'error', 'unsafe-link', `L’image « ${image.href.slice(0, 40)} » utilise une adresse refusée.`, 'Placez l’image dans tutorials/images/ et écrivez son chemin : images/nom.svg.');
      } else if (/^https?:/i.test(image.href)) {
        report(item.offset, 'warning', 'image-external', `L’image « ${image.href} » est sur un autre site.`, 'Copiez-la dans tutorials/images/ : le widget ne fait pas de requête vers un autre site.');
      } else if (!existsSync(join(dirname(file), image.href.split(/[?#]/)[0]!))) {
        report(item.offset, 'error', 'image-missing', `L’image « ${image.href} » est introuvable.`, 'Vérifiez le nom du fichier dans tutorials/images/ (majuscules et extension comprises).');
      }
    }
    if (token.type === 'link') {
      const link = token as Tokens.Link;
      if (UNSAFE_SCHEME.test(link.href)) {
        report(item.offset, 'error', 'unsafe-link', `Le lien « ${link.href.slice(0, 40)} » utilise une adresse refusée (${link.href.split(':')[0]}:).`, 'Un lien mène à une page https://, à une autre étape (#etape-2), à un autre tutoriel (autre-tutoriel.md), à un numéro (tel:) ou à une adresse e-mail (mailto:).');
      } else if (/^http:\/\//i.test(link.href)) {
        report(item.offset, 'warning', 'insecure-link', `Le lien « ${link.href} » n’est pas sécurisé.`, 'Utilisez l’adresse en https://.');
      } else if (/^#/.test(link.href)) {
        if (!stepIds.has(link.href.slice(1))) {
          report(item.offset, 'error', 'broken-link', `Le lien « ${link.href} » ne mène à aucune étape.`, `Les étapes s’appellent #etape-1 à #etape-${parsed.steps.length}.`);
        }
      } else if (/^[^:]+\.md(#.*)?$/.test(link.href)) {
        const target = link.href.replace(/#.*$/, '').replace(/^\.\//, '').replace(/\.md$/, '');
        const known = options.knownSlugs ? options.knownSlugs.has(target) : existsSync(join(dirname(file), `${target}.md`));
        if (!known) report(item.offset, 'error', 'broken-link', `Le tutoriel « ${target}.md » n’existe pas.`, 'Vérifiez le nom du fichier dans tutorials/.');
      } else if (!/^(https:|mailto:|tel:)/i.test(link.href)) {
        report(item.offset, 'error', 'broken-link', `Le lien « ${link.href} » n’est pas compris.`, 'Écrivez une adresse complète en https://, ou le nom d’un autre tutoriel (autre-tutoriel.md).');
      }
    }
    if (token.type === 'html') {
      const raw = (token as Tokens.HTML).raw.trim();
      if (/^<!--[\s\S]*-->$/.test(raw)) continue;
      const found = [...raw.matchAll(RAW_TAG)].map((m) => (m[1] ? `<${m[1].toLowerCase()}>` : m[0].trim().replace(/=.*/, '')));
      const what = [...new Set(found)].join(', ') || raw.slice(0, 30);
      report(item.offset, 'error', 'raw-html', `Du HTML est écrit dans le texte (${what}) : il sera retiré à la publication.`, 'Utilisez seulement le Markdown : **gras**, listes « - », liens [texte](https://…), images ![description](images/…).');
    }
    if (token.type === 'blockquote') {
      const quote = token as Tokens.Blockquote;
      const callout = calloutOf(quote.text);
      if (!callout) {
        report(item.offset, 'warning', 'callout', 'Cette citation ne commence pas par un mot-clé d’encadré.', 'Commencez par « Astuce : », « Attention : », « À savoir : » ou « Si ça ne marche pas : », sinon elle sera affichée comme une simple citation.');
      } else if (!callout.rest.trim()) {
        report(item.offset, 'error', 'callout', `L’encadré « ${callout.title} » est vide.`, 'Écrivez le conseil après les deux-points.');
      }
    }
    if ((token.type === 'text' || token.type === 'paragraph') && !(item.children.length > 0) && EMOJI.test((token as Tokens.Text).text)) {
      report(item.offset, 'warning', 'emoji', 'Un émoji est dans le texte.', 'Remplacez-le par des mots : les lecteurs d’écran le lisent de façon étrange (« visage souriant »).');
    }
  }

  // Glossary terms must appear somewhere.
  const bodyText = fold(parsed.source.slice(parsed.bodyOffset));
  glossary.forEach((term, i) => {
    if (!bodyText.includes(fold(term))) {
      const node = parsed.document?.getIn(['glossary', i, 'term'], true) as { range?: number[] } | undefined;
      report(fmOffset(node?.range?.[0] ?? 0), 'warning', 'glossary-unused', `Le mot « ${term} » du glossaire n’apparaît pas dans le texte.`, 'Retirez-le du glossaire, ou utilisez-le dans une étape.');
    }
  });

  // Plain language.
  const acronymsSeen = new Set<string>([...KNOWN_ACRONYMS]);
  for (const term of glossary) for (const a of acronymsIn(term)) acronymsSeen.add(a.acronym);
  // Explained in the summary, the prerequisites or a definition: the reader has met it before the steps.
  const before = [data.summary, ...(Array.isArray(data.prerequisites) ? (data.prerequisites as unknown[]) : []), ...(Array.isArray(data.glossary) ? (data.glossary as { definition?: unknown }[]).map((g) => g.definition) : [])]
    .filter((v): v is string => typeof v === 'string');
  for (const text of before) for (const a of acronymsIn(text)) if (isExpandedAt(text, a.index, a.acronym)) acronymsSeen.add(a.acronym);

  const prose = (blocks: Located[]) =>
    flatten(blocks).filter((b) => {
      if (b.token.type === 'paragraph') return true;
      // List items hold their text in a "text" token (tight lists) or paragraphs (loose lists).
      return b.token.type === 'text' && 'tokens' in b.token && b.children.length > 0;
    });

  const checkProse = (blocks: Located[]) => {
    for (const block of prose(blocks)) {
      const raw = block.token.raw;
      const text = plain((block.token as Tokens.Paragraph).text);
      if (/^Me montrer\s*:/i.test(text)) continue;
      const where = (needle: string) => {
        const i = raw.indexOf(needle);
        return block.offset + (i >= 0 ? i : 0);
      };
      const sentenceList = sentences(text);
      const words = wordsOf(text).length;
      if (block.token.type === 'paragraph' && words > PARAGRAPH_MAX_WORDS) {
        report(block.offset, 'warning', 'paragraph-length', `Paragraphe de ${words} mots.`, `Coupez-le en paragraphes plus courts (${PARAGRAPH_MAX_WORDS} mots au plus) ou en liste.`);
      }
      for (const s of sentenceList) {
        const n = wordsOf(s.text).length;
        if (n > SENTENCE_MAX_WORDS) report(where(s.text.slice(0, 20)), 'warning', 'sentence-length', `Phrase de ${n} mots : « ${s.text.slice(0, 50)}… ».`, `Coupez-la : une idée par phrase, ${SENTENCE_MAX_WORDS} mots au plus (15 c’est mieux).`);
      }
      for (const f of [...findLexicon(text), ...findPassives(text)]) {
        if (f.rule === 'jargon') report(where(f.match), 'warning', 'jargon', `« ${f.match} » est un mot d’administration ou de spécialiste.`, `Préférez : ${f.suggestion}.`);
        else if (f.rule === 'nominalisation') report(where(f.match), 'hint', 'nominalisation', `« ${f.match} » : un nom là où un verbe serait plus direct.`, `Essayez : ${f.suggestion}.`);
        else report(where(f.match), 'hint', 'passive', `« ${f.match} » est à la voix passive.`, `Essayez la voix active : ${f.suggestion}.`);
      }
      for (const a of acronymsIn(text)) {
        if (acronymsSeen.has(a.acronym)) continue;
        acronymsSeen.add(a.acronym);
        if (!isExpandedAt(text, a.index, a.acronym)) {
          report(where(a.acronym), 'warning', 'acronym', `Le sigle « ${a.acronym} » n’est pas expliqué à sa première apparition.`, 'Écrivez le nom en entier suivi du sigle entre parenthèses, par exemple « Caisse d’allocations familiales (CAF) », ou ajoutez-le au glossaire.');
        }
      }
    }
  };
  checkProse(parsed.intro);
  const readability: StepReadability[] = [];
  parsed.steps.forEach((step: Step, i) => {
    checkProse(step.blocks);
    const text = prose(step.blocks)
      .map((b) => plain((b.token as Tokens.Paragraph).text))
      .map((t) => (/[.!?…:]$/.test(t) ? t : `${t}.`))
      .join(' ');
    const { score } = kandelMoles(text);
    readability.push({ step: i + 1, title: step.title, score, label: readabilityLabel(score) });
    if (score < READABILITY_MIN) {
      report(step.heading.offset, 'warning', 'readability', `L’étape « ${step.title} » est difficile à lire (score Kandel-Moles ${score}).`, `Phrases plus courtes, mots plus simples : visez ${READABILITY_MIN} ou plus (60 et plus : facile).`);
    }
  });

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file: shown, slug: parsed.slug, diagnostics, readability };
}
