/**
 * The intake's readiness result, which the form recomputes on every keystroke: evaluateReadiness
 * and summarizeIntake for the intakes with the most gates (ACL reconstruction, a navicular bone
 * stress injury) and an Achilles tendinopathy. Measured here, not in a timed unit test: a shared
 * machine under load makes timed unit tests flaky, and the benchmark reports against its budget.
 */
import { evaluateReadiness } from '../../../shared/clinical/intake/readiness';
import { summarizeIntake } from '../../../shared/clinical/intake/summary';
import { navicularSixWeeksIntake, readyAchillesIntake, readyKneeIntake, TODAY } from '../../unit/intake/fixtures';
import type { Figure } from '../stats';
import { percentile } from '../stats';

const CALLS = 2_000;
const ROUNDS = 15;
/** A keystroke's share of a frame: the form recomputes the summary while the clinician types. */
const BUDGET_MICROSECONDS = 200;

function microsecondsPerCall(fn: () => unknown): number {
  for (let i = 0; i < CALLS; i++) fn();
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) fn();
    rounds.push(((performance.now() - t0) * 1000) / CALLS);
  }
  return percentile(rounds, 50);
}

function figure(name: string, us: number): Figure {
  return {
    name,
    value: `${us.toFixed(1)} µs a call (p50 of ${ROUNDS} rounds of ${CALLS.toLocaleString('en')})`,
    budget: `${BUDGET_MICROSECONDS} µs`,
    withinBudget: us <= BUDGET_MICROSECONDS,
  };
}

export function benchReadiness(): Figure[] {
  const intakes = [
    { name: 'ACL reconstruction', intake: readyKneeIntake() },
    { name: 'bone stress, navicular', intake: navicularSixWeeksIntake() },
    { name: 'Achilles tendinopathy', intake: readyAchillesIntake() },
  ];
  return intakes.flatMap(({ name, intake }) => [
    figure(
      `evaluateReadiness, ${name}`,
      microsecondsPerCall(() => evaluateReadiness(intake, undefined, TODAY)),
    ),
    figure(
      `summarizeIntake, ${name}`,
      microsecondsPerCall(() => summarizeIntake(intake, undefined, TODAY)),
    ),
  ]);
}
