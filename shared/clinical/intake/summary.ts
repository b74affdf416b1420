/**
 * Everything computed from an intake at once: measure totals, LSIs and the readiness result.
 * Pure and cheap, for the live panel beside the form and for the note.
 */
import type { IsoDate } from '../../time/dates';
import type { IntakeDraft } from './intake';
import { scoreLefs, type LefsScore } from './measures/lefs';
import { scorePsfs, type PsfsScore } from './measures/psfs';
import type { ScoreIncomplete } from './measures/score';
import { scoreVisaA, type VisaAScore } from './measures/visa-a';
import { kneeArcs, sideLsi, type LsiResult } from './physical-tests';
import {
  DEFAULT_READINESS_THRESHOLDS,
  evaluateReadiness,
  type ReadinessResult,
  type ReadinessThresholds,
} from './readiness';

export interface IntakeSummary {
  /** Undefined when the measure's section is absent from the draft. */
  lefs: LefsScore | ScoreIncomplete | undefined;
  psfs: PsfsScore | ScoreIncomplete | undefined;
  visaA: VisaAScore | ScoreIncomplete | undefined;
  lsi: {
    heelRaises: LsiResult;
    singleHop: LsiResult;
    tripleHop: LsiResult;
    /** Knee range (flexion minus extension deficit), involved over uninvolved. */
    kneeRange: LsiResult;
    quadriceps: LsiResult;
    hamstrings: LsiResult;
  };
  readiness: ReadinessResult;
}

export function summarizeIntake(
  intake: IntakeDraft,
  thresholds: ReadinessThresholds = DEFAULT_READINESS_THRESHOLDS,
  today?: IsoDate,
): IntakeSummary {
  const measures = intake.measures;
  const tests = intake.physicalTests;
  const side = intake.episode?.side;
  return {
    lefs: measures?.lefs === undefined ? undefined : scoreLefs(measures.lefs),
    psfs: measures?.psfs === undefined ? undefined : scorePsfs(measures.psfs),
    visaA: measures?.visaA === undefined ? undefined : scoreVisaA(measures.visaA),
    lsi: {
      heelRaises: sideLsi(tests?.heelRaises, side),
      singleHop: sideLsi(tests?.singleHopCm, side),
      tripleHop: sideLsi(tests?.tripleHopCm, side),
      kneeRange: sideLsi(kneeArcs(tests), side),
      quadriceps: sideLsi(tests?.quadricepsStrength, side),
      hamstrings: sideLsi(tests?.hamstringStrength, side),
    },
    readiness: evaluateReadiness(intake, thresholds, today),
  };
}
