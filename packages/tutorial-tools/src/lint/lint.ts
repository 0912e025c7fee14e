/**
 * Every lint rule, for one tutorial, on its syntax tree (remark). Each problem says where (file:line:column), what
 * is wrong and how to fix it. Severities: error (the tutorial is not published), warning (should be fixed),
 * hint (worth a look).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Nodes, Paragraph, Parent, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { htmlParser } from './html.ts';
import { AttributeAction, SelectorType, parse as parseSelector } from 'css-what';
import { fold } from '@aide/core';
import { endOf, isProcedureStepLine, startOf, TARGET_LINE, type ParsedTutorial, type Step } from '../parse.ts';
import { checkFrontMatter } from '../schema.ts';
import { findStep, listSteps, type Registry } from '../procedures.ts';
import { checkImage, isMeaninglessAlt, type ImageCheck } from './images.ts';
import {
  KNOWN_ACRONYMS,
  PARAGRAPH_MAX_WORDS,
  READABILITY_MIN,
  SENTENCE_MAX_WORDS,
  acronymsIn,
  findLexicon,
  findPassives,
  isActionTitle,
  isExpandedAt,
  isVagueLinkText,
  kandelMoles,
  readabilityLabel,
  sentences,
  titleNumber,
  wordsOf,
} from './language.ts';

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
  words: number;
}

export interface LintResult {
  file: string;
  slug: string;
  diagnostics: Diagnostic[];
  readability: StepReadability[];
}

/** Step length: a warning above, an error above. */
const STEP_WORDS_WARNING = 120;
const STEP_WORDS_ERROR = 300;
/** Months after which a tutorial not checked against its sources gets a warning. */
const CHECK_MONTHS = 12;

const CALLOUTS: Record<string, { kind: string; title: string }> = {
  astuce: { kind: 'astuce', title: 'Astuce' },
  attention: { kind: 'attention', title: 'Attention' },
  'a savoir': { kind: 'a-savoir', title: 'À savoir' },
  'si ca ne marche pas': { kind: 'si-ca-ne-marche-pas', title: 'Si ça ne marche pas' },
};
/** The keyword of a callout, after an optional symbol (« ⚠️ ») and in bold or not: « **Attention :** », « ⚠️ Attention : ». */
const CALLOUT_START = /^\s*(?:(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{2139}|\u{26A0})\s*)*([*_]{0,2})\s*([^:\n*_]{2,30}?)\s*(?:\1\s*:|:\s*\1)\s*/u;

/** The callout a blockquote opens with (its raw Markdown text), or null when it is a plain quote. */
export function calloutOf(text: string): { kind: string; title: string; rest: string } | null {
  const m = CALLOUT_START.exec(text);
  if (!m) return null;
  const known = CALLOUTS[fold(m[2]!)];
  return known ? { ...known, rest: text.slice(m[0].length) } : null;
}

const EMOJI = /\p{Extended_Pictographic}/u;
const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file):/i;
const TEMPLATE_IN_TEXT = /\{%-?\s*[\w-]+|\{\{[<%]|\{\{\s*[\w.]+\s*(?:\|[^}]*)?\}\}/;
const GITHUB_ALERT = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;
const PLACEHOLDER = /(?:^|[^\p{L}])(?:à|a) compl[ée]ter\b/iu;

const CSS_IDENTIFIER = /^-?(?:[_a-zA-Z\u00A0-\uFFFF]|\\.)(?:[\w\u00A0-\uFFFF-]|\\.)*$/;
const COMBINATORS = new Set(['child', 'descendant', 'sibling', 'adjacent', 'parent', 'column-combinator']);

/**
 * Whether a CSS selector chain (parts joined by " >>> ") is valid CSS: the first invalid part, or null. css-what
 * parses; it is lenient, so ids and classes must also be CSS identifiers and a selector cannot end on a combinator.
 */
function invalidSelectorPart(value: string): string | null {
  for (const part of value.split('>>>').map((p) => p.trim())) {
    if (!part) return '(vide)';
    try {
      for (const selector of parseSelector(part)) {
        const last = selector.at(-1);
        if (!last || COMBINATORS.has(last.type)) return part;
        for (const token of selector) {
          if (token.type !== SelectorType.Attribute) continue;
          const shorthand = (token.name === 'id' && token.action === AttributeAction.Equals && part.includes(`#${token.value}`)) || (token.name === 'class' && token.action === AttributeAction.Element && part.includes(`.${token.value}`));
          if (shorthand && !CSS_IDENTIFIER.test(token.value)) return part;
        }
      }
    } catch {
      return part;
    }
  }
  return null;
}

export interface LintOptions {
  /** Slugs of every tutorial of the corpus, to check links between tutorials. */
  knownSlugs?: Set<string>;
  /** The procedure registry (tutorials/procedures.yml), to check the « Étape de la démarche » lines. */
  registry?: Registry;
  /** Today, for the check date (tests fix it). */
  today?: Date | undefined;
}

/** Plain text of a paragraph (links keep their text; images, code and HTML go), with a way back to file offsets. */
function plainText(node: Parent): { text: string; offsetOf: (index: number) => number } {
  const segments: { from: number; length: number; offset: number }[] = [];
  let text = '';
  const walk = (n: Nodes) => {
    if (n.type === 'text') {
      segments.push({ from: text.length, length: n.value.length, offset: startOf(n) });
      text += n.value;
    } else if (n.type === 'inlineCode' || n.type === 'image' || n.type === 'html' || n.type === 'break' || n.type === 'imageReference') {
      text += ' ';
    } else if ('children' in n) {
      for (const child of n.children) walk(child);
    }
  };
  walk(node as Nodes);
  const offsetOf = (index: number) => {
    let found = segments[0];
    for (const s of segments) if (s.from <= index) found = s;
    return found ? found.offset + Math.min(Math.max(0, index - found.from), found.length) : startOf(node);
  };
  return { text, offsetOf };
}

const DIALECT_NAMES: Record<string, string> = {
  colon: 'un encadré VuePress, VitePress, Docusaurus ou Nuxt',
  liquid: 'une balise GitBook ou Jekyll',
  shortcode: 'un code court Hugo',
  ial: 'un attribut kramdown (Jekyll)',
};
const DIALECT_FIX = 'Écrivez un encadré du projet (« > Astuce : … », « > Attention : … », « > À savoir : … ») ou un intertitre « ### », ou convertissez le fichier d’origine : pnpm tutorials import <fichier>.';

export function lintTutorial(parsed: ParsedTutorial, options: LintOptions = {}): LintResult {
  const file = parsed.file;
  const shown = relative(process.cwd(), file) || file;
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (offset: number, severity: Severity, rule: string, message: string, fix: string) => {
    const { line, column } = parsed.lines.at(offset);
    const key = `${line}:${column}:${rule}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push({ file: shown, line, column, severity, rule, message, fix });
  };
  const fmOffset = (offset: number) => parsed.frontMatterOffset + offset;
  const fmNode = (path: (string | number)[]) => (parsed.document?.getIn(path, true) as { range?: number[] } | undefined)?.range?.[0];
  const today = options.today ?? new Date();

  // Front matter.
  for (const problem of parsed.problems) report(problem.offset, 'error', 'front-matter', problem.message, problem.fix);
  if (parsed.data && parsed.document) {
    for (const problem of checkFrontMatter(parsed.data, parsed.document)) report(fmOffset(problem.offset), 'error', 'schema', problem.message, problem.fix);
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(parsed.slug)) {
    report(0, 'error', 'file-name', `Le nom du fichier « ${parsed.slug}.md » ne convient pas.`, 'Utilisez des minuscules sans accent et des tirets, par exemple « creer-adresse-email.md ».');
  }
  const data = parsed.data ?? {};
  const glossary = Array.isArray(data.glossary) ? (data.glossary as { term?: unknown }[]).map((g) => (typeof g?.term === 'string' ? g.term : '')).filter(Boolean) : [];

  // Template text left in place (« À compléter : … » from `tutorials new` and `tutorials import`).
  const placeholders = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string' && PLACEHOLDER.test(value)) {
      report(fmOffset(fmNode(path) ?? 0), 'error', 'placeholder', `Le champ « ${path.filter((p) => typeof p === 'string').join(' › ')} » contient encore le texte du modèle.`, 'Remplacez « À compléter … » par votre texte.');
    } else if (Array.isArray(value)) value.forEach((v, i) => placeholders(v, [...path, i]));
    else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) placeholders(v, [...path, k]);
  };
  if (parsed.data) placeholders(data, []);

  // Sources and check date.
  if (parsed.data) {
    if (!Array.isArray(data.sources) || data.sources.length === 0) {
      if (!('sources' in data)) report(0, 'warning', 'sources', 'Le tutoriel n’indique pas ses sources.', 'Ajoutez « sources: » : les pages officielles qui ont servi à vérifier le contenu (« - title: … » et « url: https://… »).');
    }
    const checked = data.checked instanceof Date ? data.checked : typeof data.checked === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.checked) ? new Date(`${data.checked}T00:00:00Z`) : null;
    if (!('checked' in data)) {
      report(0, 'warning', 'checked', 'La date de vérification manque.', 'Ajoutez « checked: AAAA-MM-JJ » : le jour où vous avez vérifié le contenu auprès des sources.');
    } else if (checked && !Number.isNaN(checked.getTime())) {
      const months = (today.getUTCFullYear() - checked.getUTCFullYear()) * 12 + today.getUTCMonth() - checked.getUTCMonth() - (today.getUTCDate() < checked.getUTCDate() ? 1 : 0);
      const at = fmOffset(fmNode(['checked']) ?? 0);
      if (checked.getTime() > today.getTime() + 86_400_000) {
        report(at, 'warning', 'checked', `La date de vérification (${checked.toISOString().slice(0, 10)}) est dans le futur.`, 'Écrivez le jour où la vérification a été faite.');
      } else if (months >= CHECK_MONTHS) {
        report(at, 'warning', 'checked', `Le tutoriel n’a pas été vérifié depuis ${months} mois.`, `Relisez-le auprès de ses sources (les démarches changent), corrigez ce qui a changé, puis mettez la date du jour dans « checked ». Au-delà de ${CHECK_MONTHS} mois, ce message revient.`);
      }
    }
  }

  // Procedures of the front matter against the registry.
  const registry = options.registry;
  const declared = Array.isArray(data.procedures) ? (data.procedures as unknown[]).map(String).filter((p) => !p.startsWith('https://')) : [];
  const known = registry ? registry.procedures.map((p) => p.id).join(', ') || '(aucune)' : '';
  if (registry && existsSync(registry.file)) {
    declared.forEach((id) => {
      if (registry.byId.has(id)) return;
      const index = (data.procedures as unknown[]).map(String).indexOf(id);
      report(fmOffset(fmNode(['procedures', index]) ?? 0), 'warning', 'procedures', `La démarche « ${id} » n’est pas dans le registre tutorials/procedures.yml.`, `Corrigez l’identifiant ou ajoutez la démarche au registre. Démarches connues : ${known}.`);
    });
  }
  const registered = registry ? declared.filter((id) => registry.byId.has(id)) : [];

  // Structure.
  const h1 = parsed.tree.children.filter((n) => n.type === 'heading' && n.depth === 1);
  if (parsed.steps.length === 0) {
    report(
      parsed.bodyOffset,
      'error',
      'no-steps',
      h1.length > 1 ? `Le tutoriel n’a aucune étape : ses ${h1.length} parties sont des titres « # ».` : 'Le tutoriel n’a aucune étape.',
      'Commencez chaque étape par un titre de niveau 2 : une ligne « ## Ouvrir le site ».',
    );
  } else if (parsed.steps.length > 15) {
    report(parsed.steps[15]!.offset, 'warning', 'too-many-steps', `Le tutoriel a ${parsed.steps.length} étapes.`, 'Au-delà de 15 étapes, découpez-le en deux tutoriels.');
  }
  const titles = new Set<string>();
  const lastStepOf = new Map<string, { index: number; title: string }>();
  parsed.steps.forEach((step, i) => {
    if (!step.title) report(step.offset, 'error', 'step-title', `L’étape ${i + 1} n’a pas de titre.`, 'Écrivez l’action après « ## », à l’infinitif : « ## Ouvrir le site des impôts ».');
    if (step.title && titles.has(fold(step.title))) report(step.offset, 'warning', 'step-title', `Deux étapes s’appellent « ${step.title} ».`, 'Donnez à chaque étape un titre différent.');
    titles.add(fold(step.title));
    if (step.blocks.length === 0 && !step.markdown.trim()) report(step.offset, 'error', 'empty-step', `L’étape « ${step.title} » est vide.`, 'Écrivez au moins une phrase qui dit quoi faire.');
    const number = titleNumber(step.title);
    if (number) {
      report(step.offset, 'warning', 'step-numbered', `Le titre de l’étape porte un numéro (« ${number} »).`, 'Retirez le numéro : le widget numérote les étapes tout seul.');
    }
    const unnumbered = number ? step.title.slice(step.title.indexOf(number) + number.length).trim() : step.title;
    if (unnumbered && !isActionTitle(unnumbered)) {
      report(step.offset, 'warning', 'step-action', `Le titre « ${step.title} » ne dit pas une action.`, 'Commencez par un verbe à l’infinitif qui dit ce que la personne fait : « Ouvrir le site », « Choisir le type de logement », « Vous connecter ».');
    }
    const headingSource = parsed.source.slice(startOf(step.heading), endOf(step.heading));
    const markup = step.heading.children.find((c) => c.type !== 'text');
    const entity = /&(?:#x?[0-9a-f]+|[a-z][a-z0-9]*);/i.exec(headingSource);
    if (markup || entity || /\\[!-/:-@[-`{-~]/.test(headingSource)) {
      const what = entity ? `le code « ${entity[0]} »` : markup ? { strong: 'du gras', emphasis: 'de l’italique', inlineCode: 'du code', link: 'un lien', html: 'du HTML', image: 'une image', delete: 'du texte barré' }[markup.type as string] ?? 'de la mise en forme' : 'une barre oblique inverse';
      report(step.offset, 'warning', 'title-markup', `Le titre de l’étape contient ${what} : le widget affiche le titre en texte simple.`, `Écrivez le titre sans mise en forme : « ## ${step.title} ».`);
    }
    if (step.badTarget) {
      report(step.badTarget.offset, 'error', 'target', `« Me montrer : ${step.badTarget.text} » n’est pas compris.`, 'Écrivez « Me montrer : le champ « Étiquette du champ » » ou « Me montrer : `#identifiant` ».');
    }
    if (step.target?.kind === 'selector') {
      const bad = invalidSelectorPart(step.target.value);
      if (bad) report(step.target.offset, 'error', 'target', `Le sélecteur CSS « ${bad} » n’est pas valide.`, 'Vérifiez la syntaxe (par exemple « #loyer » ou « form .champ input »), ou désignez le champ par son étiquette.');
    }

    // « Étape de la démarche : … »
    if (step.badProcedureStep) {
      report(step.badProcedureStep.offset, 'error', 'procedure-step', 'La ligne « Étape de la démarche » ne dit pas quelle étape.', 'Écrivez le titre de l’étape de la démarche après les deux-points : « Étape de la démarche : Votre logement ».');
    }
    const line = step.procedureStep;
    if (line && registry) {
      let procedureId = line.procedure;
      if (procedureId && !declared.includes(procedureId)) {
        report(line.offset, 'error', 'procedure-step', `La démarche « ${procedureId} » n’est pas dans les démarches de ce tutoriel.`, `Ajoutez-la au champ « procedures » de l’en-tête, ou écrivez une de celles-ci : ${registered.join(', ') || known}.`);
        procedureId = undefined;
      } else if (procedureId && !registry.byId.has(procedureId)) {
        report(line.offset, 'error', 'procedure-step', `La démarche « ${procedureId} » n’est pas dans le registre tutorials/procedures.yml.`, `Démarches connues : ${known}.`);
        procedureId = undefined;
      } else if (!procedureId && registered.length === 0) {
        report(line.offset, 'error', 'procedure-step', 'Ce tutoriel ne déclare aucune démarche du registre : l’étape ne peut pas être reliée.', `Ajoutez dans l’en-tête « procedures: » l’identifiant de la démarche. Démarches connues : ${known}.`);
      } else if (!procedureId && registered.length > 1) {
        report(line.offset, 'error', 'procedure-step', 'Ce tutoriel déclare plusieurs démarches : dites de laquelle il s’agit.', `Écrivez « Étape de la démarche : ${registered[0]} / ${line.step} » (démarches de ce tutoriel : ${registered.join(', ')}).`);
      } else {
        procedureId ??= registered[0];
      }
      const procedure = procedureId ? registry.byId.get(procedureId) : undefined;
      if (procedure) {
        const found = findStep(procedure, line.step);
        if (!found) {
          report(line.offset, 'error', 'procedure-step', `L’étape « ${line.step} » n’existe pas dans la démarche « ${procedure.id} ».`, procedure.steps.length ? `Étapes connues : ${listSteps(procedure)}.` : 'Cette démarche n’a pas d’étapes dans le registre : ajoutez-les à tutorials/procedures.yml.');
        } else {
          const last = lastStepOf.get(procedure.id);
          if (last && found.index < last.index) {
            report(
              line.offset,
              'error',
              'procedure-step',
              `Les étapes de la démarche sont dans le désordre : « ${found.step.title} » vient après « ${last.title} ».`,
              `Dans la démarche, l’ordre est : ${procedure.steps.map((s) => `« ${s.title} »`).join(', ')}. Remettez les étapes du tutoriel dans cet ordre ou corrigez la ligne.`,
            );
          } else {
            lastStepOf.set(procedure.id, { index: found.index, title: found.step.title });
          }
        }
      }
    }
  });

  // Special lines anywhere but at the start of a step.
  const specialLinesIn = (nodes: RootContent[], where: 'intro' | 'step') => {
    for (const node of nodes) {
      visit(node, 'paragraph', (p: Paragraph) => {
        let offset = startOf(p);
        for (const raw of parsed.source.slice(startOf(p), endOf(p)).split('\n')) {
          const line = raw.replace(/^[>\s]+/, '');
          if (TARGET_LINE.test(line) || isProcedureStepLine(line)) {
            const name = TARGET_LINE.test(line) ? '« Me montrer »' : '« Étape de la démarche »';
            if (where === 'intro') report(offset, 'warning', TARGET_LINE.test(line) ? 'target' : 'procedure-step', `${name} est dans l’introduction : la ligne ne sera pas utilisée.`, 'Placez la ligne juste sous le titre de l’étape concernée.');
            else report(offset, 'warning', TARGET_LINE.test(line) ? 'target' : 'procedure-step', `${name} doit être au début de l’étape.`, 'Déplacez la ligne juste sous le titre de l’étape.');
          }
          offset += raw.length + 1;
        }
      });
    }
  };
  specialLinesIn(parsed.intro, 'intro');
  for (const step of parsed.steps) specialLinesIn(step.blocks.filter((b) => startOf(b) >= step.contentStart), 'step');

  // Content: headings, images, links, raw HTML, callouts, dialect leftovers, emoji.
  const stepIds = new Set(parsed.steps.map((_, i) => `etape-${i + 1}`));
  const baseDir = dirname(file);
  const imageProblems = (src: string, alt: string | null, offset: number) => {
    if (alt !== null && !alt.trim()) {
      report(offset, 'error', 'image-alt', `L’image « ${src} » n’a pas de texte de remplacement.`, 'Décrivez l’image entre les crochets : ![Le bouton « Se connecter » en haut à droite](images/…).');
    } else if (alt !== null && isMeaninglessAlt(alt, src)) {
      report(offset, 'error', 'image-alt', `Le texte de remplacement « ${alt} » ne décrit pas l’image.`, 'Dites ce que montre l’image et ce qu’il faut y repérer : « Écran de connexion avec le bouton « Se connecter » en bas ».');
    } else if (alt && alt.length > 250) {
      report(offset, 'warning', 'image-alt', `Le texte de remplacement fait ${alt.length} caractères.`, 'Gardez une phrase courte (250 caractères au plus) ; mettez les détails dans le texte de l’étape.');
    }
    if (UNSAFE_SCHEME.test(src)) {
      report(offset, 'error', 'unsafe-link', `L’image « ${src.slice(0, 40)} » utilise une adresse refusée.`, 'Placez l’image dans tutorials/images/ et écrivez son chemin : images/nom.png.');
      return;
    }
    if (/^https?:/i.test(src)) {
      report(offset, 'warning', 'image-external', `L’image « ${src} » est sur un autre site.`, 'Copiez-la dans tutorials/images/ : le widget ne fait pas de requête vers un autre site.');
      return;
    }
    const path = join(baseDir, decodeURI(src.split(/[?#]/)[0]!));
    if (!existsSync(path)) {
      report(offset, 'error', 'image-missing', `L’image « ${src} » est introuvable.`, 'Vérifiez le nom du fichier dans tutorials/images/ (majuscules et extension comprises).');
      return;
    }
    const check: ImageCheck = checkImage(path);
    for (const problem of check.problems) report(offset, problem.severity, problem.rule, problem.message, problem.fix);
  };

  const definitionsBySection = (nodes: RootContent[]) => {
    const ids = new Set<string>();
    for (const n of nodes) visit(n, 'definition', (d) => void ids.add(d.identifier));
    return ids;
  };
  const sections: RootContent[][] = [parsed.intro, ...parsed.steps.map((s) => s.blocks)];
  for (const nodes of sections) {
    const definitions = definitionsBySection(nodes);
    for (const root of nodes) {
      visit(root, (node, _index, parent) => {
        switch (node.type) {
          case 'heading':
            if (node.depth === 1) {
              report(startOf(node), 'error', 'heading-level', 'Un titre de niveau 1 (« # ») est dans le texte.', 'Le titre du tutoriel vient de l’en-tête (title). Utilisez « ## » pour une étape, « ### » pour un intertitre.');
            }
            break;
          case 'image': {
            const image = node;
            imageProblems(image.url, image.alt ?? '', startOf(image));
            break;
          }
          case 'link': {
            const link = node;
            const text = toString(link, { includeImageAlt: false }).trim();
            if (text && isVagueLinkText(text)) {
              report(startOf(link), 'warning', 'link-text', `Le texte du lien « ${text} » ne dit pas où il mène.`, 'Écrivez la destination dans le lien : « [le site des impôts](https://www.impots.gouv.fr) » plutôt que « cliquez [ici](…) ».');
            }
            if (UNSAFE_SCHEME.test(link.url)) {
              report(startOf(link), 'error', 'unsafe-link', `Le lien « ${link.url.slice(0, 40)} » utilise une adresse refusée (${link.url.split(':')[0]}:).`, 'Un lien mène à une page https://, à une autre étape (#etape-2), à un autre tutoriel (autre-tutoriel.md), à un numéro (tel:) ou à une adresse e-mail (mailto:).');
            } else if (/^http:\/\//i.test(link.url)) {
              report(startOf(link), 'warning', 'insecure-link', `Le lien « ${link.url} » n’est pas sécurisé.`, 'Utilisez l’adresse en https://.');
            } else if (/^#/.test(link.url)) {
              if (!stepIds.has(link.url.slice(1))) report(startOf(link), 'error', 'broken-link', `Le lien « ${link.url} » ne mène à aucune étape.`, `Les étapes s’appellent #etape-1 à #etape-${parsed.steps.length}.`);
            } else if (/^[^:]+\.md(#.*)?$/.test(link.url)) {
              const target = link.url.replace(/#.*$/, '').replace(/^\.\//, '').replace(/\.md$/, '');
              const exists = options.knownSlugs ? options.knownSlugs.has(target) : existsSync(join(baseDir, `${target}.md`));
              if (!exists) report(startOf(link), 'error', 'broken-link', `Le tutoriel « ${target}.md » n’existe pas.`, 'Vérifiez le nom du fichier dans tutorials/.');
            } else if (!/^(https:|mailto:|tel:)/i.test(link.url)) {
              report(startOf(link), 'error', 'broken-link', `Le lien « ${link.url} » n’est pas compris.`, 'Écrivez une adresse complète en https://, ou le nom d’un autre tutoriel (autre-tutoriel.md).');
            }
            break;
          }
          case 'linkReference':
          case 'imageReference':
            if (!definitions.has(node.identifier)) {
              report(startOf(node), 'error', 'broken-link', `Le lien « [${node.label ?? node.identifier}] » renvoie à une adresse écrite ailleurs dans le fichier.`, 'Écrivez l’adresse dans le lien lui-même : [texte](https://…), ou ![description](images/…) pour une image.');
            }
            break;
          case 'footnoteReference':
          case 'footnoteDefinition':
            report(startOf(node), 'error', 'dialect', 'Une note de bas de page (« [^1] ») n’est pas affichée par le widget.', 'Mettez l’information dans le texte de l’étape, ou dans un encadré « > À savoir : … ».');
            break;
          case 'dialectLine':
            report(startOf(node), 'error', 'dialect', `« ${node.value.slice(0, 40)} » est ${DIALECT_NAMES[node.syntax]} : le widget l’afficherait tel quel.`, DIALECT_FIX);
            break;
          case 'text': {
            const t = node;
            const template = TEMPLATE_IN_TEXT.exec(t.value);
            if (template) {
              report(startOf(t) + Math.max(0, parsed.source.slice(startOf(t), endOf(t)).indexOf(template[0].slice(0, 3))), 'error', 'dialect', `« ${template[0]} » est une balise de modèle (GitBook, Jekyll, Hugo) : le widget l’afficherait telle quelle.`, DIALECT_FIX);
            } else if (/^\s*!!!\s+\w/.test(t.value) && parent?.type === 'paragraph' && (parent).children[0] === t) {
              report(startOf(t), 'error', 'dialect', `« ${t.value.split('\n')[0]!.slice(0, 40)} » est un encadré MkDocs : le widget l’afficherait tel quel.`, DIALECT_FIX);
            }
            if (EMOJI.test(t.value) && !(parent?.type === 'paragraph' && isCalloutOpening(parent, t))) {
              report(startOf(t), 'warning', 'emoji', 'Un émoji est dans le texte.', 'Remplacez-le par des mots : les lecteurs d’écran le lisent de façon étrange (« visage souriant »).');
            }
            if (PLACEHOLDER.test(t.value)) report(startOf(t), 'error', 'placeholder', 'Le texte du modèle est encore là (« À compléter »).', 'Remplacez-le par votre texte.');
            break;
          }
          case 'html': {
            const raw = (node).value.trim();
            if (/^<!--[\s\S]*-->$/.test(raw)) break;
            const tags = new Set<string>();
            let handlers = false;
            const parse = htmlParser();
            if (parse) {
              visit(parse(raw), 'element', (element) => {
                tags.add(`<${element.tagName}>`);
                if (Object.keys(element.properties).some((p) => /^on[a-z]/i.test(p))) handlers = true;
                if (element.tagName === 'img') {
                  const src = String(element.properties.src ?? '');
                  const alt = element.properties.alt === undefined ? '' : String(element.properties.alt);
                  if (src && !/^(javascript|data|vbscript):/i.test(src)) imageProblems(src, alt, startOf(node));
                }
              });
            } else {
              for (const m of raw.matchAll(/<\s*([a-z][a-z0-9-]*)/gi)) tags.add(`<${m[1]!.toLowerCase()}>`);
              handlers = /\son[a-z]+\s*=/i.test(raw);
            }
            // JSX components of MDX (Docusaurus <Tabs>, <TabItem>…) keep their capital letters in the source.
            const component = /<([A-Z][A-Za-z]+)/.exec(raw);
            const what = component ? `<${component[1]}> (composant MDX)` : [...tags, ...(handlers ? ['onerror'] : [])].join(', ') || raw.slice(0, 30);
            report(startOf(node), 'error', 'raw-html', `Du HTML est écrit dans le texte (${what}) : il sera retiré à la publication.`, 'Utilisez seulement le Markdown : **gras**, listes « - », liens [texte](https://…), images ![description](images/…).');
            break;
          }
          case 'blockquote': {
            const quote = node;
            const first = quote.children[0];
            const raw = first ? parsed.source.slice(startOf(first), endOf(first)) : '';
            const alert = GITHUB_ALERT.exec(raw);
            if (alert) {
              report(startOf(quote), 'error', 'dialect', `« [!${alert[1]!.toUpperCase()}] » est une alerte GitHub : le widget l’afficherait telle quelle.`, 'Écrivez un encadré du projet : « > À savoir : … », « > Astuce : … » ou « > Attention : … ».');
              break;
            }
            const callout = first?.type === 'paragraph' ? calloutOf(raw) : null;
            if (!callout) {
              report(startOf(quote), 'warning', 'callout', 'Cette citation ne commence pas par un mot-clé d’encadré.', 'Commencez par « Astuce : », « Attention : », « À savoir : » ou « Si ça ne marche pas : », sinon elle sera affichée comme une simple citation.');
            } else if (!callout.rest.trim() && quote.children.length < 2) {
              report(startOf(quote), 'error', 'callout', `L’encadré « ${callout.title} » est vide.`, 'Écrivez le conseil après les deux-points.');
            }
            break;
          }
          case 'paragraph': {
            const text = parsed.source.slice(startOf(node), endOf(node));
            if (/^import\s+[\w{},\s*]+\s+from\s+['"]/.test(text) || /^export\s+(?:const|default|function)\b/.test(text)) {
              report(startOf(node), 'error', 'dialect', 'Cette ligne est du code MDX (import, export) : le widget l’afficherait telle quelle.', 'Supprimez la ligne ; convertissez le fichier d’origine avec pnpm tutorials import <fichier>.');
            }
            break;
          }
        }
      });
    }
  }
  // Glossary terms must appear somewhere.
  const bodyText = fold(parsed.source.slice(parsed.bodyOffset));
  glossary.forEach((term, i) => {
    if (!bodyText.includes(fold(term))) {
      report(fmOffset(fmNode(['glossary', i, 'term']) ?? 0), 'warning', 'glossary-unused', `Le mot « ${term} » du glossaire n’apparaît pas dans le texte.`, 'Retirez-le du glossaire, ou utilisez-le dans une étape.');
    }
  });

  // Plain language.
  const acronymsSeen = new Set<string>([...KNOWN_ACRONYMS]);
  for (const term of glossary) for (const a of acronymsIn(term)) acronymsSeen.add(a.acronym);
  // Explained in the summary, the prerequisites or a definition: the reader has met it before the steps.
  const before = [data.summary, ...(Array.isArray(data.prerequisites) ? (data.prerequisites as unknown[]) : []), ...(Array.isArray(data.glossary) ? (data.glossary as { definition?: unknown }[]).map((g) => g?.definition) : [])]
    .filter((v): v is string => typeof v === 'string');
  for (const text of before) for (const a of acronymsIn(text)) if (isExpandedAt(text, a.index, a.acronym)) acronymsSeen.add(a.acronym);

  const paragraphsOf = (nodes: RootContent[]) => {
    const out: { node: Paragraph; inList: boolean }[] = [];
    for (const n of nodes) {
      visit(n, 'paragraph', (p: Paragraph, _i, parent) => {
        out.push({ node: p, inList: parent?.type === 'listItem' });
      });
    }
    return out;
  };
  const withoutSpecialLines = (text: string) => text.split('\n').filter((l) => !TARGET_LINE.test(l.trim()) && !isProcedureStepLine(l.trim())).join('\n');

  const checkProse = (nodes: RootContent[]) => {
    for (const { node } of paragraphsOf(nodes)) {
      const { text: rawText, offsetOf } = plainText(node);
      const text = withoutSpecialLines(rawText).replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const start = rawText.indexOf(text.slice(0, 12));
      const at = (index: number) => offsetOf(Math.max(0, start) + index);
      const words = wordsOf(text).length;
      if (words > PARAGRAPH_MAX_WORDS) {
        report(startOf(node), 'warning', 'paragraph-length', `Paragraphe de ${words} mots.`, `Coupez-le en paragraphes plus courts (${PARAGRAPH_MAX_WORDS} mots au plus) ou en liste.`);
      }
      for (const s of sentences(text)) {
        const n = wordsOf(s.text).length;
        if (n > SENTENCE_MAX_WORDS) report(at(s.index), 'warning', 'sentence-length', `Phrase de ${n} mots : « ${s.text.slice(0, 50)}… ».`, `Coupez-la : une idée par phrase, ${SENTENCE_MAX_WORDS} mots au plus (15 c’est mieux).`);
      }
      const lexicon = findLexicon(text);
      for (const f of [...lexicon, ...findPassives(text)]) {
        if (f.rule === 'jargon') report(at(f.index), 'warning', 'jargon', `« ${f.match} » est un mot d’administration ou de spécialiste.`, `Préférez : ${f.suggestion}.`);
        else if (f.rule === 'nominalisation') report(at(f.index), 'hint', 'nominalisation', `« ${f.match} » : un nom là où un verbe serait plus direct.`, `Essayez : ${f.suggestion}.`);
        else report(at(f.index), 'hint', 'passive', `« ${f.match} » est à la voix passive.`, `Essayez la voix active : ${f.suggestion}.`);
      }
      // A word already reported as jargon (« URL ») is not reported again as an acronym.
      const jargonWords = new Set(lexicon.map((f) => f.match.toUpperCase()));
      for (const a of acronymsIn(text)) {
        if (acronymsSeen.has(a.acronym) || jargonWords.has(a.acronym)) continue;
        acronymsSeen.add(a.acronym);
        if (!isExpandedAt(text, a.index, a.acronym)) {
          report(at(a.index), 'warning', 'acronym', `Le sigle « ${a.acronym} » n’est pas expliqué à sa première apparition.`, 'Écrivez le nom en entier suivi du sigle entre parenthèses, par exemple « Caisse d’allocations familiales (CAF) », ou ajoutez-le au glossaire.');
        }
      }
    }
  };
  checkProse(parsed.intro);
  const readability: StepReadability[] = [];
  parsed.steps.forEach((step: Step, i) => {
    checkProse(step.blocks);
    // Step length: every word a person reads in the step (lists and tables too).
    const allWords = step.blocks.reduce((sum, b) => sum + wordsOf(withoutSpecialLines(toString(b, { includeImageAlt: false }))).length, 0);
    if (allWords > STEP_WORDS_ERROR) {
      report(step.offset, 'error', 'step-length', `L’étape « ${step.title} » fait ${allWords} mots.`, `Découpez-la en plusieurs étapes d’une action chacune (${STEP_WORDS_WARNING} mots au plus ; au-delà de ${STEP_WORDS_ERROR}, elle n’est pas publiée).`);
    } else if (allWords > STEP_WORDS_WARNING) {
      report(step.offset, 'warning', 'step-length', `L’étape « ${step.title} » fait ${allWords} mots.`, `Découpez-la en plusieurs étapes d’une action chacune : ${STEP_WORDS_WARNING} mots au plus par étape.`);
    }
    // Readability of the prose: short list items without a sentence (« Carte d’identité ») are not prose.
    const text = paragraphsOf(step.blocks)
      .map(({ node, inList }) => ({ text: withoutSpecialLines(plainText(node).text).replace(/\s+/g, ' ').trim(), inList }))
      .filter(({ text, inList }) => text && !(inList && wordsOf(text).length <= 8 && !/[.!?…]$/.test(text)))
      .map(({ text }) => (/[.!?…:]$/.test(text) ? text : `${text}.`))
      .join(' ');
    const { score, words } = kandelMoles(text);
    readability.push({ step: i + 1, title: step.title, score, label: readabilityLabel(score), words: allWords });
    if (words >= 8 && score < READABILITY_MIN) {
      report(step.offset, 'warning', 'readability', `L’étape « ${step.title} » est difficile à lire (score Kandel-Moles ${score}).`, `Phrases plus courtes, mots plus simples : visez ${READABILITY_MIN} ou plus (60 et plus : facile).`);
    }
  });

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file: shown, slug: parsed.slug, diagnostics, readability };
}

/** The text node that opens a callout (« ⚠️ Attention : … »): its symbol is removed at publication. */
function isCalloutOpening(paragraph: Paragraph, text: Text): boolean {
  return paragraph.children[0] === text && calloutOf(text.value) !== null;
}
