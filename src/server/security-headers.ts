/**
 * The site's security headers, defined once. `serve.ts` sends them from the Node server, the build writes them into
 * dist/client/_headers for a static host, and astro.config.mjs takes the pages' Content-Security-Policy from here.
 *
 * A page's script and style rules travel inside the page, as the `<meta>` policy Astro writes with the hashes of
 * that page's scripts and styles: they hold on any host and on the 404 page the server answers unknown addresses
 * with. What a `<meta>` policy cannot say (who may frame the page) and the other headers are sent over HTTP.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration, AstroUserConfig, CspHash } from 'astro';

/** Sent with every response. */
const SITE_HEADERS = {
  // A response is only ever what its Content-Type says: a JSON answer never runs as script or shows as a page.
  'X-Content-Type-Options': 'nosniff',
  // Other sites see no address of the course; the course's own requests keep theirs (the API checks Origin).
  'Referrer-Policy': 'same-origin',
  // The course uses none of these: no page, nor anything injected into one, may ask for them.
  'Permissions-Policy':
    'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), ' +
    'microphone=(), midi=(), payment=(), serial=(), usb=()',
};

/**
 * Pages and the files they load. No site may frame a page; the page's own `<meta>` policy does the rest. Files keep
 * this too rather than `default-src 'none'`: Pagefind's search worker runs under the policy of its own script file.
 */
export const PAGE_HEADERS = { ...SITE_HEADERS, 'Content-Security-Policy': "frame-ancestors 'none'" };

/** API answers are data: they may load, run or be framed by nothing. */
export const API_HEADERS = { ...SITE_HEADERS, 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" };

/** The headers for a request's target (`/path?query`, as the server receives it). */
export function securityHeadersFor(target: string) {
  let path = target.split('?')[0] ?? '';
  try {
    // The router decodes the path, so /%61pi/… reaches the API as well.
    path = decodeURI(path);
  } catch {
    // Not a valid address: the server refuses it.
  }
  return path.startsWith('/api/') ? API_HEADERS : PAGE_HEADERS;
}

/** The `sha256-…` source that allows one inline script: its text's hash. */
function scriptHash(file: URL): CspHash {
  return `sha256-${createHash('sha256').update(readFileSync(file)).digest('base64')}`;
}

/**
 * Astro's `security.csp`: the pages' policy, to which Astro adds the hashes of every script and style it bundles or
 * inlines. The theme script is inline and unprocessed (so it runs before the first paint), so its hash is added here.
 */
export function pageContentSecurityPolicy(): Exclude<NonNullable<AstroUserConfig['security']>['csp'], undefined> {
  return {
    directives: ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"],
    scriptDirective: {
      // Pagefind's search index is WebAssembly.
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: [scriptHash(new URL('../layouts/theme-script.js', import.meta.url))],
    },
    styleDirective: {
      // style="…" attributes: Shiki's two-theme colours and values set per element (bar widths, anchor names).
      // They cannot run script, and every url() in them would still be held to default-src.
      resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
    },
  };
}

/**
 * Writes PAGE_HEADERS into `_headers` in the built site, the file Netlify and Cloudflare Pages read, so that a static
 * deployment of dist/client sends what the Node server sends (another host needs them in its own configuration).
 */
export function staticHostHeaders(): AstroIntegration {
  return {
    name: 'static-host-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const headers = Object.entries(PAGE_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
        const comment = '# Written by the build from src/server/security-headers.ts: the headers of every response.';
        await writeFile(new URL('_headers', dir), [comment, '/*', ...headers, ''].join('\n'));
      },
    },
  };
}
