/**
 * The unit tests that mutation testing runs: every test that exercises the code in this process. Tests that build
 * the site and talk to the built server over HTTP are left out: they would build Stryker's instrumented copy of the
 * code, and they cover no mutated line in this process anyway.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // Instrumented code runs several times slower.
      testTimeout: 180_000,
      exclude: [
        'tests/server/api-http.test.ts',
        'tests/server/compression.test.ts',
        'tests/server/playground-http.test.ts',
        'tests/server/playground-load.test.ts',
        'tests/server/security-headers.test.ts',
        'tests/content/malformed-content.test.ts',
        // Its 20,000-deep Markdown nesting runs for minutes once instrumented; markdown-tree has its own unit tests.
        'tests/server/markdown.test.ts',
      ],
    },
  }),
);
