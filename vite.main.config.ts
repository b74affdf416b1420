// Builds the main-process code for Node and Electron into dist/main: the Electron shell entry and
// the preview server entry. Dependencies (electron, better-sqlite3-multiple-ciphers, pdfkit, zod) stay external.
import { defineConfig } from 'vite';

export default defineConfig({
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
