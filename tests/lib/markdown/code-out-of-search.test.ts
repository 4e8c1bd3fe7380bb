import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { expect, test } from 'vitest';
import { codeOutOfSearch } from '../../../src/lib/markdown/code-out-of-search';

test('a code block is left out of the search index; code in running text is not', async () => {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: [codeOutOfSearch], syntaxHighlight: false });
  const { code } = await processor.render('Set `numberOfResults` first.\n\n```ts\nconst x = { a: 1 };\n```\n');
  // The attribute with no value: Pagefind's default, which leaves the block's text out of the index.
  expect(code).toMatch(/<pre[^>]* data-pagefind-ignore=""[^>]*>/);
  expect(code).toMatch(/<p>Set <code>numberOfResults<\/code> first\.<\/p>/);
});
