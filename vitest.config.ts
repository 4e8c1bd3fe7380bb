import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Content checks run Astro on fixture projects, which takes a few seconds each.
    testTimeout: 60_000,
  },
});
