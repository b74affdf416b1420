// Types for node-version.mjs (the launcher runs as plain JavaScript, before any build).
export function requiredNode(engines: unknown): [number, number, number];
export function nodeVersionProblem(version: string, engines: unknown): string | null;
export function packageEngines(packageJsonPath: string): unknown;
