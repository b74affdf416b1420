/** The IPC fuzz's case count: full in CI, a tenth locally, STRIDE_FUZZ_RUNS for anything else. */
import { describe, expect, it } from 'vitest';
import { CI_FUZZ_RUNS, fuzzRuns, LOCAL_FUZZ_RUNS } from '../helpers/fuzz-runs';

describe('IPC fuzz case count per channel', () => {
  it('is the full 10,000 in CI and 1,000 on a developer machine', () => {
    expect(CI_FUZZ_RUNS).toBe(10_000);
    expect(LOCAL_FUZZ_RUNS).toBe(1_000);
    expect(fuzzRuns({ CI: '1' })).toBe(10_000);
    expect(fuzzRuns({ CI: 'true' })).toBe(10_000);
    expect(fuzzRuns({})).toBe(1_000);
    expect(fuzzRuns({ CI: '' })).toBe(1_000);
    expect(fuzzRuns({ CI: 'false' })).toBe(1_000);
  });

  it('follows STRIDE_FUZZ_RUNS, in CI too, and refuses a count that is not a whole number', () => {
    expect(fuzzRuns({ STRIDE_FUZZ_RUNS: '50' })).toBe(50);
    expect(fuzzRuns({ STRIDE_FUZZ_RUNS: '200000', CI: '1' })).toBe(200_000);
    expect(fuzzRuns({ STRIDE_FUZZ_RUNS: '' })).toBe(1_000);
    for (const bad of ['0', '-5', '1.5', 'many']) {
      expect(() => fuzzRuns({ STRIDE_FUZZ_RUNS: bad })).toThrow(/STRIDE_FUZZ_RUNS/);
    }
  });
});
