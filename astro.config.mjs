// @ts-check
import { defineConfig, envField } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import { pageContentSecurityPolicy, staticHostHeaders } from './src/server/security-headers.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { codeOutOfSearch } from './src/lib/markdown/code-out-of-search.ts';
import { tableRegions } from './src/lib/markdown/table-regions.ts';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  // Loopback by default: the server will later hold AWS credentials. HOST and PORT override at run time.
  server: { host: '127.0.0.1', port: 4321 },
  adapter: node({ mode: 'standalone' }),
  // Each page carries its policy in a <meta> tag, with the hashes of its scripts and styles; see security-headers.ts.
  // Astro's own origin check answers cross-site form posts in plain text; the API's checks refuse them as JSON
  // (src/server/api.ts: another site's Origin or Host; the chat route: anything but application/json).
  security: { csp: pageContentSecurityPolicy(), checkOrigin: false },
  // Stylesheets are linked, never inlined: Astro's policy misses the hash of a style inlined for a lesson's widget.
  build: { inlineStylesheets: 'never' },
  env: {
    // The playground's settings. All are read when the server starts, not at build time, so each is a server
    // "secret" in astro:env terms even when it is not sensitive; none reaches the browser.
    schema: {
      HOST: envField.string({ context: 'server', access: 'secret', optional: true }),
      BEDROCK_REGION: envField.string({ context: 'server', access: 'secret', optional: true }),
      BEDROCK_ENDPOINT: envField.string({ context: 'server', access: 'secret', optional: true, url: true }),
      PLAYGROUND_ACCESS_TOKEN: envField.string({ context: 'server', access: 'secret', optional: true, min: 16 }),
      PLAYGROUND_MAX_TOKENS: envField.number({ context: 'server', access: 'secret', default: 1024, int: true, gt: 0 }),
      PLAYGROUND_DAILY_SPEND_CAP_USD: envField.number({ context: 'server', access: 'secret', default: 1, min: 0 }),
      // Relative to the folder the server starts in.
      PLAYGROUND_SPEND_FILE: envField.string({
        context: 'server',
        access: 'secret',
        default: '.data/playground-spend.json',
      }),
      PLAYGROUND_RATE_LIMIT_PER_MINUTE: envField.number({
        context: 'server',
        access: 'secret',
        default: 20,
        gt: 0,
      }),
      PLAYGROUND_RATE_LIMIT_BURST: envField.number({
        context: 'server',
        access: 'secret',
        default: 5,
        int: true,
        gt: 0,
      }),
      // Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed; none by default.
      TRUSTED_PROXIES: envField.string({ context: 'server', access: 'secret', optional: true }),
      // Long enough for a large prompt on a slow model, short enough that nobody waits minutes on a hung call.
      BEDROCK_FIRST_BYTE_TIMEOUT_SECONDS: envField.number({ context: 'server', access: 'secret', default: 60, gt: 0 }),
      BEDROCK_IDLE_TIMEOUT_SECONDS: envField.number({ context: 'server', access: 'secret', default: 30, gt: 0 }),
      // How long a stopping server (SIGTERM, Ctrl+C) lets chats finish before it stops them and saves the spend.
      PLAYGROUND_SHUTDOWN_GRACE_SECONDS: envField.number({ context: 'server', access: 'secret', default: 10, min: 0 }),
    },
  },
  integrations: [mdx(), preact(), staticHostHeaders()],
  markdown: {
    // Tables scroll inside their own box on a phone, not the whole page; code blocks stay out of search snippets.
    processor: satteri({ hastPlugins: [tableRegions, codeOutOfSearch] }),
    // Both themes are written into the page; CSS switches with the site's light/dark theme.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: 'light' },
  },
  vite: {
    build: {
      rolldownOptions: {
        output: {
          // Preact, its hooks and its JSX runtime in one file rather than three: every island page needs all of
          // them, and one file makes fewer requests and gzips smaller.
          codeSplitting: { groups: [{ name: 'preact', test: /node_modules[\\/]preact[\\/]/ }] },
        },
      },
    },
  },
  prefetch: false,
  devToolbar: { enabled: false },
});
