/**
 * The built-in exercises, in the order the library lists them: mobility, strength, impact
 * (hops), cross-training. Ids are stored in patients' records: never rename or reuse one.
 */
import type { Exercise } from '../exercise';
import { ANKLE_EXERCISES } from './ankle';
import { CALF_EXERCISES } from './calf';
import { CROSS_TRAINING_EXERCISES } from './cross-training';
import { DEADLIFT_EXERCISES } from './deadlift';
import { FOOT_EXERCISES } from './foot';
import { HAMSTRING_EXERCISES } from './hamstring';
import { HIP_EXERCISES } from './hip';
import { HOP_EXERCISES } from './hops';
import { PLANK_EXERCISES } from './plank';
import { QUADRICEPS_EXERCISES } from './quadriceps';
import { THORACIC_EXERCISES } from './thoracic';

export const BUILT_IN_EXERCISES: readonly Exercise[] = [
  ...ANKLE_EXERCISES,
  ...HIP_EXERCISES,
  ...THORACIC_EXERCISES,
  ...DEADLIFT_EXERCISES,
  ...PLANK_EXERCISES,
  ...CALF_EXERCISES,
  ...HAMSTRING_EXERCISES,
  ...QUADRICEPS_EXERCISES,
  ...FOOT_EXERCISES,
  ...HOP_EXERCISES,
  ...CROSS_TRAINING_EXERCISES,
];
