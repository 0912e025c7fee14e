/**
 * One how-to page written for another documentation tool → a tutorial of this project, on the syntax tree
 * (remark), never by rewriting text: GitBook (hints, tabs, files, steppers, embeds, <figure>), VuePress and
 * VitePress containers (::: tip), Docusaurus admonitions (:::note[Titre]) and tabs (<Tabs>), Nuxt MDC (::alert),
 * Hugo shortcodes ({{< hint >}}, {{% notice %}}, {{< figure >}}), Jekyll (Liquid tags and variables, kramdown
 * {: .note }), MkDocs (!!! note), GitHub alerts (> [!NOTE]); front matter in YAML or TOML mapped to ours;
 * headings made steps. Everything that could not be converted is noted with its line in the original file.
 */
import { basename, extname } from 'node:path';
import type { Blockquote, Heading, Html, Image, Link, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { fold } from '@aide/core';
import { THEMES, type Theme } from '@aide/walkthrough/format';
import { markdownStringifier, parseMarkdown } from '../markdown/parser.ts';
import type { DialectLine } from '../markdown/dialect-lines.ts';
import { titleNumber, isActionTitle, wordsOf } from '../lint/language.ts';

type NoteLevel = 'converti' | 'à reprendre' | 'non converti';

export interface ImportNote {
  line: number;
  level: NoteLevel;
  message: string;
  fix?: string;
}

interface ImageReference {
  /** The node to point at the copied file. */
  node: Image;
  /** As written in the original. */
  url: string;
  line: number;
}

export interface Converted {
  /** The front matter, ready to write (YAML). */
  frontMatter: Record<string, unknown>;
  tree: Root;
  images: ImageReference[];
  notes: ImportNote[];
  /** What was converted, counted by kind, for the summary line. */
  counts: Map<string, number>;
  /** Links to other pages of the original site (resolved by the caller when they are imported too). */
  pageLinks: { node: Link; target: string; line: number }[];
  title: string;
}

export interface ConvertOptions {
  theme?: Theme | undefined;
  today?: Date | undefined;
}

/** The project's four callouts. */
type Callout = 'Astuce' | 'Attention' | 'À savoir' | 'Si ça ne marche pas';
const CALLOUT_OF: Record<string, Callout> = {};
for (const [callout, names] of Object.entries({
  Astuce: ['tip', 'tips', 'hint', 'success', 'check', 'done', 'astuce', 'conseil', 'conseils', 'new', 'highlight', 'good'],
  Attention: ['warning', 'warn', 'caution', 'danger', 'error', 'bug', 'failure', 'fail', 'important', 'attention', 'avertissement', 'alerte', 'alert'],
  'À savoir': ['note', 'info', 'information', 'informations', 'abstract', 'summary', 'tldr', 'example', 'quote', 'details', 'remarque', 'a savoir', 'a noter', 'bon a savoir', 'primary', 'secondary', 'default', 'callout', 'notice', 'question', 'faq', 'nota'],
  'Si ça ne marche pas': ['troubleshooting', 'probleme', 'depannage', 'si ca ne marche pas', 'en cas de probleme'],
})) {
  for (const name of names) CALLOUT_OF[fold(name)] = callout as Callout;
}
const GENERIC_CONTAINERS = new Set(['hint', 'notice', 'alert', 'admonition', 'callout', 'aside']);
const GLOSSARY_CONTAINERS = new Set(['lexique', 'glossaire', 'glossary', 'definitions', 'definition', 'vocabulaire']);
const TAB_GROUPS = new Set(['tabs', 'code-group', 'tabgroup', 'tab-group', 'codetabs']);
const TABS = new Set(['tab', 'tabitem', 'tab-item']);
const UNWRAP = new Set(['code', 'stepper', 'step', 'columns', 'column', 'raw', 'center', 'steps', 'card', 'cards', 'section', 'container', 'div', 'markdown', 'prose']);

/** A dialect line read: which tool, open or close, the name and its attributes. */
interface Marker {
  syntax: DialectLine['syntax'] | 'html';
  close: boolean;
  name: string;
  attributes: Record<string, string>;
  /** Free text after the name (VuePress title, Hugo positional arguments, Docusaurus label). */
  label: string;
  /** Number of colons of a colon fence (Docusaurus nests with more). */
  fence: number;
}

/** Attributes of a tag: key="value", key='value', key=value, #id, .class, and bare words. */
function readAttributes(text: string): { attributes: Record<string, string>; words: string[] } {
  const attributes: Record<string, string> = {};
  const words: string[] = [];
  for (const m of text.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}'"]+))|"([^"]*)"|'([^']*)'|([#.][\w-]+)|([^\s{}"'=]+)/g)) {
    if (m[1]) attributes[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
    else if (m[5] !== undefined || m[6] !== undefined) words.push((m[5] ?? m[6])!);
    else if (m[7]) attributes[m[7].startsWith('#') ? 'id' : `class:${m[7].slice(1)}`] = m[7].slice(1);
    else if (m[8]) words.push(m[8]);
  }
  return { attributes, words };
}

function readMarker(line: DialectLine): Marker | null {
  const value = line.value;
  if (line.syntax === 'colon') {
    const m = /^(:{2,})\s*([A-Za-z][\w-]*)?(.*)$/.exec(value)!;
    const fence = m[1]!.length;
    if (!m[2]) return { syntax: 'colon', close: true, name: '', attributes: {}, label: '', fence };
    const rest = m[3] ?? '';
    const bracket = /^\[([^\]]*)\]/.exec(rest);
    const braces = /\{([^}]*)\}/.exec(rest);
    const { attributes } = readAttributes(braces?.[1] ?? '');
    const label = bracket ? bracket[1]! : rest.replace(/\{[^}]*\}/, '').trim();
    return { syntax: 'colon', close: false, name: m[2].toLowerCase(), attributes, label, fence };
  }
  if (line.syntax === 'liquid') {
    const inner = value.replace(/^\{%-?\s*/, '').replace(/\s*-?%\}$/, '');
    const [name = '', ...restParts] = inner.split(/\s+/);
    const { attributes, words } = readAttributes(restParts.join(' '));
    const close = /^end/.test(name);
    return { syntax: 'liquid', close, name: (close ? name.slice(3) : name).toLowerCase(), attributes, label: words.join(' '), fence: 0 };
  }
  if (line.syntax === 'shortcode') {
    const inner = value.replace(/^\{\{[<%]\s*/, '').replace(/\s*[>%]\}\}$/, '');
    const close = inner.startsWith('/');
    const [name = '', ...restParts] = inner.replace(/^\/\s*/, '').split(/\s+/);
    const { attributes, words } = readAttributes(restParts.join(' '));
    return { syntax: 'shortcode', close, name: name.toLowerCase(), attributes, label: words.join(' '), fence: 0 };
  }
  return null;
}

/** An HTML block that is only one opening or closing tag (<Tabs>, <TabItem label="…">, </details>): a marker too. */
function htmlMarker(node: Html): Marker | null {
  const m = /^<(\/?)([A-Za-z][\w-]*)((?:\s[^>]*)?)>\s*$/.exec(node.value.trim());
  if (!m || /\/\s*$/.test(m[3] ?? '')) return null;
  const name = m[2]!.toLowerCase();
  if (!['tabs', 'tabitem', 'details', 'admonition', 'callout', 'note', 'tip', 'warning', 'info', 'caution', 'danger', 'div', 'center'].includes(name)) return null;
  const { attributes } = readAttributes(m[3] ?? '');
  return { syntax: 'html', close: m[1] === '/', name, attributes, label: attributes.label ?? attributes.title ?? '', fence: 0 };
}

const text = (value: string): Text => ({ type: 'text', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const lineOf = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 1;

/** A project callout: « > Attention : titre » then the content. */
function callout(kind: Callout, title: string, content: RootContent[]): Blockquote {
  const children = [...content] as Blockquote['children'];
  const first = children[0];
  const cleanTitle = title.replace(/[.:]\s*$/, '').trim();
  const lead = `${kind} : ${cleanTitle ? `${cleanTitle}${/[?!]$/.test(cleanTitle) ? '' : '.'} ` : ''}`;
  if (first?.type === 'paragraph') {
    children[0] = { ...first, children: [text(lead), ...first.children] };
  } else {
    children.unshift(paragraph(text(lead.trimEnd())));
  }
  return { type: 'blockquote', children };
}

/** Plain text of an HTML tree. */
function htmlText(node: HastRoot | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => htmlText(c as ElementContent)).join(node.type === 'element' && ['p', 'div', 'li', 'br'].includes(node.tagName) ? ' ' : '');
  return '';
}

export function convertDocument(file: string, source: string, options: ConvertOptions = {}): Converted {
  const notes: ImportNote[] = [];
  const counts = new Map<string, number>();
  const count = (what: string, n = 1) => counts.set(what, (counts.get(what) ?? 0) + n);
  const note = (line: number, level: NoteLevel, message: string, fix?: string) => notes.push({ line, level, message, ...(fix ? { fix } : {}) });

  // Jekyll renders Liquid before Markdown: its variables in addresses are resolved first (one line stays one line).
  let input = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let original: Record<string, unknown> = {};
  input = input.replace(/\{\{\s*["']([^"'{}]+)["']\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl)\s*\}\}/g, '$1').replace(/\{\{\s*site\.(?:baseurl|url)\s*\}\}/g, '');
  const tree = parseMarkdown(input);

  // Front matter: YAML (Jekyll, GitBook, VuePress, Docusaurus, Nuxt) or TOML (Hugo).
  const head = tree.children[0];
  if (head && (head.type === 'yaml' || (head.type as string) === 'toml')) {
    try {
      const value: unknown = head.type === 'yaml' ? parseYaml((head as { value: string }).value) : parseToml((head as unknown as { value: string }).value);
      if (value && typeof value === 'object') original = value as Record<string, unknown>;
      count(head.type === 'yaml' ? 'en-tête YAML' : 'en-tête TOML (Hugo)');
    } catch {
      note(1, 'non converti', 'L’en-tête d’origine est illisible : il n’a pas été repris.', 'Complétez l’en-tête à la main (voir tutorials/README.md).');
    }
    tree.children.shift();
  }

  // Liquid variables of the page in the text ({{ page.title }}).
  visit(tree, 'text', (node: Text) => {
    node.value = node.value.replace(/\{\{\s*page\.([\w]+)\s*\}\}/g, (all, key: string) => (typeof original[key] === 'string' || typeof original[key] === 'number' ? String(original[key]) : all));
  });

  const glossary: { term: string; definition: string }[] = [];
  const definitions = new Map<string, { url: string; title?: string | null | undefined }>();
  visit(tree, 'definition', (d) => void definitions.set(d.identifier, { url: d.url, title: d.title }));

  /** Content of a container, as project nodes. */
  const convertContainer = (marker: Marker, content: RootContent[], line: number): RootContent[] => {
    const name = marker.name;
    const type = fold(marker.attributes.style ?? marker.attributes.type ?? marker.attributes.theme ?? marker.attributes.color ?? marker.attributes.variant ?? marker.label.split(/\s+/)[0] ?? '');
    if (GLOSSARY_CONTAINERS.has(fold(name))) {
      // « **Terme** : définition » items become the glossary of the front matter.
      const left: RootContent[] = [];
      for (const node of content) {
        const items = node.type === 'list' ? node.children.map((li) => li.children[0]).filter((c): c is Paragraph => c?.type === 'paragraph') : node.type === 'paragraph' ? [node] : [];
        let taken = false;
        for (const item of items) {
          for (const line of toString(item).split('\n')) {
            const m = /^\s*([^:]{1,60}?)\s*[:—–]\s+(.+)$/.exec(line);
            if (!m) continue;
            const definition = m[2]!.replace(/\s+/g, ' ').trim();
            glossary.push({ term: m[1]!.trim(), definition: definition.charAt(0).toUpperCase() + definition.slice(1) });
            taken = true;
          }
        }
        if (!taken) left.push(node);
      }
      count('définitions reprises dans le glossaire', glossary.length);
      if (left.length) note(line, 'à reprendre', `Le lexique contient du texte qui n’est pas une définition « terme : définition » : il est mis dans un encadré « À savoir ».`);
      return left.length ? [callout('À savoir', '', left)] : [];
    }
    if (TAB_GROUPS.has(name)) {
      count('groupes d’onglets en intertitres');
      return content;
    }
    if (TABS.has(name)) {
      const title = marker.attributes.title ?? marker.attributes.label ?? marker.attributes.name ?? marker.attributes.value ?? marker.label.replace(/^["']|["']$/g, '');
      return [...(title ? [{ type: 'heading', depth: 3, children: [text(title)] } as Heading] : []), ...content];
    }
    if (name === 'details' || name === 'collapse' || name === 'expand' || name === 'spoiler' || name === 'accordion') {
      count('encadrés');
      const summaryIndex = content.findIndex((n) => n.type === 'html' && /^<summary>/i.test(n.value.trim()));
      let title = marker.label || marker.attributes.title || marker.attributes.summary || '';
      const rest = [...content];
      if (summaryIndex >= 0) {
        title = htmlText(fromHtml((rest[summaryIndex] as Html).value, { fragment: true })).trim();
        rest.splice(summaryIndex, 1);
      }
      return [callout('À savoir', title, rest)];
    }
    if (UNWRAP.has(name)) return content;
    if (name === 'file') {
      const src = marker.attributes.src ?? '';
      const caption = marker.attributes.caption ?? toString({ type: 'root', children: content }).trim();
      const label = caption || basename(src);
      if (/^https:\/\//.test(src)) {
        count('fichiers en liens');
        return [paragraph({ type: 'link', url: src, children: [text(`Télécharger ${label}`)] })];
      }
      note(line, 'non converti', `Fichier joint « ${basename(src)} » : un tutoriel ne publie que des images.`, 'Publiez le document sur un site officiel et mettez un lien https:// vers lui, ou retirez la mention.');
      return label ? [paragraph(text(label))] : [];
    }
    if (name === 'embed' || name === 'youtube' || name === 'video' || name === 'iframe' || name === 'content-ref' || name === 'page-ref') {
      const url = marker.attributes.url ?? marker.attributes.src ?? marker.attributes.id ?? marker.label.split(/\s+/)[0] ?? '';
      const full = name === 'youtube' && url && !url.includes('/') ? `https://www.youtube.com/watch?v=${url}` : url;
      const caption = toString({ type: 'root', children: content }).trim() || marker.attributes.title || marker.attributes.caption || '';
      if (/^https:\/\//.test(full)) {
        count('contenus intégrés en liens');
        note(line, 'à reprendre', `Contenu intégré (« ${name} ») remplacé par un lien.`, 'Le widget n’intègre pas de contenu d’un autre site : vérifiez que le lien dit où il mène.');
        return [paragraph({ type: 'link', url: full, children: [text(caption || `Voir ${new URL(full).hostname}`)] })];
      }
      if (full.endsWith('.md') || full.startsWith('./') || full.startsWith('../')) {
        return [paragraph({ type: 'link', url: full, children: [text(caption || basename(full, extname(full)))] })];
      }
      note(line, 'non converti', `Contenu intégré « ${name} » sans adresse https://.`, 'Ajoutez un lien vers la page officielle, ou retirez la mention.');
      return content;
    }
    if (name === 'figure' || name === 'img' || name === 'image') {
      const src = marker.attributes.src ?? marker.label.split(/\s+/)[0] ?? '';
      const alt = marker.attributes.alt ?? marker.attributes.caption ?? marker.attributes.title ?? '';
      count('figures en images');
      return [paragraph({ type: 'image', url: src, alt, position: { start: { line, column: 1 }, end: { line, column: 1 } } })];
    }
    // hint, notice, alert… say their kind in an attribute or a first word: {% hint style="warning" %}, {{< hint info >}}.
    const generic = GENERIC_CONTAINERS.has(name);
    const kind = (generic ? CALLOUT_OF[type] : undefined) ?? CALLOUT_OF[fold(name)];
    if (kind) {
      count('encadrés');
      const labelWords = generic && CALLOUT_OF[fold(marker.label.split(/\s+/)[0] ?? '')] ? marker.label.split(/\s+/).slice(1).join(' ') : marker.label;
      const title = (marker.attributes.title ?? labelWords).replace(/^["']|["']$/g, '').trim();
      return [callout(kind, title, content)];
    }
    if (name === 'include' || name === 'raw' || name === 'assign' || name === 'capture' || name === 'if' || name === 'for' || name === 'comment') {
      note(line, 'non converti', `Balise « ${name} » (modèle Jekyll ou Liquid) retirée.`, 'Si elle ajoutait du texte utile, recopiez ce texte dans l’étape.');
      return name === 'comment' ? [] : content;
    }
    note(line, 'non converti', `Bloc « ${name} » inconnu : son contenu est gardé, sans mise en forme.`, 'Relisez ce passage : un encadré « > À savoir : … » convient peut-être.');
    return content;
  };

  /** Pairs opening and closing markers among the children of every parent, innermost first. */
  const group = (parent: Parent) => {
    for (const child of parent.children) if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading') group(child);
    interface Frame { marker: Marker | null; line: number; children: RootContent[] }
    const stack: Frame[] = [{ marker: null, line: 0, children: [] }];
    const markerOf = (node: RootContent): Marker | null => (node.type === 'dialectLine' ? readMarker(node) : node.type === 'html' ? htmlMarker(node) : null);
    const siblings = parent.children;
    siblings.forEach((node, i) => {
      const marker = markerOf(node);
      const top = stack[stack.length - 1]!;
      if (!marker) {
        // kramdown « {: .note } » before a block: that block becomes a callout.
        if (node.type === 'dialectLine' && node.syntax === 'ial') {
          top.children.push(node);
          return;
        }
        const previous = top.children[top.children.length - 1];
        if (previous?.type === 'dialectLine' && previous.syntax === 'ial') {
          top.children.pop();
          const cls = /\.([\w-]+)/.exec(previous.value)?.[1] ?? '';
          const kind = CALLOUT_OF[fold(cls.replace(/-title$/, ''))];
          if (kind) {
            count('encadrés');
            top.children.push(callout(kind, '', node.type === 'blockquote' ? node.children : [node]));
          } else {
            note(lineOf(previous), 'non converti', `Attribut kramdown « ${previous.value} » retiré.`);
            top.children.push(node);
          }
          return;
        }
        top.children.push(node);
        return;
      }
      if (!marker.close) {
        // A Liquid or Hugo tag with no closing tag later is complete by itself (embed, figure, include…).
        const closer = (m: Marker | null) => m && m.close && (m.name === marker.name || (marker.syntax === 'colon' && !m.name && m.fence === marker.fence));
        const paired = marker.syntax === 'colon' || marker.syntax === 'html' || siblings.slice(i + 1).some((s) => closer(markerOf(s)));
        if (!paired) {
          top.children.push(...convertContainer(marker, [], lineOf(node)));
          return;
        }
        stack.push({ marker, line: lineOf(node), children: [] });
        return;
      }
      // Closing: the nearest frame it closes (a colon fence closes the last colon frame of the same length).
      let index = stack.length - 1;
      while (index > 0) {
        const m = stack[index]!.marker!;
        if (marker.syntax === 'colon' ? m.syntax === 'colon' && (m.fence === marker.fence || marker.fence === 2) : m.name === marker.name) break;
        index--;
      }
      if (index === 0) {
        note(lineOf(node), 'à reprendre', `« ${node.type === 'dialectLine' ? node.value : (node as Html).value.trim()} » ferme un bloc qui n’a pas été ouvert : la ligne est retirée.`);
        return;
      }
      while (stack.length > index) {
        const frame = stack.pop()!;
        stack[stack.length - 1]!.children.push(...convertContainer(frame.marker!, frame.children, frame.line));
      }
    });
    while (stack.length > 1) {
      const frame = stack.pop()!;
      note(frame.line, 'à reprendre', `Le bloc « ${frame.marker!.name} » n’est jamais fermé : tout ce qui le suit y a été mis.`, 'Vérifiez la fin de l’encadré dans le tutoriel importé.');
      stack[stack.length - 1]!.children.push(...convertContainer(frame.marker!, frame.children, frame.line));
    }
    const left = stack[0]!.children.filter((n) => {
      if (n.type !== 'dialectLine') return true;
      note(lineOf(n), 'non converti', `« ${n.value} » retiré.`);
      return false;
    });
    parent.children = left;
  };
  // An HTML block of several tags on their own lines (« <Tabs>⏎<TabItem label="…"> »): one marker per line.
  visit(tree, 'html', (node: Html, index, parent) => {
    if (!parent || index === undefined) return;
    const lines = node.value.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length < 2) return;
    const pieces = lines.map((value) => ({ ...node, value }));
    if (!pieces.every((p) => htmlMarker(p))) return;
    parent.children.splice(index, 1, ...(pieces as never[]));
    return index + pieces.length;
  });
  group(tree);

  // MkDocs « !!! note "Titre" » followed by its indented content (read as code by CommonMark).
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    const first = toString(node);
    const m = /^(!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"([^"]*)")?\s*$/.exec(first);
    if (!m || index === undefined || !parent) return;
    const next = parent.children[index + 1];
    const body = next?.type === 'code' && !(next).lang ? parseMarkdown((next).value).children : [];
    const kind = CALLOUT_OF[fold(m[2]!)] ?? 'À savoir';
    count('encadrés');
    parent.children.splice(index, body.length ? 2 : 1, callout(kind, m[3] ?? '', body) as never);
    return [SKIP, index + 1];
  });

  // Quotes: GitHub alerts (> [!NOTE]), and quotes that open with a known word (« > **Note :** », « > ⚠️ Attention »).
  visit(tree, 'blockquote', (quote: Blockquote) => {
    const first = quote.children[0];
    if (first?.type !== 'paragraph') return;
    // A symbol alone before the word (« ⚠️ **Attention :** ») goes first.
    const symbol = first.children[0];
    if (symbol?.type === 'text' && /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}]+$/u.test(symbol.value) && first.children.length > 1) first.children.shift();
    const lead = first.children[0];
    const leadText = lead?.type === 'text' ? lead.value : lead && (lead.type === 'strong' || lead.type === 'emphasis') ? toString(lead) : '';
    const alert = /^\s*\[!(\w+)\]\s*\n?/.exec(leadText);
    if (alert && lead?.type === 'text') {
      const kind = CALLOUT_OF[fold(alert[1]!)] ?? 'À savoir';
      lead.value = lead.value.slice(alert[0].length);
      if (!lead.value) first.children.shift();
      if (first.children.length === 0) quote.children.shift();
      Object.assign(quote, callout(kind, '', quote.children));
      count('alertes GitHub');
      return SKIP;
    }
    const keyword = /^\s*(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]\s*)*([\p{L} ']{2,30}?)\s*(?::|$)\s*/u.exec(leadText);
    const kind = keyword ? CALLOUT_OF[fold(keyword[1]!)] : undefined;
    if (!kind || !lead) return;
    // « **Note :** texte » or « ⚠️ Attention : texte »: the word and its symbol go, the project's keyword comes.
    if (lead.type === 'text') lead.value = lead.value.slice(keyword![0].length);
    else first.children.shift();
    const after = first.children[0];
    if (after?.type === 'text') after.value = after.value.replace(/^\s*:\s*/, '');
    first.children = first.children.filter((c) => !(c.type === 'text' && !c.value));
    const opening = first.children[0];
    if (opening?.type === 'text') opening.value = opening.value.trimStart();
    if (first.children.length === 0) quote.children.shift();
    Object.assign(quote, callout(kind, '', quote.children));
    if (fold(keyword![1]!) !== fold(kind)) count('citations en encadrés');
    return SKIP;
  });

  // Raw HTML: figures and images become Markdown images; details become callouts; the rest becomes text.
  const htmlImages = (tree: HastRoot): { src: string; alt: string; caption: string }[] => {
    const found: { src: string; alt: string; caption: string }[] = [];
    const walk = (node: HastRoot | ElementContent, caption: string) => {
      if (node.type === 'element') {
        if (node.tagName === 'figure') {
          const figcaption = (node.children.find((c) => c.type === 'element' && c.tagName === 'figcaption') as Element | undefined) ?? null;
          caption = figcaption ? htmlText(figcaption).replace(/\s+/g, ' ').trim() : '';
        }
        if (node.tagName === 'img') found.push({ src: String(node.properties.src ?? ''), alt: String(node.properties.alt ?? ''), caption });
      }
      if ('children' in node) for (const c of node.children) walk(c as ElementContent, caption);
    };
    walk(tree, '');
    return found;
  };
  visit(tree, 'html', (node: Html, index, parent) => {
    if (!parent || index === undefined) return;
    const value = node.value.trim();
    const line = lineOf(node);
    if (/^<!--[\s\S]*-->$/.test(value)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const hast = fromHtml(value, { fragment: true });
    const images = htmlImages(hast);
    const inline = parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'link' || parent.type === 'emphasis' || parent.type === 'strong';
    let replacement: Nodes[] = [];
    if (images.length) {
      const nodes: PhrasingContent[] = [];
      const after: RootContent[] = [];
      for (const image of images) {
        const alt = image.alt.trim() || image.caption;
        nodes.push({ type: 'image', url: image.src, alt, position: node.position });
        if (image.alt.trim() && image.caption && fold(image.caption) !== fold(image.alt)) after.push(paragraph({ type: 'emphasis', children: [text(image.caption)] }));
        if (!image.alt.trim() && image.caption) note(line, 'converti', `La légende « ${image.caption.slice(0, 50)} » sert de texte de remplacement à l’image.`);
      }
      count('images HTML en Markdown', images.length);
      replacement = inline ? nodes : [paragraph(...nodes), ...after];
    } else if (/^<br\s*\/?>$/i.test(value)) {
      replacement = inline ? [{ type: 'break' }] : [];
    } else if (/^<\/?(kbd|span|b|strong|i|em|u|small|sup|sub|mark|abbr|font|code|a|p|div|center)\b[^>]*>$/i.test(value)) {
      // A lone inline tag: its text stays, the tag goes.
      replacement = [];
    } else {
      const content = htmlText(hast).replace(/\s+/g, ' ').trim();
      const tags = [...new Set([...value.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()))];
      if (tags.some((t) => t === 'script' || t === 'style')) {
        note(line, 'non converti', `Du code (${tags.map((t) => `<${t}>`).join(', ')}) a été retiré.`);
      } else if (tags.includes('iframe')) {
        const src = /src=["']([^"']+)/.exec(value)?.[1] ?? '';
        if (/^https:\/\//.test(src)) replacement = inline ? [{ type: 'link', url: src, children: [text('Voir la vidéo')] }] : [paragraph({ type: 'link', url: src, children: [text('Voir la vidéo')] })];
        note(line, 'à reprendre', 'Une vidéo intégrée est remplacée par un lien.', 'Dites dans le texte du lien ce que montre la vidéo et sur quel site elle est.');
      } else if (content) {
        replacement = inline ? [text(content)] : [paragraph(text(content))];
        if (!inline) note(line, 'à reprendre', `Du HTML (${tags.map((t) => `<${t}>`).join(', ')}) a été gardé en texte simple.`, 'Relisez ce passage : listes « - », **gras** et liens s’écrivent en Markdown.');
      }
    }
    parent.children.splice(index, 1, ...(replacement as never[]));
    return [SKIP, index + replacement.length];
  });

  // MDX lines (import … from, export …) go.
  tree.children = tree.children.filter((node) => {
    if (node.type === 'paragraph' && /^(import\s.+\sfrom\s|export\s)/.test(toString(node))) {
      count('lignes MDX retirées');
      return false;
    }
    // Kramdown « {:toc} » and Liquid markers left in their own paragraph.
    return true;
  });

  // Reference links → inline links; footnotes → « À savoir » callouts where they are defined.
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      const replacement = node.type === 'linkReference' ? { type: 'link', url: definition.url, children: node.children, position: node.position } : { type: 'image', url: definition.url, alt: node.alt, position: node.position };
      parent.children.splice(index, 1, replacement as never);
      return index;
    }
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type === 'footnoteReference') {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type === 'footnoteDefinition') {
      count('notes de bas de page en encadrés');
      parent.children.splice(index, 1, callout('À savoir', '', node.children) as never);
      return index + 1;
    }
    return undefined;
  });

  // Remaining template tags inside text ({% … %} in the middle of a sentence): removed, said.
  visit(tree, 'text', (node: Text) => {
    const found = node.value.match(/\{%-?[\s\S]*?-?%\}|\{\{[<%][\s\S]*?[>%]\}\}|\{\{[\s\S]*?\}\}/g);
    if (!found) return;
    for (const tag of found) note(lineOf(node), 'non converti', `« ${tag.slice(0, 50)} » (balise de modèle) retiré du texte.`, 'Relisez la phrase.');
    node.value = node.value.replace(/\{%-?[\s\S]*?-?%\}|\{\{[<%][\s\S]*?[>%]\}\}|\{\{[\s\S]*?\}\}/g, '').replace(/ {2,}/g, ' ');
  });

  // Headings → steps. A single « # » at the top is the title; the shallowest level left becomes « ## ».
  let title = typeof original.title === 'string' ? original.title : '';
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const firstNode = tree.children[0];
  const h1s = headings.filter((h) => h.depth === 1);
  if (firstNode?.type === 'heading' && firstNode.depth === 1 && h1s.length === 1) {
    title ||= toString(firstNode).trim();
    tree.children.shift();
    count('titre « # » repris dans l’en-tête');
  }
  const levels = tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => h.depth);
  if (levels.length) {
    const shallowest = Math.min(...levels);
    const shift = 2 - shallowest;
    if (shift !== 0) {
      visit(tree, 'heading', (h: Heading) => {
        h.depth = Math.min(6, Math.max(1, h.depth + shift)) as Heading['depth'];
      });
      count(shift > 0 ? 'niveaux de titre décalés (« # » → « ## »)' : 'niveaux de titre remontés (« ### » → « ## »)');
    }
  } else {
    note(1, 'à reprendre', 'Le document n’a pas de titre de partie : il n’a pas pu être découpé en étapes.', 'Découpez-le : chaque étape commence par une ligne « ## Verbe à l’infinitif … ».');
  }
  visit(tree, 'heading', (h: Heading) => {
    const plain = toString(h).replace(/\s+/g, ' ').trim();
    const number = h.depth === 2 ? titleNumber(plain) : null;
    const clean = number ? plain.slice(plain.indexOf(number) + number.length).trim() : plain;
    if (number) count('numéros retirés des titres');
    if (h.children.some((c) => c.type !== 'text') || number) h.children = [text(clean)];
    if (h.depth === 2 && clean && !isActionTitle(clean)) {
      note(lineOf(h), 'à reprendre', `Le titre « ${clean} » ne dit pas une action.`, 'Commencez-le par un verbe à l’infinitif : « Choisir… », « Remplir… », « Envoyer… ».');
    }
    if (h.depth === 2 && !clean) note(lineOf(h), 'à reprendre', 'Un titre d’étape est vide.');
    return SKIP;
  });

  // Spaces at the edges of a paragraph or heading (GitBook's « &#x20; ») would be written back as character codes.
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const children = (node as Paragraph).children;
    const first = children[0];
    const last = children[children.length - 1];
    if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  });

  // Images and links to collect for the caller.
  const images: ImageReference[] = [];
  const pageLinks: Converted['pageLinks'] = [];
  visit(tree, 'image', (node: Image) => void images.push({ node, url: node.url, line: lineOf(node) }));
  visit(tree, 'link', (node: Link) => {
    if (/^(https?:|mailto:|tel:|#)/i.test(node.url)) return;
    pageLinks.push({ node, target: node.url, line: lineOf(node) });
  });

  // Front matter, ours.
  const pick = (...keys: string[]) => keys.map((k) => original[k]).find((v) => typeof v === 'string' && v.trim()) as string | undefined;
  const list = (...keys: string[]) =>
    [...new Set(keys.flatMap((k) => (Array.isArray(original[k]) ? (original[k] as unknown[]) : typeof original[k] === 'string' ? String(original[k]).split(',') : [])).map((v) => String(v).trim()).filter((v) => v && v.length <= 40))];
  title ||= basename(file, extname(file)).replace(/[-_]+/g, ' ');
  title = title.replace(/\s+/g, ' ').trim();
  const summary = pick('description', 'summary', 'excerpt', 'subtitle', 'abstract', 'lead');
  const words = wordsOf(toString(tree)).length;
  const steps = tree.children.filter((n) => n.type === 'heading' && n.depth === 2).length;
  const duration = Math.min(240, Math.max(5, Math.round((words / 120 + steps * 2) / 5) * 5));
  const themeFromFile = pick('theme');
  const theme = options.theme ?? (themeFromFile && (THEMES as readonly string[]).includes(themeFromFile) ? (themeFromFile as Theme) : undefined);
  const sourceUrls = [pick('source', 'source_url', 'canonical', 'canonical_url', 'canonicalurl', 'canonicalURL', 'original_url', 'url')].filter((u): u is string => !!u && /^https:\/\//.test(u));
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const frontMatter: Record<string, unknown> = {
    title,
    summary: summary ? summary.replace(/\s+/g, ' ').trim() : 'À compléter : ce que la personne saura faire à la fin, en une ou deux phrases simples.',
    ...(theme ? { theme } : {}),
    level: 'débutant',
    duration,
    ...(list('prerequisites', 'prerequis', 'requirements').length ? { prerequisites: list('prerequisites', 'prerequis', 'requirements') } : {}),
    updated: today,
    ...(sourceUrls.length ? { sources: sourceUrls.map((url) => ({ title: title, url })) } : {}),
    tags: list('tags', 'keywords', 'categories', 'category'),
    ...(glossary.length ? { glossary } : {}),
  };
  const mapped = ['title', 'description', 'summary', 'excerpt', 'subtitle', 'abstract', 'lead', 'tags', 'keywords', 'categories', 'category', 'theme', 'prerequisites', 'prerequis', 'requirements', 'source', 'source_url', 'canonical', 'canonical_url', 'canonicalurl', 'canonicalURL', 'original_url', 'url'];
  const ignored = Object.keys(original).filter((k) => !mapped.includes(k));
  if (Object.keys(original).length) count(`champs d’en-tête repris (${Object.keys(original).filter((k) => mapped.includes(k)).join(', ') || 'aucun'})`);
  if (ignored.length) note(1, 'converti', `Champs d’en-tête sans équivalent, laissés de côté : ${ignored.join(', ')}.`);
  if (!summary) note(1, 'à reprendre', 'Le résumé (summary) est à écrire.', 'Remplacez « À compléter » par ce que la personne saura faire à la fin.');
  if (!theme) note(1, 'à reprendre', 'Le thème (theme) est à choisir.', `Ajoutez « theme: » avec un de ces thèmes : ${THEMES.join(', ')} (ou relancez avec --theme).`);
  note(1, 'à reprendre', `Durée estimée à ${duration} minutes, niveau « débutant » : à vérifier.`);
  if (!sourceUrls.length) note(1, 'à reprendre', 'Les sources (sources) et la date de vérification (checked) sont à ajouter.', 'Vérifiez le contenu auprès des pages officielles, puis ajoutez-les avec la date du jour (voir tutorials/README.md).');
  return { frontMatter, tree, images, notes, counts, pageLinks, title };
}

/** The tutorial's Markdown: our front matter, then the converted body. */
export function serialize(converted: Converted): string {
  const body = markdownStringifier().stringify(converted.tree);
  const yaml = Object.entries(converted.frontMatter)
    .map(([key, value]) => yamlField(key, value))
    .join('\n');
  return `---\n${yaml}\n---\n\n${String(body).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

const needsQuotes = (value: string) => !/^\d{4}-\d{2}-\d{2}$/.test(value) && /^[\s[\]{}&*!|>%@`#'"-]|: |\s#|^\d|^(true|false|yes|no|null|on|off)$/i.test(value) || value.includes(': ') || value.trim() !== value;
const scalar = (value: unknown) => (typeof value === 'string' ? (needsQuotes(value) ? JSON.stringify(value) : value) : String(value));

function yamlField(key: string, value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${key}: []`;
    return `${key}:\n${value
      .map((item) =>
        item && typeof item === 'object'
          ? `  - ${Object.entries(item as Record<string, unknown>)
              .map(([k, v], i) => `${i ? '    ' : ''}${k}: ${scalar(v)}`)
              .join('\n')}`
          : `  - ${scalar(item)}`,
      )
      .join('\n')}`;
  }
  return `${key}: ${scalar(value)}`;
}

