/** The built-in exercises, in the order the library lists them: mobility, strength, cross-training. */
import type { Exercise } from '../exercise';
import { ANKLE_EXERCISES } from './ankle';
import { CALF_EXERCISES } from './calf';
import { CROSS_TRAINING_EXERCISES } from './cross-training';
import { DEADLIFT_EXERCISES } from './deadlift';
import { HIP_EXERCISES } from './hip';
import { PLANK_EXERCISES } from './plank';
import { THORACIC_EXERCISES } from './thoracic';

export const BUILT_IN_EXERCISES: readonly Exercise[] = [
  ...ANKLE_EXERCISES,
  ...HIP_EXERCISES,
  ...THORACIC_EXERCISES,
  ...DEADLIFT_EXERCISES,
  ...PLANK_EXERCISES,
  ...CALF_EXERCISES,
  ...CROSS_TRAINING_EXERCISES,
];
