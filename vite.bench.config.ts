// Builds the benchmark (tests/bench) for plain Node, so `npm run bench` measures the same
// compiled code the app runs.
import { defineConfig } from 'vite';
import { handoutFonts } from './vite.main.config';

export default defineConfig({
  // The handout benchmark renders PDFs: its fonts go to dist/bench/fonts/ as in the app.
  plugins: [handoutFonts()],
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
