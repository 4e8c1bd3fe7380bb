/**
 * A hast plugin for Astro's Markdown processor (Sätteri) that puts every table of a lesson or cheat sheet in its own
 * scrolling box, as the Comparison component does: on a phone a wide table scrolls inside the box instead of pushing
 * the page sideways. The box is a labelled region that takes keyboard focus, so keyboard users can scroll it too
 * (axe: scrollable-region-focusable).
 */
import type { satteri } from '@astrojs/markdown-satteri';
import type { Element, ElementContent, Parents } from 'hast';

/** One plugin, as `satteri({ hastPlugins })` takes it. */
export type HastPlugin = NonNullable<NonNullable<Parameters<typeof satteri>[0]>['hastPlugins']>[number];

/** The text of a node, as a screen reader reads it. */
function textOf(node: ElementContent | Parents): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  return (node.children as ElementContent[]).map(textOf).join('').trim();
}

const isElement = (node: ElementContent, tagName: RegExp): node is Element =>
  // Stryker disable next-line ConditionalExpression: other nodes have no tag name, and no pattern here matches "undefined"
  node.type === 'element' && tagName.test(node.tagName);

/** The column headings of a table: the cells of its first row. */
function columnsOf(table: Element): string[] {
  const sections = table.children.filter((child) => isElement(child, /^(thead|tbody)$/)) as Element[];
  const firstRow = [table, ...sections]
    .flatMap((parent) => parent.children)
    .find((child) => isElement(child, /^tr$/)) as Element | undefined;
  // Stryker disable next-line ArrayDeclaration,Regex: the filter drops non-elements, and a row can hold no other t[hd] tag
  return (firstRow?.children ?? []).filter((cell) => isElement(cell, /^t[hd]$/)).map(textOf);
}

/** The labels given so far in each document (by its data bag), as landmarks need distinct names. */
const labelsOfDocument = new WeakMap<object, Set<string>>();

export const tableRegions = {
  name: 'table-regions',
  element: {
    filter: ['table'],
    visit(table, context) {
      // The heading the table sits under: the latest heading before it, among its ancestors' earlier children too.
      let heading: string | undefined;
      for (let node: Element | Parents = table; !heading;) {
        const parent: Parents | undefined = context.parent(node);
        if (!parent) break;
        const before = parent.children.slice(0, context.indexOf(node) ?? 0) as ElementContent[];
        const found = before.findLast((sibling) => isElement(sibling, /^h[1-6]$/));
        if (found) heading = textOf(found);
        node = parent;
      }
      // Stryker disable next-line Regex: an HTML parser moves any other element whose name holds "caption" out of a table
      const caption = table.children.find((child) => isElement(child, /^caption$/));
      const columns = `table of ${columnsOf(table).filter(Boolean).join(', ')}`;
      const used = labelsOfDocument.get(context.data) ?? new Set<string>();
      labelsOfDocument.set(context.data, used);
      // A caption names the table; else its heading; two tables under one heading are told apart by their columns.
      let label = caption ? textOf(caption) : heading;
      if (!label || used.has(label)) label = label ? `${label}: ${columns}` : `T${columns.slice(1)}`;
      used.add(label);
      context.wrapNode(table, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', ariaLabel: label, tabIndex: 0 },
        children: [],
      });
    },
  },
} satisfies HastPlugin;
