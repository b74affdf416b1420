// Builds the main-process code for Node and Electron into dist/main: the Electron shell entry and
// the preview server entry. Dependencies (electron, better-sqlite3-multiple-ciphers, pdfkit, zod) stay external.
// The handout's fonts are copied to dist/main/fonts/ (electron-builder packs dist/**).
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

/**
 * Copies the handout's fonts and their licence (main/pdf/fonts/) into the build's fonts/ folder,
 * where main/pdf/fonts.ts looks for them beside the built code (and, packaged, inside the asar).
 */
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
  plugins: [handoutFonts()],
  build: {
    ssr: true,
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        'electron-main': 'main/electron/main.ts',
        preview: 'main/preview/cli.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
