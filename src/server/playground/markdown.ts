/**
 * Bedrock answers are Markdown. The server turns them into the playground's tree of allowed elements
 * (src/lib/playground/markdown-tree.ts), so the browser needs no Markdown parser and never sets HTML. GitHub's
 * dialect (tables, strikethrough, task lists) is what models write most. Raw HTML in an answer stays visible as
 * text; links keep only web and mail targets; images become links, so an answer cannot make the page fetch them.
 */
import type { ElementContent, Nodes } from 'hast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import {
  isAlignment,
  isMarkdownTag,
  MAX_DEPTH,
  safeHref,
  type MarkdownElement,
  type MarkdownNode,
  type MarkdownTag,
  type MarkdownUpdate,
} from '../../lib/playground/markdown-tree';

/** Answer headings sit below the page's h1 and h2. */
const HEADINGS: Record<string, MarkdownTag> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };
/** Elements whose whitespace-only text is layout, not content. */
const LAYOUT = new Set(['root', 'ul', 'ol', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'section']);

/** The answer's Markdown as a tree; an answer the parser cannot take shows as one paragraph of text. */
export function markdownTree(markdown: string): MarkdownNode[] {
  try {
    const syntax = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const html = toHast(syntax, { handlers: { html: (_state, node: { value: string }) => textNode(node.value) } });
    // Text left at the top level (raw HTML written as a block) becomes a paragraph.
    return convertChildren(html, 0).map((node) => (typeof node === 'string' ? { tag: 'p', children: [node] } : node));
  } catch {
    // Nesting too deep for the parser's recursion, for instance.
    return [{ tag: 'p', children: [markdown] }];
  }
}

function textNode(value: string): ElementContent {
  return { type: 'text', value };
}

function convertChildren(parent: Nodes, depth: number): MarkdownNode[] {
  if (!('children' in parent)) return [];
  const layout = LAYOUT.has(parent.type === 'element' ? parent.tagName : parent.type);
  return parent.children.flatMap((child) => {
    if (child.type === 'text') return layout && child.value.trim() === '' ? [] : [child.value];
    return child.type === 'element' ? convertElement(child, depth) : [];
  });
}

function convertElement(element: Extract<Nodes, { type: 'element' }>, depth: number): MarkdownNode[] {
  const { tagName, properties } = element;
  if (tagName === 'img') {
    const src = String(properties.src ?? '');
    const text = properties.alt ? `Image: ${String(properties.alt)}` : 'Image';
    return [safeHref(src) ? { tag: 'a', href: src, children: [text] } : text];
  }
  // A task list's box (the converter puts a space after it).
  if (tagName === 'input') return [properties.checked ? '☑' : '☐'];
  if (depth >= MAX_DEPTH) return [textOf(element)];
  const children = convertChildren(element, depth + 1);
  const tag = HEADINGS[tagName] ?? tagName;
  // Anything else the converter makes (the footnotes' section, for one) gives up its tag and keeps its content.
  if (!isMarkdownTag(tag)) return children;
  const converted: MarkdownElement = { tag, children };
  const { href, start, align } = properties;
  if (tag === 'a') {
    // A link to somewhere not allowed (or within the page, like a footnote's) keeps only its text.
    if (typeof href !== 'string' || !safeHref(href)) return children;
    converted.href = href;
  }
  if (tag === 'ol' && typeof start === 'number') converted.start = start;
  if ((tag === 'th' || tag === 'td') && isAlignment(align)) converted.align = align;
  return [converted];
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

/** How often a streaming answer's tree is rebuilt at most, and the share of time rebuilding may take at most. */
const MIN_INTERVAL_MS = 100;
const MAX_BUSY_SHARE = 0.025;

/**
 * The trees of an answer as it streams. Rebuilding from the whole text keeps the Markdown exact (a table or a list
 * is only known once enough of it has arrived); rebuilds are spaced out so that long answers stay cheap, and only
 * the top-level nodes that changed are sent.
 */
export class MarkdownStream {
  private text = '';
  private sent: string[] = [];
  private covered = 0;
  private nextAt = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Adds streamed text; returns an update when one is due. */
  add(text: string): MarkdownUpdate | undefined {
    this.text += text;
    return this.now() >= this.nextAt ? this.update() : undefined;
  }

  /** The last update, when the browser's tree does not yet cover the whole answer. */
  finish(): MarkdownUpdate | undefined {
    return this.covered < this.text.length ? this.update() : undefined;
  }

  private update(): MarkdownUpdate {
    const started = this.now();
    const nodes = markdownTree(this.text);
    const serialized = nodes.map((node) => JSON.stringify(node));
    let from = 0;
    while (from < serialized.length && serialized[from] === this.sent[from]) from++;
    this.sent = serialized;
    this.covered = this.text.length;
    const finished = this.now();
    this.nextAt = finished + Math.max(MIN_INTERVAL_MS, (finished - started) / MAX_BUSY_SHARE);
    return { from, nodes: nodes.slice(from), chars: this.text.length };
  }
}
