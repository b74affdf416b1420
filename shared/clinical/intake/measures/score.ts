/** What scoring an outcome measure returns: a total, or why there is none yet. */

export interface ScoreIncomplete {
  computable: false;
  /** The parts still missing, as a clinician names them ("item 4", "the score of activity 2"). */
  missing: readonly string[];
  /** How many parts are answered. */
  answered: number;
  /** Anything at all is entered; false means the measure was not started. */
  started: boolean;
  /** "LEFS total not computable: items 4 and 7 are missing." */
  message: string;
}
