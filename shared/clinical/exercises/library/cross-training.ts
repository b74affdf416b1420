/**
 * Cross-training for days off running (seed: "cross-training which includes some elements of
 * mobility and strength will greatly enhance the ability to return to running").
 */
import type { Pose } from '../../pose/pose';
import { placeHand, plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import { ankleOverBall } from './posing';

const CROSS_NOTE =
  'Keeps aerobic fitness while running is paused or reduced. Match the time of the run it replaces at an easy to moderate effort (RPE 3-5, can talk in sentences); pain-free throughout.';

const BIKE = {
  saddle: { x: 0, y: 92 },
  handlebar: { x: 62, y: 104 },
  crank: { x: 28, y: 30 },
  crankLength: 17,
  pedalAngle: 35,
};

function cycling(): Pose {
  const base: Pose = {
    position: { joint: 'pelvis', x: BIKE.saddle.x - 2, y: BIKE.saddle.y + 8 },
    tilt: 40,
    neck: -20,
    right: {},
    left: {},
  };
  const a = (BIKE.pedalAngle * Math.PI) / 180;
  const near = { x: BIKE.crank.x + Math.cos(a) * BIKE.crankLength, y: BIKE.crank.y + Math.sin(a) * BIKE.crankLength };
  const far = { x: BIKE.crank.x - Math.cos(a) * BIKE.crankLength, y: BIKE.crank.y - Math.sin(a) * BIKE.crankLength };
  let pose = plantFoot(base, 'right', ankleOverBall(near, -8), -8);
  pose = plantFoot(pose, 'left', ankleOverBall(far, -22), -22);
  pose = placeHand(pose, 'right', { x: BIKE.handlebar.x - 2, y: BIKE.handlebar.y + 1 });
  return placeHand(pose, 'left', { x: BIKE.handlebar.x - 2, y: BIKE.handlebar.y + 1 });
}

/** Front crawl seen from the side: face down, head to the right, near arm reaching forward. */
function swimming(): Pose {
  return {
    position: { joint: 'pelvis', x: 0, y: -6 },
    tilt: 88,
    turn: -15,
    neck: -10,
    right: { hip: 8, knee: 20, ankle: -60, shoulder: -80, shoulderAbduction: 20, elbow: 95 },
    left: { hip: -10, knee: 5, ankle: -60, shoulder: 172, elbow: 5 },
  };
}

const ELLIPTICAL = {
  back: -80,
  front: 78,
  footPlates: [
    { x: 24, y: 32 },
    { x: -22, y: 22 },
  ],
  handles: [
    { x: 36, y: 118 },
    { x: 14, y: 122 },
  ],
};

function elliptical(): Pose {
  const base: Pose = { position: { joint: 'pelvis', x: 0, y: 118 }, tilt: 4, right: {}, left: {} };
  const [nearPlate, farPlate] = ELLIPTICAL.footPlates;
  const [nearHandle, farHandle] = ELLIPTICAL.handles;
  let pose = base;
  if (nearPlate && farPlate && nearHandle && farHandle) {
    pose = plantFoot(pose, 'right', { x: nearPlate.x - 2, y: nearPlate.y + 7 }, 0);
    pose = plantFoot(pose, 'left', { x: farPlate.x + 2, y: farPlate.y + 7 }, -12);
    pose = placeHand(pose, 'right', { x: nearHandle.x, y: nearHandle.y - 2 });
    pose = placeHand(pose, 'left', { x: farHandle.x, y: farHandle.y - 2 });
  }
  return pose;
}

/**
 * Deep-water running seen from the side: upright in the deep end, a float belt at the waist, the
 * legs and arms in a running stride, the feet clear of the pool floor.
 */
function poolRunning(): Pose {
  return {
    position: { joint: 'pelvis', x: 0, y: 100 },
    tilt: 6,
    right: { hip: 65, knee: 95, ankle: -5, shoulder: -35, elbow: 90 },
    left: { hip: -15, knee: 75, ankle: -25, shoulder: 45, elbow: 90 },
  };
}

/**
 * The pain rules for cross-training are the running ones (docs/clinical-sources.md#measures and #stop-and-call):
 * pain at 2 out of 10 or less (Silbernagel's "safe" zone); stop on worse pain or a limp.
 */
export const CROSS_TRAINING_PAIN_RULES = [
  'Keep any pain at 2 out of 10 or less.',
  'Stop if it hurts more, or if you start to limp.',
] as const;

export const CROSS_TRAINING_EXERCISES: readonly Exercise[] = [
  {
    id: 'cross-training-cycling',
    name: 'Cycling on an exercise bike',
    purpose: 'Keeps your heart and legs fit on days you do not run.',
    startingPosition: 'Set the seat so your knee stays a little bent at the bottom.',
    steps: [
      'Warm up with 5 minutes of easy pedalling.',
      'Pedal at a steady, easy pace.',
      'You should be able to talk in full sentences.',
      'Cool down with 5 minutes of easy pedalling.',
    ],
    cues: [
      'Keep your knees in line with your feet.',
      'Push with the ball of your foot.',
      'Sit tall and relax your shoulders.',
      ...CROSS_TRAINING_PAIN_RULES,
    ],
    mistakes: ['Setting the seat too low.', 'Pedalling against a very heavy load.', 'Carrying on when it causes pain.'],
    dosage: { sets: 1, amount: { kind: 'time', minutes: 30 }, perSide: false, daysPerWeek: 3, effort: 4 },
    easier: [],
    harder: [],
    tags: { regions: ['whole-body'], type: 'cross-training' },
    illustration: {
      kind: 'pose',
      description: 'A person rides an exercise bike, hands on the handlebar, feet on the pedals.',
      scene: {
        start: cycling(),
        props: [{ kind: 'floor' }, { kind: 'bike', ...BIKE }],
        arrows: [{ kind: 'arc', center: BIKE.crank, radius: 27, from: 330, to: 200 }],
      },
    },
    clinicianNote: `${CROSS_NOTE} Saddle height: knee flexion about 25-35 degrees at the bottom of the pedal stroke.`,
  },
  {
    id: 'cross-training-swimming',
    name: 'Swimming',
    purpose: 'Keeps you fit on days off, while the water holds your weight.',
    startingPosition: 'Start in the shallow end of the pool.',
    steps: [
      'Warm up with 5 minutes of easy swimming.',
      'Swim at a steady, easy pace, in any stroke that feels good.',
      'Rest at the end of a length when you need to.',
      'Cool down with 5 minutes of easy swimming.',
    ],
    cues: [
      'You should be able to talk between lengths.',
      'Kick from your hips, with loose ankles.',
      'Breathe out slowly under the water.',
      ...CROSS_TRAINING_PAIN_RULES,
    ],
    mistakes: [
      'Kicking hard with stiff legs.',
      'Doing breaststroke kick if it hurts your knee or groin.',
      'Swimming so hard you cannot talk.',
    ],
    dosage: { sets: 1, amount: { kind: 'time', minutes: 30 }, perSide: false, daysPerWeek: 3, effort: 4 },
    easier: [],
    harder: [],
    tags: { regions: ['whole-body'], type: 'cross-training' },
    illustration: {
      kind: 'pose',
      description: 'A person swims front crawl at the water surface, one arm reaching forward, legs kicking.',
      scene: {
        start: swimming(),
        props: [{ kind: 'water', y: 4 }],
        arrows: [{ kind: 'arc', center: { x: 40, y: 0 }, radius: 48, from: 150, to: 30 }],
      },
    },
    clinicianNote: `${CROSS_NOTE} Deep-water running with a flotation belt is an alternative that keeps the running pattern.`,
  },
  {
    id: 'cross-training-elliptical',
    name: 'Elliptical trainer',
    purpose: 'Keeps you fit for running on days off, with little impact.',
    startingPosition: 'Step onto the foot plates and hold the moving handles.',
    steps: [
      'Warm up with 5 minutes at an easy pace.',
      'Stride at a steady, easy pace.',
      'You should be able to talk in full sentences.',
      'Cool down with 5 minutes at an easy pace.',
    ],
    cues: [
      'Stand tall and look ahead.',
      'Push and pull the handles with your arms.',
      'Keep your whole foot on the plate.',
      ...CROSS_TRAINING_PAIN_RULES,
    ],
    mistakes: ['Leaning on the handles.', 'Setting a very heavy resistance.', 'Carrying on when it causes pain.'],
    dosage: { sets: 1, amount: { kind: 'time', minutes: 30 }, perSide: false, daysPerWeek: 3, effort: 4 },
    easier: [],
    harder: [],
    tags: { regions: ['whole-body'], type: 'cross-training' },
    illustration: {
      kind: 'pose',
      description:
        'A person strides on an elliptical trainer, feet on the foot plates and hands on the moving handles.',
      scene: {
        start: elliptical(),
        props: [{ kind: 'floor' }, { kind: 'elliptical', ...ELLIPTICAL }],
        arrows: [{ kind: 'arc', center: { x: 0, y: 27 }, radius: 30, from: 200, to: 340 }],
      },
    },
    clinicianNote: `${CROSS_NOTE} Closest to running mechanics of the three, with low impact.`,
  },
  {
    id: 'cross-training-pool-running',
    name: 'Running in deep water',
    purpose: 'Keeps your running fit on days off, with no impact at all.',
    startingPosition: 'Put on a float belt. Get into the deep end of the pool. Your feet should not touch the floor.',
    steps: [
      'Stay upright, with your head and shoulders above the water.',
      'Run in the water, as you would on land.',
      'Drive your knees forward and swing your arms.',
      'Warm up for 5 minutes at an easy pace, then keep a steady pace.',
      'Cool down with 5 minutes of easy running.',
    ],
    cues: [
      'You should be able to talk in full sentences.',
      'Push the water back with your foot, as if you run on the bottom.',
      ...CROSS_TRAINING_PAIN_RULES,
    ],
    mistakes: [
      'Leaning far forward, like a doggy paddle.',
      'Making tiny, fast steps.',
      'Going in without a float belt.',
    ],
    dosage: { sets: 1, amount: { kind: 'time', minutes: 30 }, perSide: false, daysPerWeek: 3, effort: 4 },
    easier: [],
    harder: [],
    tags: { regions: ['whole-body'], type: 'cross-training' },
    illustration: {
      kind: 'pose',
      description:
        'A person runs upright in deep water with the head and shoulders above the surface, one knee driven forward and the opposite arm swung forward.',
      scene: {
        start: poolRunning(),
        props: [{ kind: 'water', y: 138 }],
        arrows: [{ kind: 'arc', center: { x: 8, y: 62 }, radius: 46, from: 300, to: 200 }],
      },
    },
    clinicianNote: `${CROSS_NOTE} Deep-water running keeps the running pattern with no impact: a bone stress injury's first choice. Match the run's time; effort feels harder in water at the same heart rate. The default (30 minutes, 3 days a week, effort 4) is a clinic default, not from a trial.`,
  },
];
