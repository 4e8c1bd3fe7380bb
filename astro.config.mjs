// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  // Loopback by default: the server will later hold AWS credentials. HOST and PORT override at run time.
  server: { host: '127.0.0.1', port: 4321 },
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), preact()],
  markdown: {
    // Both themes are written into the page; CSS switches with the site's light/dark theme.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: 'light' },
  },
  prefetch: false,
  devToolbar: { enabled: false },
});
