/**
 * A micromark extension (and its mdast part) for the block markers of other documentation dialects: a line that
 * is only such a marker becomes a `dialectLine` node, and it interrupts a paragraph like a heading does. Editors'
 * files write them with no blank line around (`{% hint %}⏎Texte⏎{% endhint %}`), so a plain paragraph would swallow
 * them. Recognised lines:
 *   :::tip Titre, ::: warning, :::note[Titre]{#id}, ::: , ::alert{type="info"}, ::   (VuePress, VitePress,
 *                                                         Docusaurus, Nuxt MDC: "colon")
 *   {% hint style="info" %}, {% endhint %}, {% tab title="…" %}, {%- include x.html -%}  (GitBook, Jekyll: "liquid")
 *   {{< hint info >}}, {{% notice tip %}}, {{< /hint >}}  (Hugo shortcodes: "shortcode")
 *   {: .note }                                             (kramdown attribute list, Jekyll "Just the Docs": "ial")
 * Content between an opening and a closing line is parsed as ordinary Markdown; pairing them is a tree transform
 * (see dialects.ts).
 */
import { markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';

type DialectSyntax = 'colon' | 'liquid' | 'shortcode' | 'ial';

export interface DialectLine extends Literal {
  type: 'dialectLine';
  syntax: DialectSyntax;
  /** The line as written, trimmed. */
  value: string;
}

declare module 'mdast' {
  interface RootContentMap {
    dialectLine: DialectLine;
  }
  interface BlockContentMap {
    dialectLine: DialectLine;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    dialectLine: 'dialectLine';
  }
}

/** The whole line must be one marker; anything else stays text (and lint reports leftovers found in text). */
const PATTERNS: [DialectSyntax, RegExp][] = [
  ['colon', /^:{2,}\s*(?:[A-Za-z][\w-]*(?:\s.*|[[{].*)?)?$/],
  ['liquid', /^\{%-?\s*[A-Za-z][\w-]*(?:\s[\s\S]*?)?-?%\}$/],
  ['shortcode', /^\{\{[<%]\s*\/?\s*[A-Za-z][\w-]*(?:\s[\s\S]*?)?[>%]\}\}$/],
  ['ial', /^\{:\s*[^}]*\}$/],
];

function syntaxOf(line: string): DialectSyntax | null {
  const text = line.trim();
  for (const [syntax, pattern] of PATTERNS) if (pattern.test(text)) return syntax;
  return null;
}

function tokenizeDialectLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let line = '';
  const inside: State = (code: Code) => {
    if (code === null || markdownLineEnding(code)) {
      if (!syntaxOf(line)) return nok(code);
      effects.exit('dialectLine');
      return ok(code);
    }
    // -1 is a virtual space (tab expansion), -2 a tab.
    line += code === -2 ? '\t' : code === -1 ? '' : String.fromCodePoint(code);
    effects.consume(code);
    return inside;
  };
  return (code: Code) => {
    effects.enter('dialectLine');
    return inside(code);
  };
}

const dialectLine: Construct = { name: 'dialectLine', tokenize: tokenizeDialectLine };

/** The syntax extension: tried on lines starting with ":" or "{". */
export function dialectLines(): Extension {
  return { flow: { 58: dialectLine, 123: dialectLine } };
}

export function dialectLinesFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      dialectLine(this: CompileContext, token: Token) {
        this.enter({ type: 'dialectLine', syntax: 'colon', value: '' }, token);
      },
    },
    exit: {
      dialectLine(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as unknown as DialectLine;
        node.value = this.sliceSerialize(token).trim();
        node.syntax = syntaxOf(node.value) ?? 'colon';
        this.exit(token);
      },
    },
  };
}
