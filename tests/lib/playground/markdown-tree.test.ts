import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, readRenderedMarkdown, safeHref, updateRendered } from '../../../src/lib/playground/markdown-tree';

describe('safeHref', () => {
  it('takes web and mail links only', () => {
    expect(safeHref('https://aws.amazon.com/bedrock/')).toBe(true);
    expect(safeHref('HTTP://example.com')).toBe(true);
    expect(safeHref('mailto:someone@example.com')).toBe(true);
    for (const href of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      '#top',
      '/relative',
      'https://example.com/"onmouseover="x',
      'javascript:alert(1)//https://example.com',
    ])
      expect(safeHref(href), href).toBe(false);
  });
});

describe('readRenderedMarkdown', () => {
  const table = {
    tag: 'table',
    children: [
      {
        tag: 'tr',
        children: [
          { tag: 'th', align: 'left', children: ['Model'] },
          { tag: 'th', align: 'center', children: ['Tokens'] },
        ],
      },
      {
        tag: 'tr',
        children: [
          { tag: 'td', children: ['Nova'] },
          { tag: 'td', align: 'right', children: ['1'] },
        ],
      },
    ],
  };

  it('keeps a tree of allowed elements as it is', () => {
    const stored = {
      chars: 42,
      nodes: [
        { tag: 'h3', children: ['Title'] },
        { tag: 'p', children: ['See ', { tag: 'a', href: 'https://aws.amazon.com/', children: ['AWS'] }] },
        { tag: 'ol', start: 3, children: [{ tag: 'li', children: ['three'] }] },
        table,
      ],
    };
    expect(readRenderedMarkdown(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it('sets aside a tree with a tag, link or attribute that is not allowed', () => {
    const refused = [
      { tag: 'script', children: ['alert(1)'] },
      { tag: 'img', children: [] },
      { tag: 'a', href: 'javascript:alert(1)', children: ['click'] },
      { tag: 'a', href: ['https://example.com'], children: ['a link that is not text'] },
      { tag: 'p', href: 'https://example.com', children: [] },
      { tag: 'td', align: 'justify', children: [] },
      { tag: 'p', align: 'left', children: [] },
      { tag: 'ol', start: 'x', children: [] },
      { tag: 'ul', start: 3, children: [] },
      { tag: 'p', children: ['fine, then ', { tag: 'script', children: [] }] },
      { tag: 'p', children: 'text' },
      { tag: 'p' },
      42,
    ];
    for (const node of refused)
      expect(readRenderedMarkdown({ chars: 1, nodes: [{ tag: 'p', children: [node] }] }), JSON.stringify(node)).toBe(
        undefined,
      );
    expect(readRenderedMarkdown({ chars: -1, nodes: [] })).toBeUndefined();
    expect(readRenderedMarkdown({ chars: 0, nodes: [] })).toEqual({ chars: 0, nodes: [] });
    expect(readRenderedMarkdown({ nodes: [] })).toBeUndefined();
    expect(readRenderedMarkdown('<p>hi</p>')).toBeUndefined();
  });

  it('keeps only the fields it knows, so no event handler or style comes through', () => {
    const read = readRenderedMarkdown({
      chars: 2,
      nodes: [
        { tag: 'p', onclick: 'alert(1)', style: 'x', dangerouslySetInnerHTML: { __html: '<b>' }, children: ['hi'] },
      ],
    });
    expect(read).toEqual({ chars: 2, nodes: [{ tag: 'p', children: ['hi'] }] });
  });

  it('refuses nesting deeper than the limit', () => {
    const nest = (depth: number): unknown =>
      depth === 0 ? 'deep' : { tag: 'blockquote', children: [nest(depth - 1)] };
    expect(readRenderedMarkdown({ chars: 4, nodes: [nest(MAX_DEPTH + 1)] })).toBeDefined();
    expect(readRenderedMarkdown({ chars: 4, nodes: [nest(MAX_DEPTH + 2)] })).toBeUndefined();
  });
});

describe('updateRendered', () => {
  it('keeps the top-level nodes before the update and replaces the rest', () => {
    const first = updateRendered(undefined, { from: 0, nodes: [{ tag: 'p', children: ['a'] }, 'x'], chars: 3 });
    expect(first).toEqual({ nodes: [{ tag: 'p', children: ['a'] }, 'x'], chars: 3 });
    expect(updateRendered(first, { from: 1, nodes: [{ tag: 'hr', children: [] }], chars: 9 })).toEqual({
      nodes: [
        { tag: 'p', children: ['a'] },
        { tag: 'hr', children: [] },
      ],
      chars: 9,
    });
    expect(updateRendered(first, { from: 1, nodes: [], chars: 4 }).nodes).toEqual([{ tag: 'p', children: ['a'] }]);
  });

  it('keeps nothing before an update when there was no tree yet', () => {
    expect(updateRendered(undefined, { from: 2, nodes: ['c'], chars: 5 })).toEqual({ nodes: ['c'], chars: 5 });
  });
});
