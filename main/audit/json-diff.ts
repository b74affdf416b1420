/**
 * Leaf-level differences between two JSON values, so an autosaved draft is audited by what
 * changed ("symptoms.painWalking: 3 -> 2") instead of a full copy on every save.
 */
import { canonicalJson } from '../../shared/text/canonical-json';

export interface JsonChange {
  /** Dotted path to the changed value ("measures.lefs.items.3"). */
  path: string;
  /** null when the value was absent. */
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(before: unknown, after: unknown, path: string, out: JsonChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key], after[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) walk(before[i], after[i], path === '' ? String(i) : `${path}.${i}`, out);
    return;
  }
  if (before === undefined && after === undefined) return;
  if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return;
  out.push({ path, before: before ?? null, after: after ?? null });
}

/** Every changed leaf, in path order. Objects and arrays are walked; anything else is a leaf. */
export function jsonChanges(before: unknown, after: unknown): JsonChange[] {
  const out: JsonChange[] = [];
  walk(before, after, '', out);
  return out;
}

/**
 * The before and after maps for an audit row, path to value, at most `limit` paths; the rest is
 * counted under "…" so a very large change still leaves a bounded row.
 */
export function auditDiff(
  changes: readonly JsonChange[],
  limit = 60,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const shown = changes.slice(0, limit);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const c of shown) {
    before[c.path] = c.before;
    after[c.path] = c.after;
  }
  if (changes.length > limit) after['…'] = `${changes.length - limit} more changes not listed`;
  return { before, after };
}
