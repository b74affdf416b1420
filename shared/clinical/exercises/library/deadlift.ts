/**
 * Single-leg deadlift family (seed: "helps increase hamstring mobility, improves balance,
 * strengthens hip extensor in a lengthened position and back strength").
 */
import type { Pose } from '../../pose/pose';
import { plantFoot } from '../../pose/solve';
import { ankleOverBall } from './posing';
import type { Exercise } from '../exercise';

const SLD_NOTE =
  'Seed cues: soft knee, hinge at the hip, flat back, hips level. Load progression: bodyweight, then a dumbbell or kettlebell in the hand opposite the standing leg.';

/**
 * Standing on the left leg (the far one), hinging forwards by `hinge` degrees with the right leg
 * reaching back in line with the trunk. Arms hang straight down from the shoulders.
 */
function singleLeg(hinge: number, stanceKnee: number): Pose {
  const backLift = hinge * 0.95;
  const stanceHip = hinge + stanceKnee * 0.5;
  const pose: Pose = {
    position: { joint: 'leftHeel', x: 0, y: 0 },
    tilt: hinge,
    neck: hinge > 30 ? -10 : 0,
    right: {
      hip: hinge - backLift,
      knee: hinge > 30 ? 4 : 60,
      ankle: hinge > 30 ? 0 : -15,
      shoulder: hinge,
      elbow: 5,
    },
    left: { hip: stanceHip, knee: stanceKnee, shoulder: hinge, elbow: 5 },
  };
  return { ...pose, left: { ...pose.left, ankle: 0 - (-hinge + stanceHip - stanceKnee) } };
}

/** Kickstand stance: most weight on the left foot in front, right toes on the floor behind. */
function staggered(hinge: number): Pose {
  const base: Pose = {
    position: { joint: 'pelvis', x: -4 - hinge * 0.35, y: 91 - hinge * 0.12 },
    tilt: hinge,
    neck: hinge > 30 ? -10 : 0,
    right: { shoulder: hinge, elbow: 5 },
    left: { shoulder: hinge, elbow: 5 },
  };
  let pose = plantFoot(base, 'left', { x: 5, y: 7 });
  pose = plantFoot(pose, 'right', ankleOverBall({ x: -16, y: 0 }, -45), -45);
  pose = { ...pose, right: { ...pose.right, toes: 45 } };
  return pose;
}

export const DEADLIFT_EXERCISES: readonly Exercise[] = [
  {
    id: 'deadlift-staggered-stance',
    name: 'Staggered-stance deadlift',
    purpose: 'Strengthens the back of your hip and thigh, with a little help for balance.',
    startingPosition:
      'Stand with most of your weight on one foot. Put the toes of your other foot on the floor just behind it.',
    steps: [
      'Bend your front knee a little.',
      'Push your hips back and tip your upper body forward.',
      'Keep your back flat and let your hands slide down your front leg.',
      'Stop when you feel a pull at the back of your thigh.',
      'Squeeze your buttock and stand tall again.',
      'Do all the reps, then swap legs.',
    ],
    cues: [
      'Move from your hips, like closing a drawer with your bottom.',
      'Keep your back foot light: it is only for balance.',
      'Keep your hips level.',
    ],
    mistakes: [
      'Rounding your back.',
      'Bending the front knee a lot, like a squat.',
      'Pushing down through the back foot.',
    ],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
    easier: [],
    harder: ['deadlift-single-leg'],
    tags: { regions: ['hip', 'trunk'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands with the weight on the front foot and the back toes down. They hinge forward at the hips with a flat back.',
      scene: {
        start: staggered(0),
        end: staggered(72),
        // Beside: hinged over its own standing leg, the end pose would hide behind the start.
        beside: 95,
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'head', bend: -0.3, offset: { x: 4, y: 10 } }],
      },
    },
    clinicianNote: `${SLD_NOTE} The back foot acts as a kickstand: the easier step before full single-leg stance.`,
  },
  {
    id: 'deadlift-single-leg',
    name: 'Single-leg deadlift',
    purpose: 'Strengthens the back of your hip and thigh, and your balance on one leg.',
    startingPosition: 'Stand on one leg with the knee a little soft. Let your arms hang down.',
    steps: [
      'Push your hips back and tip your upper body forward.',
      'At the same time, reach your other leg straight back.',
      'Keep your back flat, from your head to your back heel.',
      'Go down until you feel a pull at the back of your thigh.',
      'Squeeze your buttock and stand tall again.',
      'Do all the reps, then swap legs.',
    ],
    cues: [
      'Your body and back leg move together, like a see-saw.',
      'Point the toes of your back foot down to the floor.',
      'Keep your hips level, facing the floor.',
    ],
    mistakes: [
      'Rounding your back to reach lower.',
      'Letting the hip of your back leg twist up and open.',
      'Locking the standing knee straight.',
    ],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
    easier: ['deadlift-staggered-stance'],
    harder: ['deadlift-single-leg-weighted'],
    tags: { regions: ['hip', 'trunk'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands on the left leg and hinges forward. The trunk and the straight right leg form one line, level with the floor.',
      scene: {
        start: singleLeg(0, 8),
        end: singleLeg(78, 18),
        props: [{ kind: 'floor' }],
        arrows: [
          { kind: 'move', joint: 'head', bend: -0.3, offset: { x: 4, y: 12 } },
          { kind: 'move', joint: 'rightHeel', bend: 0.3, offset: { x: -6, y: 0 } },
        ],
      },
    },
    clinicianNote: SLD_NOTE,
  },
  {
    id: 'deadlift-single-leg-weighted',
    name: 'Single-leg deadlift with a weight',
    purpose: 'Builds more strength at the back of your hip and thigh, on one leg.',
    startingPosition: 'Stand on one leg with the knee a little soft. Hold a weight in the hand on the other side.',
    steps: [
      'Push your hips back and tip your upper body forward.',
      'At the same time, reach your other leg straight back.',
      'Let the weight hang straight down from your shoulder.',
      'Go down until you feel a pull at the back of your thigh.',
      'Squeeze your buttock and stand tall again.',
      'Do all the reps, then swap sides.',
    ],
    cues: [
      'Choose a weight you can lift 10 times with good form.',
      'Keep the weight close to your standing leg.',
      'Keep your back flat and your hips level.',
    ],
    mistakes: [
      'Rounding your back to reach lower.',
      'Letting the weight swing away from your body.',
      'Letting the hip of your back leg twist up and open.',
    ],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 8 }, perSide: true, daysPerWeek: 2 },
    easier: ['deadlift-single-leg'],
    harder: [],
    tags: { regions: ['hip', 'trunk'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands on the left leg holding a dumbbell in the right hand. They hinge forward with the right leg reaching back in line with the trunk.',
      scene: {
        start: singleLeg(0, 8),
        end: singleLeg(78, 18),
        props: [{ kind: 'floor' }, { kind: 'dumbbell', joint: 'rightHand' }],
        arrows: [
          { kind: 'move', joint: 'head', bend: -0.3, offset: { x: 4, y: 12 } },
          { kind: 'move', joint: 'rightHeel', bend: 0.3, offset: { x: -6, y: 0 } },
        ],
      },
    },
    clinicianNote: `${SLD_NOTE} Weight in the hand opposite the standing leg loads the hip's frontal-plane control.`,
  },
];
