/**
 * A model's Markdown answer as a small tree of allowed elements, built on the server (src/server/playground/
 * markdown.ts) and drawn by the island as Preact elements. The browser never parses Markdown or sets HTML: a tree
 * can only hold the tags below, text, and links whose target passes `safeHref`, so nothing a model writes, and
 * nothing edited into stored data or a backup, can run in the page.
 */
import { isRecord } from '../stored-data';

/** Every tag a tree may hold. Answer headings start at h3, below the page's own. */
export const MARKDOWN_TAGS = [
  'p',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'sup',
  'a',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;

export type MarkdownTag = (typeof MARKDOWN_TAGS)[number];

export type Alignment = 'left' | 'center' | 'right';

export function isAlignment(value: unknown): value is Alignment {
  return value === 'left' || value === 'center' || value === 'right';
}

/** Deeper nesting (a model writing hundreds of ">") is kept as text, so drawing the tree cannot overflow the stack. */
export const MAX_DEPTH = 24;

export interface MarkdownElement {
  tag: MarkdownTag;
  /** Link target, `a` only; always one `safeHref` accepts. */
  href?: string;
  /** Number of the first item, `ol` only. */
  start?: number;
  /** Column alignment, `th` and `td` only. */
  align?: Alignment;
  children: MarkdownNode[];
}

/** Text, or an element. */
export type MarkdownNode = string | MarkdownElement;

/** An answer's tree and how many characters of its text the tree covers (the rest arrived after it was built). */
export interface RenderedMarkdown {
  nodes: MarkdownNode[];
  chars: number;
}

/** Web and mail links only: no javascript:, data:, vbscript: or other scheme, and no jumps within the page. */
export function safeHref(href: string) {
  return /^(https?:\/\/|mailto:)/i.test(href) && !/[\s<>"]/.test(href);
}

const TAGS: ReadonlySet<unknown> = new Set(MARKDOWN_TAGS);

export function isMarkdownTag(tag: unknown): tag is MarkdownTag {
  return TAGS.has(tag);
}

function readNode(value: unknown, depth: number): MarkdownNode | null {
  if (typeof value === 'string') return value;
  if (!isRecord(value) || depth > MAX_DEPTH || !isMarkdownTag(value.tag)) return null;
  const children = readNodes(value.children, depth + 1);
  if (!children) return null;
  const element: MarkdownElement = { tag: value.tag, children };
  const { href, start, align } = value;
  if (href !== undefined) {
    if (value.tag !== 'a' || typeof href !== 'string' || !safeHref(href)) return null;
    element.href = href;
  }
  if (start !== undefined) {
    if (value.tag !== 'ol' || !Number.isSafeInteger(start)) return null;
    element.start = start as number;
  }
  if (align !== undefined) {
    if ((value.tag !== 'th' && value.tag !== 'td') || !isAlignment(align)) return null;
    element.align = align;
  }
  return element;
}

function readNodes(value: unknown, depth: number): MarkdownNode[] | null {
  if (!Array.isArray(value)) return null;
  const nodes = value.map((node) => readNode(node, depth));
  return nodes.every((node) => node !== null) ? nodes : null;
}

/** A stored tree, checked node by node; undefined when anything in it is not allowed. */
export function readRenderedMarkdown(value: unknown): RenderedMarkdown | undefined {
  if (!isRecord(value) || !Number.isSafeInteger(value.chars) || (value.chars as number) < 0) return undefined;
  const nodes = readNodes(value.nodes, 0);
  return nodes ? { nodes, chars: value.chars as number } : undefined;
}

/** A streaming answer's next tree, as the server sends it. */
export interface MarkdownUpdate {
  /** The first top-level node that changed: the browser keeps the ones before it. */
  from: number;
  /** The top-level nodes from `from` on. */
  nodes: MarkdownNode[];
  /** Characters of the answer the whole tree covers. */
  chars: number;
}

/** The tree after a streamed update. */
export function updateRendered(previous: RenderedMarkdown | undefined, update: MarkdownUpdate): RenderedMarkdown {
  return { nodes: [...(previous?.nodes ?? []).slice(0, update.from), ...update.nodes], chars: update.chars };
}
