// "Look" runs: render things a person must see (exercise pictures) into PNG files under
// tests/look/out/ for review. Not part of the unit run; start with `npm run look`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/look/**/*.look.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
