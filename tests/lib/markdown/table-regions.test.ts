import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { expect, test } from 'vitest';
import { tableRegions } from '../../../src/lib/markdown/table-regions';

async function render(markdown: string, features: { rawHtml?: boolean } = {}) {
  const processor = await createSatteriMarkdownProcessor({
    hastPlugins: [tableRegions],
    syntaxHighlight: false,
    features,
  });
  return (await processor.render(markdown)).code;
}

/** The opening tags of the boxes around tables. */
const boxes = (html: string) => [...html.matchAll(/<div class="table-scroll"[^>]*>(?=<table)/g)].map(([tag]) => tag);
const table = (first: string, second: string) => `| ${first} | ${second} |\n| - | - |\n| 1 | 2 |\n`;

test('a table goes in a focusable region named after the heading it sits under', async () => {
  const html = await render(`## Inference parameters\n\nSome prose.\n\n${table('Name', 'Effect')}`);
  expect(boxes(html)).toEqual([
    '<div class="table-scroll" role="region" aria-label="Inference parameters" tabindex="0">',
  ]);
  expect(html).toMatch(/<\/table><\/div>/);
});

test('two tables under one heading, or under none, get distinct names from their columns', async () => {
  const html = await render(`${table('Model', 'Price')}\n## Costs\n\n${table('A', 'B')}\n${table('C', 'D')}`);
  expect(boxes(html).map((tag) => /aria-label="([^"]*)"/.exec(tag)?.[1])).toEqual([
    'Table of Model, Price',
    'Costs',
    'Costs: table of C, D',
  ]);
});

/** The names given to the boxes, in order. */
const labels = (html: string) => boxes(html).map((tag) => /aria-label="([^"]*)"/.exec(tag)?.[1]);

test('a name is read as a screen reader reads the heading: no markup, no comment, no stray space', async () => {
  const html = await render(`## *Costs* per \`token\` <!-- check the prices -->\n\n${table('Model', 'Price')}`);
  expect(labels(html)).toEqual(['Costs per token']);
});

test('an empty column heading is left out of a name made from the columns', async () => {
  expect(labels(await render(table('', 'Price')))).toEqual(['Table of Price']);
});

test('with HTML parsed into elements, a caption names its table, and a table without rows is boxed too', async () => {
  const html = await render(
    '## Costs\n\n<table><caption> Prices <em>by</em> model </caption><tr><td>Nova</td></tr></table>\n\n<table></table>\n',
    { rawHtml: true },
  );
  expect(html).toContain('<div class="table-scroll" role="region" aria-label="Prices by model" tabindex="0"><table>');
  expect(html).toContain(
    '<div class="table-scroll" role="region" aria-label="Costs" tabindex="0"><table></table></div>',
  );
});

test('prose without a table is left alone', async () => {
  expect(await render('## Prose only\n\nNo table here.')).not.toContain('table-scroll');
});
