/**
 * Calf raises, straight knee (gastrocnemius) and bent knee (soleus) (seed: "increases ankle
 * mobility while strengthening the lower leg ... especially prior to returning to running").
 */
import type { Pose } from '../../pose/pose';
import { forwardKinematics } from '../../pose/pose';
import { placeHand, plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import type { PoseScene } from '../../pose/scene';
import { ankleOverBall } from './posing';

const STEP_HEIGHT = 18;
const STEP_EDGE = 0;
const WALL_GAP = 58;

interface RaiseOptions {
  /** Degrees of heel lift: + heel up (on the toes), - heel dropped below the step. */
  readonly heel: number;
  /** Knee bend of the working leg in degrees (0 straight-knee raise). */
  readonly knee: number;
  readonly onStep: boolean;
  readonly singleLeg: boolean;
  /** A dumbbell hangs from the right hand; the left hand stays on the wall. */
  readonly weight: boolean;
}

/** Standing facing a wall, hands on it; the ball of the right foot on the floor or the step edge. */
function standingRaise(o: RaiseOptions): Pose {
  const ballY = o.onStep ? STEP_HEIGHT : 0;
  const tilt = 4 + o.knee * 0.25;
  const hip = o.knee * 0.55;
  // Foot angle to the floor is -heel; the ankle angle follows from the shin's lean.
  const shin = -tilt + hip - o.knee;
  // Up on the toes, they bend at the ball and stay on the floor or the step.
  const working = { hip, knee: o.knee, ankle: -o.heel - shin, toes: Math.max(0, o.heel) };
  const other = o.singleLeg ? { hip: hip + 10, knee: o.knee + 75, ankle: -30 } : working;
  let pose: Pose = {
    position: { joint: 'rightBall', x: STEP_EDGE + 4, y: ballY },
    tilt,
    right: { ...working },
    left: { ...other },
  };
  const wallX = STEP_EDGE + WALL_GAP;
  const shoulder = forwardKinematics(pose).joints.rightShoulder;
  if (o.weight) {
    pose = { ...pose, right: { ...pose.right, shoulder: tilt, elbow: 4 } };
  } else {
    pose = placeHand(pose, 'right', { x: wallX - 5, y: shoulder.y - 4 });
  }
  return placeHand(pose, 'left', { x: wallX - 5, y: shoulder.y });
}

function raiseScene(o: Omit<RaiseOptions, 'heel'>, low: number, high: number): PoseScene {
  const props: PoseScene['props'] = [{ kind: 'floor' }, { kind: 'wall', x: STEP_EDGE + WALL_GAP, side: 'right' }];
  if (o.onStep) props.push({ kind: 'step', x: STEP_EDGE, width: 44, height: STEP_HEIGHT });
  if (o.weight) props.push({ kind: 'dumbbell', joint: 'rightHand' });
  return {
    start: standingRaise({ ...o, heel: low }),
    end: standingRaise({ ...o, heel: high }),
    // Over each other, at the one wall the text names: drawn side by side, each pose had its own
    // wall and the start pose's wall stood behind the end pose (issue 15).
    props,
    arrows: [{ kind: 'move', joint: 'rightHeel', offset: { x: -9, y: 0 }, trim: 0 }],
  };
}

/** Seated on a chair, forefoot on a block, a dumbbell resting on the knees. */
function seatedRaise(heel: number): Pose {
  const ball = { x: 58, y: 6 };
  const base: Pose = {
    position: { joint: 'pelvis', x: 0, y: 56 },
    tilt: 0,
    right: {},
    left: {},
  };
  const ankle = ankleOverBall(ball, -heel);
  let pose = plantFoot(base, 'right', ankle, -heel);
  pose = plantFoot(pose, 'left', ankle, -heel);
  const knee = forwardKinematics(pose).joints.rightKnee;
  pose = placeHand(pose, 'right', { x: knee.x - 6, y: knee.y + 14 });
  return placeHand(pose, 'left', { x: knee.x - 6, y: knee.y + 14 });
}

const ALFREDSON =
  'Alfredson 1998 eccentric protocol for Achilles tendinopathy: 3 x 15 straight-knee and 3 x 15 bent-knee heel drops off a step, twice daily for 12 weeks. As a general strength dose, 3 x 15 on 3 days a week.';
const BEYER =
  'Heavy slow resistance, Beyer 2015: 3 s up and 3 s down, 3 times a week; 3 x 15RM in week 1, 3 x 12RM weeks 2-3, 4 x 10RM weeks 4-5, 4 x 8RM weeks 6-8, 4 x 6RM weeks 9-12. Pain during the exercise is acceptable if it settles by the next morning.';

const HEEL_CUE = 'Go up as high as you can, then lower all the way down.';

export const CALF_EXERCISES: readonly Exercise[] = [
  {
    id: 'calf-raise-both-legs',
    name: 'Calf raise on both legs',
    purpose: 'Strengthens your calves and Achilles tendons so they can take the load of running.',
    startingPosition: 'Stand facing a wall with your feet hip width apart. Rest your hands on the wall.',
    steps: [
      'Keep your knees straight.',
      'Rise up onto the balls of your feet.',
      'Hold for 1 second at the top.',
      'Lower your heels slowly to the floor.',
    ],
    cues: [HEEL_CUE, 'Keep your weight over your big toes.', 'Use the wall for balance only.'],
    mistakes: ['Bouncing at the bottom.', 'Letting your ankles roll out.', 'Leaning on the wall to lift.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 15 }, perSide: false, daysPerWeek: 3 },
    easier: [],
    harder: ['calf-raise-single-leg'],
    tags: { regions: ['calf', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person faces a wall with hands on it and rises from flat feet onto the balls of both feet, knees straight.',
      scene: raiseScene({ knee: 0, onStep: false, singleLeg: false, weight: false }, 0, 38),
    },
    clinicianNote:
      'Entry level for the straight-knee (gastrocnemius) chain. Progress to single leg when 3 x 15 is easy.',
  },
  {
    id: 'calf-raise-single-leg',
    name: 'Calf raise on one leg',
    purpose: 'Builds calf and Achilles strength one leg at a time, as in running.',
    startingPosition:
      'Stand on one foot on the edge of a step, facing a wall. Let your heel hang off the step. Rest your hands on the wall.',
    steps: [
      'Keep your knee straight.',
      'Rise up onto the ball of your foot, as high as you can.',
      'Lower your heel slowly, below the edge of the step.',
      'Do all the reps, then swap legs.',
    ],
    cues: [HEEL_CUE, 'Take 3 seconds to lower.', 'Keep your weight over your big toe.'],
    mistakes: ['Bending the knee to help.', 'Dropping fast at the bottom.', 'Letting your ankle roll out.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 15 }, perSide: true, daysPerWeek: 3 },
    easier: ['calf-raise-both-legs'],
    harder: ['calf-raise-single-leg-weighted'],
    tags: { regions: ['calf', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands on the right foot on the edge of a step, hands on a wall, other foot lifted. The heel drops below the step, then rises high onto the ball of the foot.',
      scene: raiseScene({ knee: 0, onStep: true, singleLeg: true, weight: false }, -18, 38),
    },
    clinicianNote: `${ALFREDSON} Single-leg heel raise norms: median 24 (men) and 21 (women) reps to fatigue (Hébert-Losier 2017).`,
  },
  {
    id: 'calf-raise-single-leg-weighted',
    name: 'Heavy slow calf raise',
    purpose: 'Builds calf and Achilles strength with a weight, using slow, heavy lifts.',
    startingPosition:
      'Stand on one foot on the edge of a step, facing a wall. Hold a weight in the hand on the same side. Rest your other hand on the wall.',
    steps: [
      'Keep your knee straight.',
      'Rise onto the ball of your foot while you count to 3.',
      'Lower your heel below the step while you count to 3.',
      'Do all the reps, then swap sides.',
    ],
    cues: [
      'Choose a weight that makes the last reps hard.',
      'Move slowly: 3 seconds up and 3 seconds down.',
      'Some ache is fine if it settles by the next morning.',
    ],
    mistakes: ['Rushing the reps.', 'Bending the knee to help.', 'Adding weight before the reps feel steady.'],
    dosage: {
      sets: 3,
      amount: { kind: 'reps', reps: 15 },
      perSide: true,
      daysPerWeek: 3,
      tempo: { upSeconds: 3, downSeconds: 3 },
    },
    easier: ['calf-raise-single-leg'],
    harder: [],
    tags: { regions: ['calf', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands on the right foot on a step holding a dumbbell in the right hand, left hand on the wall. The heel drops below the step, then rises onto the ball of the foot.',
      scene: raiseScene({ knee: 0, onStep: true, singleLeg: true, weight: true }, -18, 38),
    },
    clinicianNote: BEYER,
  },
  {
    id: 'calf-raise-bent-knee',
    name: 'Bent-knee calf raise on both legs',
    purpose: 'Strengthens the deep calf muscle (soleus), which takes the most load when you run.',
    startingPosition:
      'Stand facing a wall with your feet hip width apart. Bend your knees a little. Rest your hands on the wall.',
    steps: [
      'Keep your knees bent the same amount the whole time.',
      'Rise up onto the balls of your feet.',
      'Hold for 1 second at the top.',
      'Lower your heels slowly to the floor.',
    ],
    cues: [HEEL_CUE, 'Push your knees forward over your toes.', 'Use the wall for balance only.'],
    mistakes: ['Straightening your knees as you rise.', 'Bouncing at the bottom.', 'Letting your ankles roll out.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 15 }, perSide: false, daysPerWeek: 3 },
    easier: [],
    harder: ['calf-raise-bent-knee-single-leg'],
    tags: { regions: ['calf', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person faces a wall with hands on it, knees bent, and rises from flat feet onto the balls of both feet while keeping the knees bent.',
      scene: raiseScene({ knee: 35, onStep: false, singleLeg: false, weight: false }, 0, 36),
    },
    clinicianNote: 'Entry level for the bent-knee (soleus) chain; the knee bend takes gastrocnemius off stretch.',
  },
  {
    id: 'calf-raise-bent-knee-single-leg',
    name: 'Bent-knee calf raise on one leg',
    purpose: 'Builds the deep calf muscle (soleus), one leg at a time, as in running.',
    startingPosition:
      'Stand on one foot on the edge of a step, facing a wall. Bend your knee a little. Let your heel hang off the step.',
    steps: [
      'Keep your knee bent the same amount the whole time.',
      'Rise up onto the ball of your foot, as high as you can.',
      'Lower your heel slowly, below the edge of the step.',
      'Do all the reps, then swap legs.',
    ],
    cues: [HEEL_CUE, 'Take 3 seconds to lower.', 'Keep your knee over your toes.'],
    mistakes: ['Straightening your knee as you rise.', 'Dropping fast at the bottom.', 'Letting your ankle roll out.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 15 }, perSide: true, daysPerWeek: 3 },
    easier: ['calf-raise-bent-knee'],
    harder: ['calf-raise-seated-weighted'],
    tags: { regions: ['calf', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands on the right foot on the edge of a step with the knee bent, hands on a wall. The heel drops below the step, then rises onto the ball of the foot.',
      scene: raiseScene({ knee: 35, onStep: true, singleLeg: true, weight: false }, -16, 36),
    },
    clinicianNote: ALFREDSON,
  },
  {
    id: 'calf-raise-seated-weighted',
    name: 'Heavy slow seated calf raise',
    purpose: 'Builds the deep calf muscle (soleus) with a heavy weight, using slow lifts.',
    startingPosition:
      'Sit on a chair. Put the balls of your feet on a thick book or block. Rest a heavy weight on your knees.',
    steps: [
      'Hold the weight steady on your knees.',
      'Lift your heels as high as you can while you count to 3.',
      'Lower your heels while you count to 3.',
    ],
    cues: [
      'Choose a weight that makes the last reps hard.',
      'Move slowly: 3 seconds up and 3 seconds down.',
      'Some ache is fine if it settles by the next morning.',
    ],
    mistakes: ['Rushing the reps.', 'Lifting the weight with your hands.', 'Rocking your body to help.'],
    dosage: {
      sets: 3,
      amount: { kind: 'reps', reps: 15 },
      perSide: false,
      daysPerWeek: 3,
      tempo: { upSeconds: 3, downSeconds: 3 },
    },
    easier: ['calf-raise-bent-knee-single-leg'],
    harder: [],
    tags: { regions: ['calf', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person sits on a chair with the balls of the feet on a block and a dumbbell on the knees, and lifts the heels.',
      scene: {
        start: seatedRaise(-12),
        end: seatedRaise(32),
        props: [
          { kind: 'floor' },
          { kind: 'chair', x: 14, seatHeight: 46, facing: 'right' },
          { kind: 'step', x: 52, width: 26, height: 6 },
          { kind: 'dumbbell', joint: 'rightKnee', offset: { x: -8, y: 9 } },
        ],
        arrows: [{ kind: 'move', joint: 'rightHeel', offset: { x: -9, y: 0 }, trim: 0 }],
      },
    },
    clinicianNote: `${BEYER} Beyer's bent-knee exercise was a seated calf-raise machine; a dumbbell or a loaded backpack on the knees does the same job at home.`,
  },
];
