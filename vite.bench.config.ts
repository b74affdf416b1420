// Builds the benchmark (tests/bench) for plain Node, so `npm run bench` measures the same
// compiled code the app runs.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

/** The handout's fonts into dist/bench/fonts/, as vite.main.config.ts does for the app. */
function handoutFonts(): Plugin {
  const dir = path.join(import.meta.dirname, 'main', 'pdf', 'fonts');
  return {
    name: 'stride-handout-fonts',
    generateBundle() {
      for (const file of fs.readdirSync(dir)) {
        this.emitFile({ type: 'asset', fileName: `fonts/${file}`, source: fs.readFileSync(path.join(dir, file)) });
      }
    },
  };
}

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
