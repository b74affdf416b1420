/**
 * "Complete enough to sign": what a draft intake must hold before the clinician signs it.
 *
 * Problems block signing; warnings are shown but do not. The rules:
 * - the draft itself is valid (numbers in range, no dates after today);
 * - episode: region, side, diagnosis (described when "Other", with its site for a bone stress
 *   injury), date and type of onset, and whether there was surgery (type and date if so);
 * - running history: years running and weekly distance before the injury;
 * - symptoms: pain at rest and when walking, and every applicable red-flag question answered;
 * - an outcome measure that was started is finished (or cleared): a signed note never holds a
 *   half-filled questionnaire.
 * Physical tests are optional: what is not tested shows as "not tested" in the readiness result.
 */
import type { z } from 'zod';
import type { IsoDate } from '../../time/dates';
import { describeDiagnosis, episodeCompletenessProblems, episodeOn, isAchillesEpisode } from './episode';
import { problemsOf, type FieldProblem } from './fields';
import { intakeDraftOn, type IntakeDraft } from './intake';
import { scoreLefs } from './measures/lefs';
import { scorePsfs } from './measures/psfs';
import type { ScoreIncomplete } from './measures/score';
import { scoreVisaA } from './measures/visa-a';
import { LIMBS, otherLimb, type SidePair } from './physical-tests';
import { intakeRedFlagScreen } from './readiness';
import { RunningHistory } from './running-history';
import { Symptoms } from './symptoms';

export interface SigningCheck {
  canSign: boolean;
  /** What must be fixed before signing. */
  problems: FieldProblem[];
  /** Worth a look, but signing is allowed. */
  warnings: FieldProblem[];
}

/** A section checked against its complete schema; a missing section is checked as empty. */
function sectionProblems(schema: z.ZodType, input: unknown, path: string): FieldProblem[] {
  const parsed = schema.safeParse(input ?? {});
  return parsed.success ? [] : problemsOf(parsed.error, [path]);
}

/** The first problem for each path: a rule may repeat what the schema already said. */
function uniqueByPath(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  const unique: FieldProblem[] = [];
  for (const problem of problems) {
    if (seen.has(problem.path)) continue;
    seen.add(problem.path);
    unique.push(problem);
  }
  return unique;
}

function unfinished(score: { computable: true } | ScoreIncomplete, path: string): FieldProblem[] {
  if (score.computable || !score.started) return [];
  return [{ path, message: `${score.message} Finish it or clear it before signing.` }];
}

function oneSidedWarnings(draft: IntakeDraft): FieldProblem[] {
  const side = draft.episode?.side;
  if (side !== 'left' && side !== 'right') return [];
  const tests: { key: 'heelRaises' | 'singleHopCm' | 'tripleHopCm'; name: string }[] = [
    { key: 'heelRaises', name: 'Heel raises are' },
    { key: 'singleHopCm', name: 'Single-leg hop is' },
    { key: 'tripleHopCm', name: 'Triple hop is' },
  ];
  return tests.flatMap(({ key, name }) => {
    const pair: SidePair | undefined = draft.physicalTests?.[key];
    const recorded = LIMBS.filter((limb) => pair?.[limb] !== undefined);
    if (recorded.length !== 1) return [];
    const only = recorded[0]!;
    return [
      {
        path: `physicalTests.${key}.${otherLimb(only)}`,
        message: `${name} recorded on the ${only} side only: record the ${otherLimb(only)} side to compute the LSI.`,
      },
    ];
  });
}

export function checkIntakeForSigning(draft: IntakeDraft, today: IsoDate): SigningCheck {
  const asDraft = intakeDraftOn(today).safeParse(draft);
  if (!asDraft.success) return { canSign: false, problems: problemsOf(asDraft.error), warnings: [] };

  // The episode's own rules are added directly so they come with the missing fields, not after them.
  const episodeRules = episodeCompletenessProblems(draft.episode ?? {}).map((p) => ({
    path: `episode.${p.path}`,
    message: p.message,
  }));
  const problems: FieldProblem[] = uniqueByPath([
    ...sectionProblems(episodeOn(today), draft.episode, 'episode'),
    ...episodeRules,
    ...sectionProblems(RunningHistory, draft.runningHistory, 'runningHistory'),
    ...sectionProblems(Symptoms, draft.symptoms, 'symptoms'),
  ]);

  const screen = intakeRedFlagScreen(draft);
  for (const flag of screen.notAsked) {
    problems.push({
      path: `symptoms.redFlags.${flag.id}`,
      message: `Red flag "${flag.clinician}": answer yes or no before signing.`,
    });
  }

  const measures = draft.measures;
  const lefs = measures?.lefs === undefined ? undefined : scoreLefs(measures.lefs);
  const psfs = measures?.psfs === undefined ? undefined : scorePsfs(measures.psfs);
  const visaA = measures?.visaA === undefined ? undefined : scoreVisaA(measures.visaA);
  if (lefs !== undefined) problems.push(...unfinished(lefs, 'measures.lefs'));
  if (psfs !== undefined) problems.push(...unfinished(psfs, 'measures.psfs'));
  if (visaA !== undefined) problems.push(...unfinished(visaA, 'measures.visaA'));

  const warnings: FieldProblem[] = [];
  const visaStarted = visaA !== undefined && (visaA.computable || visaA.started);
  if (isAchillesEpisode(draft.episode) && !visaStarted) {
    warnings.push({
      path: 'measures.visaA',
      message: 'Achilles tendinopathy: record the VISA-A to follow progress.',
    });
  }
  if (visaStarted && draft.episode?.diagnosis !== undefined && !isAchillesEpisode(draft.episode)) {
    warnings.push({
      path: 'measures.visaA',
      message: `The VISA-A is made for Achilles tendinopathy; this episode is ${describeDiagnosis(draft.episode) ?? 'another diagnosis'}.`,
    });
  }
  if (!lefs?.computable && !psfs?.computable && !visaA?.computable) {
    warnings.push({
      path: 'measures',
      message: 'No outcome measure recorded: a LEFS or PSFS now gives a baseline to compare with later.',
    });
  }
  warnings.push(...oneSidedWarnings(draft));
  const eventDate = draft.runningHistory?.goal?.eventDate;
  if (eventDate !== undefined && eventDate < today) {
    warnings.push({
      path: 'runningHistory.goal.eventDate',
      message: `Goal event date ${eventDate} is already past: check it.`,
    });
  }

  return { canSign: problems.length === 0, problems, warnings };
}
