/**
 * The layers stay one-way. The lint rule (MAIN_LAYERS in eslint.config.js) is checked by linting
 * a small file placed in each folder with imports it must not have, so the rule cannot stop
 * reporting without this test failing; then the tree itself is walked for cycles between folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYER_MAX_DEPTH, MAIN_LAYERS } from '../../eslint.config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RULE = 'no-restricted-imports';

// Only the layer rule matters here; type-aware linting would need the probe files on disk.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [{ languageOptions: { parserOptions: { projectService: false, project: null } } }],
  ruleFilter: ({ ruleId }) => ruleId === RULE,
});

/** Lints `imports` as the lines of a file at `file` (from the repository root); returns the lines reported. */
async function reportedLines(file: string, imports: string[]): Promise<number[]> {
  const code = imports.map((spec, i) => `import { x${i} } from '${spec}';`).join('\n') + '\n';
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result?.messages.filter((m) => m.ruleId !== RULE)).toEqual([]);
  return [...new Set((result?.messages ?? []).map((m) => m.line))];
}

const allLines = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
const up = (n: number): string => '../'.repeat(n);
const rankOf = (folder: string): number => MAIN_LAYERS.findIndex((layer) => layer.includes(folder));
const MAIN_FOLDERS = MAIN_LAYERS.flat();

describe('the lint rule keeps the layers one-way', () => {
  it('names every folder of main/ in exactly one layer', () => {
    const onDisk = fs
      .readdirSync(path.join(ROOT, 'main'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect([...MAIN_FOLDERS].sort()).toEqual(onDisk);
  });

  for (const folder of MAIN_FOLDERS) {
    const forbidden = MAIN_FOLDERS.filter((f) => f !== folder && rankOf(f) >= rankOf(folder));
    const allowed = MAIN_FOLDERS.filter((f) => rankOf(f) < rankOf(folder));

    it(`reports main/${folder} importing a folder of its own layer or above, at any depth`, async () => {
      for (const depth of [1, 3]) {
        const file = `main/${folder}/${'probe/'.repeat(depth - 1)}probe.ts`;
        const imports = [
          ...forbidden.map((f) => `${up(depth)}${f}/thing`),
          `${up(depth + 1)}renderer/src/app/App`,
          `${up(depth + 1)}tests/helpers/thing`,
        ];
        expect(await reportedLines(file, imports), file).toEqual(allLines(imports.length));
      }
    });

    it(`lets main/${folder} import the layers below it, shared/ and itself`, async () => {
      const imports = [
        ...allowed.map((f) => `../${f}/thing`),
        '../../shared/domain/patient',
        './thing',
        // A folder of shared/ named like a folder of main/ is not that folder.
        '../../shared/records/timeline',
      ];
      expect(await reportedLines(`main/${folder}/probe.ts`, imports)).toEqual([]);
    });
  }

  it('reports the two imports the issue named: security and records reaching up into main/backend', async () => {
    expect(await reportedLines('main/security/probe.ts', ['../backend/store'])).toEqual([1]);
    expect(await reportedLines('main/records/probe.ts', ['../backend/store'])).toEqual([1]);
    expect(await reportedLines('main/db/migrations/probe.ts', ['../../backend/store'])).toEqual([1]);
  });

  it('reports shared/ importing anything of ours outside shared/, and Node or Electron', async () => {
    for (const file of ['shared/probe.ts', 'shared/clinical/pose/probe.ts']) {
      const depth = file.split('/').length - 1;
      const imports = [
        `${up(depth)}main/db/open`,
        `${up(depth)}renderer/src/app/App`,
        `${up(depth)}tests/helpers/thing`,
        `${up(depth)}package.json`,
        'node:fs',
        'electron',
      ];
      expect(await reportedLines(file, imports), file).toEqual(allLines(imports.length));
    }
    expect(await reportedLines('shared/clinical/probe.ts', ['../domain/patient', './rule-set', 'zod'])).toEqual([]);
  });

  it('reports the renderer importing anything outside renderer/ but shared/', async () => {
    for (const file of ['renderer/src/probe.tsx', 'renderer/src/running/parts/probe.tsx']) {
      const depth = file.split('/').length - 1;
      const imports = [
        `${up(depth)}main/backend/backend`,
        `${up(depth)}main/util/errors`,
        `${up(depth)}tests/helpers/thing`,
        `${up(depth)}package.json`,
        'node:path',
        'electron',
      ];
      expect(await reportedLines(file, imports), file).toEqual(allLines(imports.length));
    }
    expect(
      await reportedLines('renderer/src/running/probe.tsx', [
        '../../../shared/domain/patient',
        '../ui/fields',
        'react',
      ]),
    ).toEqual([]);
  });

  it('reaches every file: none lies deeper than the rule is written for', () => {
    const tooDeep = sourceFiles().filter((f) => f.split('/').length - 2 > LAYER_MAX_DEPTH);
    expect(tooDeep).toEqual([]);
  });
});

/** Every TypeScript or JavaScript source file of main/, shared/ and renderer/, relative to the root. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) out.push(rel);
    }
  };
  for (const top of ['main', 'shared', 'renderer']) walk(top);
  return out;
}

/** The folder a file belongs to for layering: main/<folder>, shared/<folder>, or renderer as a whole. */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'renderer' || parts.length < 3 ? (parts[0] ?? file) : `${parts[0]}/${parts[1]}`;
}

type Graph = Map<string, Map<string, string[]>>;

/** Folder-to-folder edges of the tree, each with the files that make it. */
function folderGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const from = folderOf(file);
    for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!spec.startsWith('.')) continue;
      const to = folderOf(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), file]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Cycles between folders, each as the folders in order and the file making each step. */
function folderCycles(graph: Graph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (folder: string): void => {
    state.set(folder, 'open');
    trail.push(folder);
    for (const [next, files] of graph.get(folder) ?? []) {
      if (state.get(next) === 'open') {
        const loop = trail.slice(trail.indexOf(next));
        cycles.push(`${[...loop, next].join(' -> ')} (last step in ${files.join(', ')})`);
      } else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(folder, 'done');
  };
  for (const folder of [...graph.keys()].sort()) if (!state.has(folder)) visit(folder);
  return cycles;
}

describe('no import cycle between folders', () => {
  it('finds no cycle between the folders of main/ and shared/ (renderer/ counts as one folder)', () => {
    expect(folderCycles(folderGraph())).toEqual([]);
  });

  it('finds a cycle when there is one (the walk is not blind)', () => {
    const graph = new Map([
      ['main/a', new Map([['main/b', ['main/a/x.ts']]])],
      ['main/b', new Map([['main/c', ['main/b/y.ts']]])],
      ['main/c', new Map([['main/a', ['main/c/z.ts']]])],
    ]);
    expect(folderCycles(graph)).toEqual(['main/a -> main/b -> main/c -> main/a (last step in main/c/z.ts)']);
  });

  it('sees the real tree: main/backend imports main/records, and the renderer imports shared/', () => {
    const graph = folderGraph();
    expect(graph.get('main/backend')?.has('main/records')).toBe(true);
    expect(graph.get('renderer')?.has('shared/domain')).toBe(true);
  });
});
