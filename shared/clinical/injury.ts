/**
 * What the soreness engine needs to know about the injury (engine.ts, point 10): whether it is a
 * muscle strain, where soreness at the injury site the day after is the warning sign that general
 * muscle soreness is not (docs/clinical-sources.md#readiness: Heiderscheit 2010 for the hamstring; the calf
 * strain is read the same way).
 */
import type { DecisionContext } from './engine';
import type { DiagnosisCode } from './intake/episode';

export const MUSCLE_STRAIN_DIAGNOSES: readonly DiagnosisCode[] = ['hamstring_strain', 'calf_strain'];

export function decisionContextOf(diagnosis: DiagnosisCode): DecisionContext {
  return { muscleStrain: MUSCLE_STRAIN_DIAGNOSES.includes(diagnosis) };
}
