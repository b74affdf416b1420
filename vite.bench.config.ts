// Builds the benchmark (tests/bench) for plain Node, so `npm run bench` measures the same
// compiled code the app runs.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/bench',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { bench: 'tests/bench/bench.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
