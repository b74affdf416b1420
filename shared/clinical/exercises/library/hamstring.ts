/**
 * Hamstring strength (issue 14): a held bridge on the heels (an early, isometric step, as in
 * Heiderscheit 2010's first phase after a hamstring strain), then the Nordic hamstring curl
 * (slow lowering: the eccentric load of the injury-prevention trials).
 */
import type { Pose } from '../../pose/pose';
import { plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import { KNEE_RADIUS } from './posing';

const RAD = Math.PI / 180;

/** Lying on the back, head to the left, heels on the floor far out; `lift` cm raises the hips. */
function heelBridge(lift: number): Pose {
  const shoulderY = 9;
  const pelvisY = 12 + lift;
  // Shoulders stay on the floor: the trunk slopes up to the hips (tilt below -90: head lower).
  const slope = Math.asin(Math.min(1, Math.max(0, (pelvisY - shoulderY) / 46))) / RAD;
  const base: Pose = {
    position: { joint: 'pelvis', x: 0, y: pelvisY },
    tilt: -90 - slope,
    neck: 10 + slope * 0.5,
    right: {},
    left: {},
  };
  let pose = plantFoot(base, 'right', { x: 72, y: 8 }, 25);
  pose = plantFoot(pose, 'left', { x: 72, y: 8 }, 25);
  // Arms along the floor by the sides, palms down: level, whatever the trunk's slope.
  const arms = { shoulder: -slope, elbow: 0 };
  return { ...pose, right: { ...pose.right, ...arms }, left: { ...pose.left, ...arms } };
}

const NORDIC_ANKLE_X = -43;

/**
 * Kneeling tall on a mat, the heels held under a low bench; the body leans forward from the
 * knees by `lean` degrees in one straight line, hands ready at the chest to catch the fall.
 */
function nordic(lean: number): Pose {
  const legs = { hip: 0, knee: 90 - lean, ankle: -60 };
  const arms =
    lean > 20
      ? { shoulder: 55 + lean * 0.3, elbow: 70, shoulderAbduction: 10 }
      : { shoulder: 20, elbow: 120, shoulderAbduction: 10 };
  return {
    position: { joint: 'rightKnee', x: 0, y: KNEE_RADIUS },
    tilt: lean,
    neck: lean > 20 ? -15 : 0,
    right: { ...legs, ...arms },
    left: { ...legs, ...arms },
  };
}

export const HAMSTRING_EXERCISES: readonly Exercise[] = [
  {
    id: 'hamstring-bridge-heels',
    name: 'Bridge hold on your heels',
    purpose: 'Wakes up the back of your thigh with a steady hold. It is an early step after a strain.',
    startingPosition:
      'Lie on your back on a mat. Put your heels on the floor, well out from your bottom. Keep your knees a little bent.',
    steps: [
      'Dig your heels into the floor and pull them toward you.',
      'Lift your hips off the floor.',
      'Hold your hips up, and breathe slowly.',
      'Lower your hips to rest.',
    ],
    cues: [
      'You feel the work in the back of your thigh.',
      'Push only as hard as feels safe.',
      'Keep any pain at 2 out of 10 or less.',
    ],
    mistakes: ['Arching your low back to lift higher.', 'Holding your breath.', 'Carrying on if you get a cramp.'],
    dosage: { sets: 3, amount: { kind: 'hold', seconds: 20 }, perSide: false, daysPerWeek: 3 },
    easier: [],
    harder: ['hamstring-nordic-curl'],
    tags: { regions: ['thigh', 'hip'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person lies on the back with the heels on the floor far out and the knees a little bent, and lifts the hips.',
      scene: {
        start: heelBridge(0),
        end: heelBridge(24),
        props: [{ kind: 'floor' }, { kind: 'mat', x: -75, width: 170 }],
        arrows: [{ kind: 'move', joint: 'pelvis', offset: { x: 0, y: -4 }, trim: 0 }],
      },
    },
    clinicianNote:
      'Isometric hamstring loading for the first phase after a strain: Heiderscheit 2010 (JOSPT 40:67) starts with pain-free submaximal isometrics, and its phase 1 to 2 gate includes pain-free isometric knee flexion at 90 degrees lying prone. The hold dose (3 x 20 s, 3 days a week) is a clinic default, not from a trial: progress the hold, then the knee angle (straighter is harder), then one leg.',
  },
  {
    id: 'hamstring-nordic-curl',
    name: 'Nordic hamstring curl',
    purpose: 'Builds strength in the back of your thigh as it lengthens. This helps stop strains.',
    startingPosition:
      'Kneel tall on a soft mat. Hook your heels under a low, heavy bench or sofa. Or ask a partner to hold your ankles down.',
    steps: [
      'Keep your body straight from your knees to your head.',
      'Lean forward slowly, as slowly as you can.',
      'Fight the fall with the back of your thighs.',
      'When you can not hold it, catch yourself with your hands.',
      'Push off the floor with your hands to come back up.',
    ],
    cues: [
      'Squeeze your buttocks so your hips stay straight.',
      'Take at least 3 seconds to go down.',
      'Some ache the next day is normal at first.',
    ],
    mistakes: [
      'Bending at the hips as you go down.',
      'Dropping fast at the start.',
      'Doing more sets than your plan says in the first weeks.',
    ],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 5 }, perSide: false, daysPerWeek: 1 },
    easier: ['hamstring-bridge-heels'],
    harder: [],
    tags: { regions: ['thigh', 'knee'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person kneels tall on a mat with the heels held under a low bench, and leans forward slowly in one straight line from the knees to the head.',
      scene: {
        start: nordic(0),
        end: nordic(55),
        props: [
          { kind: 'floor' },
          { kind: 'mat', x: NORDIC_ANKLE_X - 30, width: 140 },
          { kind: 'bench', x: NORDIC_ANKLE_X - 22, width: 36, height: 22 },
        ],
        arrows: [{ kind: 'move', joint: 'head', bend: -0.3, offset: { x: 6, y: 8 } }],
      },
    },
    clinicianNote:
      "Eccentric dose after Petersen 2011 (Am J Sports Med 39:2296), the programme van der Horst 2015 (Am J Sports Med 43:1316) also used: week 1 one session of 2 x 5; week 2 two sessions of 2 x 6; week 3 three sessions of 3 x 6-8; week 4 three sessions of 3 x 8-10; weeks 5-10 three sessions of 3 sets of 12, 10 and 8; then once a week to keep the gain. The default here is week 1; raise it in the patient's prescription week by week. Expect muscle soreness in the first 2 weeks.",
  },
];
