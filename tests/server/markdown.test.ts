import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  readRenderedMarkdown,
  updateRendered,
  type MarkdownNode,
  type RenderedMarkdown,
} from '../../src/lib/playground/markdown-tree';
import { MarkdownStream, markdownTree } from '../../src/server/playground/markdown';

/** Every tag in a tree, depth first. */
function tags(nodes: MarkdownNode[]): string[] {
  return nodes.flatMap((node) => (typeof node === 'string' ? [] : [node.tag, ...tags(node.children)]));
}

function text(nodes: MarkdownNode[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : text(node.children))).join('');
}

function links(nodes: MarkdownNode[]): (string | undefined)[] {
  return nodes.flatMap((node) =>
    typeof node === 'string' ? [] : [...(node.tag === 'a' ? [node.href] : []), ...links(node.children)],
  );
}

describe('markdownTree', () => {
  it('formats a model’s Markdown', () => {
    expect(markdownTree('**Bedrock** is `managed`.\n\n- one\n- two')).toEqual([
      {
        tag: 'p',
        children: [{ tag: 'strong', children: ['Bedrock'] }, ' is ', { tag: 'code', children: ['managed'] }, '.'],
      },
      {
        tag: 'ul',
        children: [
          { tag: 'li', children: ['one'] },
          { tag: 'li', children: ['two'] },
        ],
      },
    ]);
  });

  it('reads GitHub tables, strikethrough and task lists, which models write often', () => {
    const tree = markdownTree(
      '| Model | Price |\n| :-- | --: |\n| Nova Micro | $0.000035 |\n\n~~old~~ new\n\n- [x] done\n- [ ] to do',
    );
    expect(tags(tree)).toEqual(
      expect.arrayContaining(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'ul', 'li']),
    );
    expect(tree[0]).toMatchObject({
      tag: 'table',
      children: [
        {
          tag: 'thead',
          children: [
            {
              tag: 'tr',
              children: [
                { tag: 'th', align: 'left' },
                { tag: 'th', align: 'right' },
              ],
            },
          ],
        },
        {
          tag: 'tbody',
          children: [{ tag: 'tr', children: [{ children: ['Nova Micro'] }, { children: ['$0.000035'] }] }],
        },
      ],
    });
    expect(text(tree)).toContain('☑ done');
    expect(text(tree)).toContain('☐ to do');
  });

  it('puts answer headings below the page’s own', () => {
    expect(tags(markdownTree('# One\n\n## Two\n\n### Three\n\n###### Six'))).toEqual(['h3', 'h4', 'h5', 'h6']);
  });

  it('shows a model’s HTML as text and never as elements', () => {
    const tree = markdownTree(
      'Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<b onclick=alert(3)>b</b>\n\n<iframe src="https://example.com"></iframe>',
    );
    expect(tags(tree).every((tag) => tag === 'p')).toBe(true);
    expect(text(tree)).toContain('<script>alert(1)</script>');
    expect(text(tree)).toContain('<img src=x onerror="alert(2)">');
    expect(text(tree)).toContain('<iframe src="https://example.com"></iframe>');
  });

  it('keeps web links, and keeps only the text of javascript:, data: and in-page links', () => {
    const tree = markdownTree(
      '[click](javascript:alert(1)) [img](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)> [top](#x) [docs](https://aws.amazon.com/bedrock/) www.example.com',
    );
    expect(links(tree)).toEqual(['https://aws.amazon.com/bedrock/', 'http://www.example.com']);
    expect(text(tree)).toContain('click img javascript:alert(2) top docs');
    expect(text(tree)).toContain('click');
  });

  it('turns images into links, so an answer cannot make the page load anything', () => {
    const tree = markdownTree('![a chart](https://example.com/chart.png) ![x](javascript:alert(1))');
    expect(tags(tree)).not.toContain('img');
    expect(links(tree)).toEqual(['https://example.com/chart.png']);
    expect(text(tree)).toBe('Image: a chart Image: x');
  });

  it('keeps footnotes readable without ids that could clash between answers', () => {
    const tree = markdownTree('Bedrock[^1] is managed.\n\n[^1]: Amazon Bedrock.');
    expect(JSON.stringify(tree)).not.toMatch(/"id"|#user-content/);
    expect(text(tree)).toContain('Amazon Bedrock.');
  });

  it('keeps very deep nesting as text within the depth limit, and never throws', () => {
    for (const deep of ['>'.repeat(MAX_DEPTH * 3) + ' deep', '>'.repeat(20_000) + ' deep', '- '.repeat(5000) + 'x']) {
      const tree = markdownTree(deep);
      expect(readRenderedMarkdown({ chars: deep.length, nodes: tree })).toBeDefined();
      expect(text(tree)).toMatch(/deep|x/);
    }
  });

  it('makes trees the browser’s checks accept', () => {
    const sample =
      '# T\n\n1. a\n2. [b](https://example.com)\n\n```js\nlet x = 1 < 2;\n```\n\n> quote\n\n---\n\nline  \nbreak';
    expect(readRenderedMarkdown({ chars: sample.length, nodes: markdownTree(sample) })).toBeDefined();
  });
});

describe('MarkdownStream', () => {
  const answer = '# Plan\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nFirst **bold** point.\n\n- one\n- two\n\nDone.';
  const pieces = answer.match(/.{1,3}/gs) ?? [];

  function stream(clock: { now: number }) {
    const markdown = new MarkdownStream(() => clock.now);
    let rendered: RenderedMarkdown | undefined;
    let updates = 0;
    const apply = (update: ReturnType<MarkdownStream['add']>) => {
      if (!update) return;
      updates++;
      rendered = updateRendered(rendered, update);
    };
    return {
      add: (piece: string) => apply(markdown.add(piece)),
      finish: () => apply(markdown.finish()),
      get rendered() {
        return rendered;
      },
      get updates() {
        return updates;
      },
    };
  }

  it('sends the first words at once, then at most one tree per interval', () => {
    const clock = { now: 0 };
    const answerStream = stream(clock);
    for (const piece of pieces) answerStream.add(piece);
    expect(answerStream.updates).toBe(1);
    expect(answerStream.rendered?.chars).toBe(pieces[0]?.length);
    clock.now += 100;
    answerStream.add('');
    expect(answerStream.updates).toBe(2);
  });

  it('ends with the tree of the whole answer, however the updates were spaced', () => {
    for (const step of [0, 30, 150]) {
      const clock = { now: 0 };
      const answerStream = stream(clock);
      for (const piece of pieces) {
        answerStream.add(piece);
        clock.now += step;
      }
      answerStream.finish();
      expect(answerStream.rendered).toEqual({ nodes: markdownTree(answer), chars: answer.length });
    }
  });

  it('sends only the top-level nodes that changed', () => {
    const clock = { now: 0 };
    const markdown = new MarkdownStream(() => clock.now);
    markdown.add('First paragraph.\n\nSecond');
    clock.now += 1000;
    const update = markdown.add(' paragraph.');
    expect(update).toEqual({
      from: 1,
      nodes: [{ tag: 'p', children: ['Second paragraph.'] }],
      chars: 'First paragraph.\n\nSecond paragraph.'.length,
    });
    expect(markdown.finish()).toBeUndefined();
  });
});
