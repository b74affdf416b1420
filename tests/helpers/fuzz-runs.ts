/**
 * How many cases the IPC fuzz sends each channel: all 10,000 in CI (CI=1), 1,000 on a developer's
 * machine so `npm test` stays quick there; STRIDE_FUZZ_RUNS sets any other count.
 */
export const CI_FUZZ_RUNS = 10_000;
export const LOCAL_FUZZ_RUNS = 1_000;

export function fuzzRuns(env: Readonly<Record<string, string | undefined>>): number {
  const chosen = env.STRIDE_FUZZ_RUNS;
  if (chosen !== undefined && chosen !== '') {
    const runs = Number(chosen);
    if (!Number.isInteger(runs) || runs < 1) {
      throw new Error(`STRIDE_FUZZ_RUNS must be a whole number above 0, not "${chosen}".`);
    }
    return runs;
  }
  return env.CI && env.CI !== 'false' && env.CI !== '0' ? CI_FUZZ_RUNS : LOCAL_FUZZ_RUNS;
}
