/**
 * The one Markdown parser of the editors' tools: remark (micromark, CommonMark + GFM), front matter (YAML, and TOML
 * to say it is not YAML), and the block markers of other dialects as `dialectLine` nodes (to report them in lint,
 * to convert them in import). Every node carries its position in the file.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Root } from 'mdast';
import { dialectLines, dialectLinesFromMarkdown, type DialectLine } from './dialect-lines.ts';

function remarkDialectLines(this: Processor) {
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
    toMarkdownExtensions?: unknown[];
  };
  (data.micromarkExtensions ??= []).push(dialectLines());
  (data.fromMarkdownExtensions ??= []).push(dialectLinesFromMarkdown());
  // Written back as is (import converts them all; an unknown one is reported, never silently lost).
  (data.toMarkdownExtensions ??= []).push({ handlers: { dialectLine: (node: DialectLine) => node.value } });
}

const createProcessor = () => unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkDialectLines);
let processor: ReturnType<typeof createProcessor> | undefined;

export function parseMarkdown(text: string): Root {
  processor ??= createProcessor();
  return processor.parse(text);
}

/** Markdown out (tutorials import): the project's style, « - » lists, « ** » for bold. */
export function markdownStringifier(): Processor<Root> {
  return unified()
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fence: '`', rule: '-', listItemIndent: 'one', incrementListMarker: true })
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDialectLines) as unknown as Processor<Root>;
}
