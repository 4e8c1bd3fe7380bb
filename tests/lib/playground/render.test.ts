import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../src/lib/playground/render';

describe('renderAnswer', () => {
  it('formats Markdown from a model', () => {
    expect(renderAnswer('**Bedrock** is `managed`.\n\n- one\n- two')).toBe(
      '<p><strong>Bedrock</strong> is <code>managed</code>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it('never turns a model’s script tags or event handlers into HTML', () => {
    const html = renderAnswer(
      'Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<b onclick=alert(3)>b</b>',
    );
    expect(html).not.toMatch(/<script|<img|<b /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('drops javascript: and data: link targets but keeps normal links', () => {
    const html = renderAnswer(
      '[click](javascript:alert(1)) [img](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)> [docs](https://aws.amazon.com/bedrock/)',
    );
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('<a href="https://aws.amazon.com/bedrock/">docs</a>');
  });

  it('drops a javascript: target of an image too', () => {
    expect(renderAnswer('![x](javascript:alert(1))')).not.toContain('javascript:');
  });
});
