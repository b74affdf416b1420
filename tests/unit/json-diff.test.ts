import { describe, expect, it } from 'vitest';
import { auditDiff, jsonChanges } from '../../main/audit/json-diff';

describe('leaf-level JSON changes for the audit trail', () => {
  it('lists changed leaves by path, walking objects and arrays', () => {
    const before = { symptoms: { painWalking: 3, eases: 'Rest' }, lefs: { items: [4, null, 2] } };
    const after = { symptoms: { painWalking: 2, eases: 'Rest' }, lefs: { items: [4, 3, 2] } };
    expect(jsonChanges(before, after)).toEqual([
      { path: 'lefs.items.1', before: null, after: 3 },
      { path: 'symptoms.painWalking', before: 3, after: 2 },
    ]);
  });

  it('records an added or removed section whole, and nothing for equal values', () => {
    expect(jsonChanges({ a: 1 }, { a: 1, tests: { hop: { left: 120 } } })).toEqual([
      { path: 'tests', before: null, after: { hop: { left: 120 } } },
    ]);
    expect(jsonChanges({ a: { b: 1 } }, {})).toEqual([{ path: 'a', before: { b: 1 }, after: null }]);
    expect(jsonChanges({ a: { y: 1, x: 2 } }, { a: { x: 2, y: 1 } })).toEqual([]);
  });

  it('bounds the audit row and says how many changes were left out', () => {
    const changes = Array.from({ length: 5 }, (_, i) => ({ path: `p${i}`, before: i, after: i + 1 }));
    expect(auditDiff(changes, 2)).toEqual({
      before: { p0: 0, p1: 1 },
      after: { p0: 1, p1: 2, '…': '3 more changes not listed' },
    });
  });
});
