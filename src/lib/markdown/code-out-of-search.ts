/**
 * A hast plugin for Astro's Markdown processor (Sätteri) that keeps code blocks out of the search index: Pagefind
 * would otherwise show fragments of code (`} } numberOfRes…`) as a lesson's snippet. Code in running text stays.
 */
import type { HastPlugin } from './table-regions';

export const codeOutOfSearch = {
  name: 'code-out-of-search',
  element: {
    filter: ['pre'],
    visit(block, context) {
      context.setProperty(block, 'dataPagefindIgnore', '');
    },
  },
} satisfies HastPlugin;
