/**
 * Text the records cannot hold or show safely is refused at the door, on every free-text field
 * of every channel, with a message on the field. The list of fields is read from the contract's
 * schemas themselves (and from one valid request per channel), so a field added later is tested
 * without anyone remembering to add it here.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FREE_TEXT_PARAM, freeText, textProblem } from '../../shared/text/fields';
import { contract, CHANNELS } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/contract';
import { fieldErrors } from '../../shared/ipc/field-errors';
import { CHANNEL_EXAMPLES } from '../helpers/channel-examples';

/** Secrets are never stored or shown: any character a clinician chose stays allowed. */
const SECRET_KEYS = new Set(['password', 'currentPassword', 'newPassword', 'yourPassword']);

const NUL = 'Riverside\u0000Clinic';
const RIGHT_TO_LEFT_OVERRIDE = 'invoice\u202Egpj.exe';
const LONE_SURROGATE = 'Zo\uD83Dë';
const HOSTILE = { NUL, 'U+202E right-to-left override': RIGHT_TO_LEFT_OVERRIDE, 'a lone surrogate': LONE_SURROGATE };

interface StringLeaf {
  channel: Channel;
  path: string;
  /** The string schema, or the pipe it starts (a recovery key is cleaned up before it is checked). */
  schema: z.ZodType;
  lines: 'single' | 'multi' | null;
}

type AnyDef = { type: string } & Record<string, unknown>;
const defOf = (s: z.ZodType): AnyDef => (s as unknown as { _zod: { def: AnyDef } })._zod.def;

function freeTextLines(s: z.ZodString): 'single' | 'multi' | null {
  for (const check of (defOf(s).checks as { _zod: { def: { params?: Record<string, unknown> } } }[] | undefined) ??
    []) {
    const lines = check._zod.def.params?.[FREE_TEXT_PARAM];
    if (lines === 'single' || lines === 'multi') return lines;
  }
  return null;
}

/** Every string schema reachable in a request schema, with the path a field error would carry. */
function stringLeaves(
  channel: Channel,
  schema: z.ZodType,
  path: string[],
  out: StringLeaf[],
  seen: Set<unknown>,
): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const go = (s: unknown, p: string[] = path): void => stringLeaves(channel, s as z.ZodType, p, out, seen);
  switch (def.type) {
    case 'string':
      out.push({ channel, path: path.join('.'), schema, lines: freeTextLines(schema as z.ZodString) });
      return;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) go(value, [...path, key]);
      if (def.catchall) go(def.catchall, [...path, '*']);
      return;
    case 'array':
      return go(def.element, [...path, '0']);
    case 'set':
      return go(def.valueType, [...path, '0']);
    case 'tuple':
      (def.items as unknown[]).forEach((item, i) => go(item, [...path, String(i)]));
      if (def.rest) go(def.rest, [...path, 'n']);
      return;
    case 'record':
    case 'map':
      go(def.keyType, [...path, '(key)']);
      return go(def.valueType, [...path, '*']);
    case 'union':
      for (const option of def.options as unknown[]) go(option);
      return;
    case 'intersection':
      go(def.left);
      return go(def.right);
    case 'pipe':
      if (defOf(def.in as z.ZodType).type === 'string') {
        const lines = freeTextLines(def.in as z.ZodString);
        out.push({ channel, path: path.join('.'), schema, lines });
        return;
      }
      go(def.in);
      return go(def.out);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      return go(def.innerType);
    case 'lazy':
      return go((def.getter as () => unknown)());
    case 'enum':
    case 'literal':
    case 'number':
    case 'int':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'bigint':
    case 'date':
    case 'transform':
    case 'custom':
    case 'never':
      return;
    default:
      throw new Error(`${channel} ${path.join('.')}: the walker does not know zod type "${def.type}"; teach it.`);
  }
}

const LEAVES: StringLeaf[] = CHANNELS.flatMap((channel) => {
  const out: StringLeaf[] = [];
  stringLeaves(channel, contract[channel].request, [], out, new Set());
  return out;
});
const isSecret = (leaf: StringLeaf) => SECRET_KEYS.has(leaf.path.split('.').pop() ?? '');
const FREE_TEXT = LEAVES.filter((l) => l.lines !== null);

describe('every text field of every request refuses text the records cannot hold', () => {
  it('finds the free-text fields in the contract (the walker reaches them)', () => {
    const named = new Set(FREE_TEXT.map((l) => `${l.channel} ${l.path}`));
    for (const expected of [
      'app.setup clinic.clinicName',
      'settings.update address',
      'episodes.create diagnosisDetail',
      'notes.update content.subjective',
      'patients.create notes',
      'audit.list text',
      'patients.search query',
    ]) {
      expect(named, expected).toContain(expected);
    }
    expect(FREE_TEXT.length).toBeGreaterThan(80);
  });

  it.each(Object.entries(HOSTILE))('%s is refused by every string field of every channel, secrets aside', (_, bad) => {
    const accepted = LEAVES.filter((l) => !isSecret(l) && l.schema.safeParse(bad).success).map(
      (l) => `${l.channel} ${l.path}`,
    );
    expect(accepted).toEqual([]);
  });

  it.each(Object.entries(HOSTILE))('%s in a free-text field gets a message naming the field', (_, bad) => {
    for (const leaf of FREE_TEXT) {
      const r = leaf.schema.safeParse(bad);
      expect(r.success, `${leaf.channel} ${leaf.path}`).toBe(false);
      const message = r.error!.issues[0]!.message;
      expect(message, `${leaf.channel} ${leaf.path}`).toMatch(
        /broken character|reverses the direction|control character/,
      );
    }
  });

  it('a tab is refused in every single-line field, and kept in multi-line ones with their line breaks', () => {
    const single = FREE_TEXT.filter((l) => l.lines === 'single');
    const multi = FREE_TEXT.filter((l) => l.lines === 'multi');
    expect(single.length).toBeGreaterThan(0);
    expect(multi.length).toBeGreaterThan(0);
    for (const leaf of single) {
      const r = leaf.schema.safeParse('Riverside\tClinic');
      expect(r.success, `${leaf.channel} ${leaf.path}`).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/must be on one line/);
    }
    for (const leaf of multi) {
      expect(leaf.schema.safeParse('First line\n\tindented second line\r\nthird').success, leaf.path).toBe(true);
    }
  });

  it('names, notes and addresses in any script still pass: accents, emoji, CJK, Arabic with its marks', () => {
    const good = ['Zoë Łukasiewicz-Ørsted', 'Nguyễn Văn An 🏃‍♀️', '東京ランニングクリニック', 'عيادة الجري\u200F'];
    for (const leaf of FREE_TEXT) {
      for (const text of good) {
        const r = leaf.schema.safeParse(text);
        // Some fields are shorter than these samples or have their own pattern (record numbers, emails);
        // what matters is that the free-text check itself never refuses them.
        if (!r.success) {
          expect(r.error.issues.map((i) => i.message).join(' '), `${leaf.channel} ${leaf.path}`).not.toMatch(
            /broken character|reverses the direction|control character|one line/,
          );
        }
      }
    }
  });

  it.each(CHANNELS.map((c) => [c]))(
    '%s: every text value of a valid request, made hostile, is refused with a message on its field',
    (channel) => {
      const example = CHANNEL_EXAMPLES[channel] as unknown;
      for (const [badName, bad] of Object.entries(HOSTILE)) {
        for (const p of stringPaths(example, [])) {
          if (SECRET_KEYS.has(p[p.length - 1] ?? '')) continue;
          const r = contract[channel].request.safeParse(replaceAt(example, p, bad));
          expect(r.success, `${channel} ${p.join('.')} accepted ${badName}`).toBe(false);
          const fields = fieldErrors(r.error!);
          expect(Object.keys(fields), `${channel} ${p.join('.')} with ${badName}`).toContain(p.join('.'));
        }
      }
    },
  );
});

describe('the text check itself', () => {
  it('says what is wrong and what to do, naming the field', () => {
    expect(textProblem('Clinic name', NUL, 'single')).toBe(
      'Clinic name holds an invisible control character (often from a copy and paste): retype the text instead of pasting it.',
    );
    expect(textProblem('Address', RIGHT_TO_LEFT_OVERRIDE, 'multi')).toMatch(/^Address holds an invisible mark/);
    expect(textProblem('Notes', LONE_SURROGATE, 'multi')).toMatch(/^Notes holds a broken character/);
    expect(textProblem('Name', 'A\tB', 'single')).toBe('Name must be on one line: remove the tab or line break.');
    expect(textProblem('Notes', 'A\tB\nC', 'multi')).toBeNull();
    expect(textProblem('Notes', 'a whole emoji 🏃 is two halves together', 'single')).toBeNull();
    for (const c of ['\u0007', '\u001B', '\u007F', '\u0085', '\u000B'])
      expect(textProblem('N', `a${c}b`, 'multi')).not.toBeNull();
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(textProblem('N', `a${c}b`, 'multi')).not.toBeNull();
  });

  it('trims, bounds and requires as before', () => {
    const s = freeText('Clinic name', 10, { required: true });
    expect(s.parse('  Stride  ')).toBe('Stride');
    expect(s.safeParse('   ').error!.issues[0]!.message).toBe('Enter the clinic name.');
    expect(s.safeParse('x'.repeat(11)).error!.issues[0]!.message).toMatch(/too long/);
  });
});

function stringPaths(value: unknown, path: string[]): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function replaceAt(value: unknown, path: string[], replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value))
    return (value as unknown[]).map((v, i) => (String(i) === head ? replaceAt(v, rest, replacement) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [head]: replaceAt(obj[head], rest, replacement) };
}
