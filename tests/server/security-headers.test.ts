/**
 * The security headers over real HTTP from the built server as `npm run serve` starts it: on pages, their files, the
 * search index, the 404 page and API answers, JSON and streamed alike. Then each built page's own policy: no inline
 * script or style runs unless the policy names its hash, and the `_headers` file for a static host says what the
 * server sends.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API_HEADERS, PAGE_HEADERS } from '../../src/server/security-headers';
import { builtClient, buildOnce, startBuiltServer, type RunningServer } from './built-server';
import { ask, eventsOf } from './helpers';

let server: RunningServer;
let pages: { path: string; html: string }[];

beforeAll(async () => {
  await buildOnce();
  // The test build is Astro's alone; the search index is added as `npm run build` adds it.
  const pagefind = join(import.meta.dirname, '..', '..', 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
  await promisify(execFile)(process.execPath, [pagefind, '--site', builtClient, '--silent']);
  server = await startBuiltServer();
  pages = builtPages();
}, 180_000);

afterAll(() => server?.stop());

/** The security headers of a response, by the names the definition uses. */
function securityHeaders(response: Response) {
  return Object.fromEntries(Object.keys(PAGE_HEADERS).map((name) => [name, response.headers.get(name)]));
}

const get = (path: string) => fetch(`${server.origin}${path}`);
const someFile = (folder: string, extension: string) =>
  readdirSync(join(builtClient, folder)).find((name) => name.endsWith(extension));

describe('the built server sends the security headers', () => {
  test('on a page, and no site may frame it', async () => {
    const response = await get('/');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(securityHeaders(response)).toEqual(PAGE_HEADERS);
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
  });

  test('on the 404 page of an unknown address', async () => {
    const response = await get('/no-such-page/');
    expect(response.status).toBe(404);
    expect(securityHeaders(response)).toEqual(PAGE_HEADERS);
  });

  test('on the files a page loads: a bundled script, a stylesheet, the favicon, the search index', async () => {
    for (const path of [
      `/_astro/${someFile('_astro', '.js')}`,
      `/_astro/${someFile('_astro', '.css')}`,
      '/favicon.svg',
      '/pagefind/pagefind.js',
      `/pagefind/${someFile('pagefind', '.pf_meta')}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(securityHeaders(response), path).toEqual(PAGE_HEADERS);
    }
  });

  test('on API answers, with a policy that allows nothing', async () => {
    expect(API_HEADERS['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    for (const path of ['/api/health', '/api/playground/models', '/api/no-such-route', '/%61pi/health']) {
      const response = await get(path);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(securityHeaders(response), path).toEqual(API_HEADERS);
    }
  });

  test('on a streamed answer from the built-in model', async () => {
    const response = await fetch(`${server.origin}/api/playground/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ask('course-lm', 'Amazon Bedrock is', { maxTokens: 3 })),
    });
    expect(securityHeaders(response)).toEqual(API_HEADERS);
    expect((await eventsOf(response)).at(-1)?.type).toBe('done');
  });
});

/** Every built page, with its address. */
function builtPages(folder = builtClient, path = '/'): { path: string; html: string }[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return builtPages(join(folder, entry.name), `${path}${entry.name}/`);
    return entry.name.endsWith('.html')
      ? [{ path: `${path}${entry.name}`, html: readFileSync(join(folder, entry.name), 'utf8') }]
      : [];
  });
}

/** A page's own policy, from its `<meta>` tag, by directive. */
function pagePolicy(html: string) {
  const content = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe("each built page's own policy", () => {
  test('covers every page, and lets in no script but its own', () => {
    expect(pages.length).toBeGreaterThan(50);
    for (const { path, html } of pages) {
      const policy = pagePolicy(html);
      expect(policy.get('default-src'), path).toEqual(["'self'"]);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('script-src'), path).toContain("'self'");
      expect(policy.get('script-src'), path).not.toContain("'unsafe-inline'");
      expect(policy.get('script-src'), path).not.toContain("'unsafe-eval'");
      expect(policy.get('style-src'), path).not.toContain("'unsafe-inline'");
    }
  });

  test('names the hash of every inline script and style of its page, the theme script included', () => {
    const missing: string[] = [];
    let themeScripts = 0;
    for (const { path, html } of pages) {
      const policy = pagePolicy(html);
      for (const [, tag, attributes, text] of html.matchAll(/<(script|style)(\s[^>]*)?>([^]*?)<\/\1>/g)) {
        // A data block (type="application/json") never runs, and an empty element carries only its src.
        if (!text || /type="application\/json"/.test(attributes ?? '')) continue;
        if (text.includes("localStorage.getItem('aif-c01:theme')")) themeScripts++;
        if (!policy.get(`${tag}-src`)?.includes(hashOf(text))) missing.push(`${path}: <${tag}> ${text.slice(0, 60)}`);
      }
    }
    expect(missing).toEqual([]);
    expect(themeScripts).toBe(pages.length);
  });

  test('style="…" attributes are allowed by style-src-attr alone; a meta policy cannot hold frame-ancestors', () => {
    for (const { path, html } of pages) {
      expect(pagePolicy(html).get('style-src-attr'), path).toEqual(["'unsafe-inline'"]);
      expect(pagePolicy(html).has('frame-ancestors'), path).toBe(false);
    }
  });
});

test('the _headers file for a static host lists what the server sends with a page', () => {
  const rules = readFileSync(join(builtClient, '_headers'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  expect(rules[0]).toBe('/*');
  const headers = Object.fromEntries(
    rules.slice(1).map((line) =>
      line
        .trim()
        .split(/: (.*)/)
        .slice(0, 2),
    ),
  );
  expect(headers).toEqual(PAGE_HEADERS);
});
