// `npm run docs:export-format`: rewrites the generated parts of docs/export-format.md (the JSON
// envelope's fields and every exported table and column) from the code, through Vite's module
// runner so the TypeScript generator runs under plain Node.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(path.join(root, 'tests', 'helpers', 'export-format-doc.ts'), {
  configFile: false,
  root,
  logLevel: 'warn',
});
const changed = module.writeExportFormatDoc();
console.log(changed ? 'docs/export-format.md rewritten.' : 'docs/export-format.md was up to date.');
