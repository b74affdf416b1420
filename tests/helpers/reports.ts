/** Check-in answers for tests: a run with nothing to report, to change one answer at a time. */
import type { SorenessReport } from '../../shared/clinical/soreness-report';

export type Answers = Omit<SorenessReport, 'runDate' | 'levelRun'>;

/** Every question answered: completed as written, no soreness, no pain, no swelling, no limp. */
export const CLEAN_ANSWERS: Answers = {
  completed: 'as_written',
  warmUp: 'none',
  cameBackDuringRun: null,
  painStartedInRun: false,
  limp: false,
  nextDay: 'none',
  painDuring: 0,
  painAfter: 0,
  swelling: false,
};
