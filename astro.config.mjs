// @ts-check
import { defineConfig, envField } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  // Loopback by default: the server will later hold AWS credentials. HOST and PORT override at run time.
  server: { host: '127.0.0.1', port: 4321 },
  adapter: node({ mode: 'standalone' }),
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
    },
  },
  integrations: [mdx(), preact()],
  markdown: {
    // Both themes are written into the page; CSS switches with the site's light/dark theme.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: 'light' },
  },
  prefetch: false,
  devToolbar: { enabled: false },
});
