/**
 * Plank family (seed: "plank variations ... progressing to a plank that requires the adductor and
 * glute muscles will be more specific to running"): front plank, side plank, Copenhagen plank.
 */
import type { Pose } from '../../pose/pose';
import { forwardKinematics } from '../../pose/pose';
import { abductionToward } from '../../pose/solve';
import { distance, vec } from '../../pose/vector';
import type { Exercise } from '../exercise';
import { SHIN, solve, THIGH } from './posing';

const ELBOW = { x: 0, y: 4.5 };

/** Face down on the forearms, body straight from the knees (`onKnees`) or the toes to the head. */
function frontPlank(onKnees: boolean): Pose {
  const make = (tilt: number): Pose => ({
    position: { joint: 'rightElbow', x: ELBOW.x, y: ELBOW.y },
    tilt,
    neck: -5,
    right: onKnees ? { knee: 105, ankle: -40, shoulder: tilt, elbow: 90 } : { ankle: 5, shoulder: tilt, elbow: 90 },
    left: onKnees ? { knee: 105, ankle: -40, shoulder: tilt, elbow: 90 } : { ankle: 5, shoulder: tilt, elbow: 90 },
  });
  const support = (p: Pose) =>
    onKnees ? forwardKinematics(p).joints.rightKnee.y : forwardKinematics(p).joints.rightToe.y;
  return make(solve((t) => support(make(t)), onKnees ? 6 : 2.5, 60, 95));
}

/**
 * Lying on the left side, facing the viewer, propped on the left forearm; head to the right.
 * `lifted` is the plank (body straight); otherwise the start, hips on the floor. Knees bent to
 * a right angle when `onKnees`.
 */
function sidePlank(lifted: boolean, onKnees: boolean): Pose {
  const legs = onKnees ? { hip: 15, knee: 100, ankle: -60 } : { ankle: -10 };
  const make = (tilt: number, bendUp: number): Pose => ({
    position: { joint: 'leftElbow', x: ELBOW.x, y: ELBOW.y },
    tilt,
    turn: 90,
    // Seen a little from the feet end when kneeling, so the bent shins show.
    spin: onKnees ? -35 : 0,
    right: { ...legs, hipAbduction: bendUp, shoulder: -5, shoulderAbduction: 10, elbow: 30 },
    left: { ...legs, hipAbduction: -bendUp, shoulderAbduction: tilt, elbow: 90 },
  });
  // The lowest point of the legs rests on the floor: the knees, or the side of the bottom foot.
  const contact = (p: Pose) => {
    const j = forwardKinematics(p).joints;
    return onKnees ? j.leftKnee.y : Math.min(j.leftAnkle.y, j.leftHeel.y);
  };
  const floor = onKnees ? 6 : 5;
  const plankTilt = solve((t) => contact(make(t, 0)), floor, 50, 89);
  if (lifted) return make(plankTilt, 0);
  // Hips down: the trunk slopes more steeply to the floor and the legs bend up at the hips to lie flat.
  const trunkTilt = plankTilt - 16;
  return make(
    trunkTilt,
    solve((b) => -contact(make(trunkTilt, b)), -floor, 0, 40),
  );
}

/**
 * Copenhagen plank: lying on the left side on the left forearm, head to the right, the top
 * (right) leg on a bench at the knee (short lever) or the ankle (long lever). `lifted` is the
 * plank, the bottom leg brought up under the bench; otherwise the start, hips and bottom leg
 * on the floor.
 */
function copenhagen(lifted: boolean, lever: 'short' | 'long'): Pose {
  const supportJoint = lever === 'short' ? 'rightKnee' : 'rightAnkle';
  const make = (tilt: number, rightAbduction: number, leftAbduction: number): Pose => ({
    position: { joint: 'leftElbow', x: ELBOW.x, y: ELBOW.y },
    tilt,
    turn: 90,
    right: {
      hipAbduction: rightAbduction,
      ankle: -15,
      shoulder: -5,
      shoulderAbduction: 10,
      elbow: 30,
    },
    left: { hipAbduction: leftAbduction, ankle: -15, shoulderAbduction: tilt, elbow: 90 },
  });
  const plankTilt = solve(
    (t) => forwardKinematics(make(t, 0, 0)).joints[supportJoint].y,
    supportHeight(lever),
    60,
    120,
  );
  const plank = make(plankTilt, 0, 0);
  if (lifted) return plank;
  // Hips down, the top leg still on the bench, the bottom leg along the floor. The trunk drops
  // until the straight top leg just spans from its hip to the bench.
  const onBench = forwardKinematics(plank).joints[supportJoint];
  const legLength = lever === 'short' ? THIGH : THIGH + SHIN;
  const draftAt = (t: number) => make(t, 0, 0);
  const hipToBench = (t: number) => distance(forwardKinematics(draftAt(t)).joints.rightHip, vec(onBench.x, onBench.y));
  const tilt = Math.max(
    plankTilt - 30,
    solve((t) => -hipToBench(t), -legLength, plankTilt - 40, plankTilt),
  );
  const draft = draftAt(tilt);
  const hip = forwardKinematics(draft).joints.leftHip;
  const toBench = abductionToward(draft, 'right', 'leg', onBench);
  const onFloor = abductionToward(draft, 'left', 'leg', { x: hip.x - 80, y: 5 });
  return make(tilt, toBench, onFloor);
}

const BENCH_TOP = 46;
const BENCH_WIDTH = 34;

/** Height of the supported joint's centre when it rests on the bench. */
function supportHeight(lever: 'short' | 'long'): number {
  return lever === 'short' ? BENCH_TOP + 6 : BENCH_TOP + 4.5;
}

/** The bench sits under the supported joint of the plank position. */
function benchUnder(lever: 'short' | 'long') {
  const joint = forwardKinematics(copenhagen(true, lever)).joints[lever === 'short' ? 'rightKnee' : 'rightAnkle'];
  return {
    kind: 'bench' as const,
    x: joint.x - BENCH_WIDTH / 2 + (lever === 'short' ? 0 : 6),
    width: BENCH_WIDTH,
    height: BENCH_TOP,
  };
}

const PLANK_NOTE = 'Isometric trunk hold. Progress the hold time first, then the lever.';
const COPENHAGEN_NOTE =
  'Harøy 2019 Adductor Strengthening Programme: Copenhagen adduction 3 times a week in pre-season (once a week in season), building from 3-5 to 12-15 reps a side. Short lever (knee on the bench) before long lever (ankle on the bench). Pain above 3/10: step down to the easier level.';

export const PLANK_EXERCISES: readonly Exercise[] = [
  {
    id: 'plank-front-knees',
    name: 'Front plank on knees',
    purpose: 'Builds a strong, steady trunk to carry your stride.',
    startingPosition: 'Lie on your front. Rest on your forearms with your elbows under your shoulders.',
    steps: [
      'Tighten your tummy, as if you brace for a poke.',
      'Lift your hips. Make a straight line from your knees to your head.',
      'Keep your knees on the floor.',
      'Hold, and breathe slowly.',
      'Lower your hips to rest.',
    ],
    cues: [
      'Keep your back flat, like a table top.',
      'Look at the floor just in front of your hands.',
      'Squeeze your buttocks.',
    ],
    mistakes: ['Letting your hips sag.', 'Pushing your bottom up high.', 'Holding your breath.'],
    dosage: { sets: 3, amount: { kind: 'hold', seconds: 20 }, perSide: false, daysPerWeek: 3 },
    easier: [],
    harder: ['plank-front'],
    tags: { regions: ['trunk'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person holds a plank on the forearms and knees, elbows under the shoulders, body straight from the knees to the head.',
      scene: { start: frontPlank(true), props: [{ kind: 'floor' }], arrows: [] },
    },
    clinicianNote: PLANK_NOTE,
  },
  {
    id: 'plank-front',
    name: 'Front plank',
    purpose: 'Builds a strong, steady trunk to carry your stride.',
    startingPosition:
      'Lie on your front. Rest on your forearms with your elbows under your shoulders. Tuck your toes under.',
    steps: [
      'Tighten your tummy, as if you brace for a poke.',
      'Lift your knees and hips off the floor.',
      'Make a straight line from your heels to your head.',
      'Hold, and breathe slowly.',
      'Lower your knees to rest.',
    ],
    cues: ['Keep your back flat, like a table top.', 'Push your heels back.', 'Squeeze your buttocks.'],
    mistakes: ['Letting your hips sag.', 'Pushing your bottom up high.', 'Holding your breath.'],
    dosage: { sets: 3, amount: { kind: 'hold', seconds: 30 }, perSide: false, daysPerWeek: 3 },
    easier: ['plank-front-knees'],
    harder: ['plank-side-knees'],
    tags: { regions: ['trunk'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person holds a plank on the forearms and toes, elbows under the shoulders, body straight from the heels to the head.',
      scene: { start: frontPlank(false), props: [{ kind: 'floor' }], arrows: [] },
    },
    clinicianNote: PLANK_NOTE,
  },
  {
    id: 'plank-side-knees',
    name: 'Side plank on knees',
    purpose: 'Strengthens your side and hip, to keep your hips level as you run.',
    startingPosition:
      'Lie on your side with your knees bent behind you. Rest on your forearm with your elbow under your shoulder.',
    steps: [
      'Tighten your tummy.',
      'Lift your hips off the floor.',
      'Make a straight line from your knees to your head.',
      'Hold, and breathe slowly.',
      'Lower your hips, then swap sides.',
    ],
    cues: ['Keep your elbow right under your shoulder.', 'Push your top hip forward a little.', 'Keep your neck long.'],
    mistakes: ['Letting your hips sag to the floor.', 'Rolling your top shoulder forward.', 'Holding your breath.'],
    dosage: { sets: 3, amount: { kind: 'hold', seconds: 20 }, perSide: true, daysPerWeek: 3 },
    easier: ['plank-front'],
    harder: ['plank-side'],
    tags: { regions: ['trunk', 'hip'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person holds a side plank on the left forearm and knees, knees bent behind, body straight from the knees to the head.',
      scene: { start: sidePlank(true, true), props: [{ kind: 'floor' }], arrows: [] },
    },
    clinicianNote: `${PLANK_NOTE} Lateral chain: quadratus lumborum, obliques and gluteus medius.`,
  },
  {
    id: 'plank-side',
    name: 'Side plank',
    purpose: 'Strengthens your side and hip, to keep your hips level as you run.',
    startingPosition:
      'Lie on your side with your legs straight and your feet stacked. Rest on your forearm with your elbow under your shoulder.',
    steps: [
      'Tighten your tummy.',
      'Lift your hips off the floor.',
      'Make a straight line from your feet to your head.',
      'Hold, and breathe slowly.',
      'Lower your hips, then swap sides.',
    ],
    cues: [
      'Keep your elbow right under your shoulder.',
      'Push your hips up and a little forward.',
      'Keep your neck long.',
    ],
    mistakes: ['Letting your hips sag to the floor.', 'Bending at the hips.', 'Holding your breath.'],
    dosage: { sets: 3, amount: { kind: 'hold', seconds: 30 }, perSide: true, daysPerWeek: 3 },
    easier: ['plank-side-knees'],
    harder: ['copenhagen-short-lever'],
    tags: { regions: ['trunk', 'hip'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person holds a side plank on the left forearm and the side of the feet, body straight from the feet to the head.',
      scene: { start: sidePlank(true, false), props: [{ kind: 'floor' }], arrows: [] },
    },
    clinicianNote: `${PLANK_NOTE} Lateral chain: quadratus lumborum, obliques and gluteus medius.`,
  },
  {
    id: 'copenhagen-short-lever',
    name: 'Copenhagen plank, short lever',
    purpose: 'Strengthens the muscles on the inside of your thigh (groin) and your trunk.',
    startingPosition:
      'Lie on your side next to a bench. Rest on your forearm with your elbow under your shoulder. Put the inside of your top knee on the bench.',
    steps: [
      'Press your top knee down into the bench.',
      'Lift your hips until your body is straight.',
      'Bring your bottom leg up to touch the bench.',
      'Lower your hips and bottom leg slowly to the floor.',
      'Do all the reps, then swap sides.',
    ],
    cues: [
      'Lift for a count of 3 and lower for a count of 3.',
      'Keep your body in one straight line at the top.',
      'Breathe out as you lift.',
    ],
    mistakes: [
      'Bending at the hips.',
      'Dropping down fast.',
      'Carrying on when groin pain is above 3 out of 10. Use the easier version instead.',
    ],
    dosage: { sets: 1, amount: { kind: 'reps', reps: 5 }, perSide: true, daysPerWeek: 3 },
    easier: ['plank-side'],
    harder: ['copenhagen-long-lever'],
    tags: { regions: ['groin', 'hip', 'trunk'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person lies on the left side on the left forearm with the top knee on a bench. The hips lift until the body is straight and the bottom leg rises to the bench.',
      scene: {
        start: copenhagen(false, 'short'),
        end: copenhagen(true, 'short'),
        props: [{ kind: 'floor' }, benchUnder('short')],
        arrows: [{ kind: 'move', joint: 'pelvis', offset: { x: 4, y: 0 } }],
      },
    },
    clinicianNote: COPENHAGEN_NOTE,
  },
  {
    id: 'copenhagen-long-lever',
    name: 'Copenhagen plank, long lever',
    purpose: 'Builds more strength on the inside of your thigh (groin) and in your trunk.',
    startingPosition:
      'Lie on your side next to a bench. Rest on your forearm with your elbow under your shoulder. Put the inside of your top ankle on the bench.',
    steps: [
      'Keep your top leg straight and press it down into the bench.',
      'Lift your hips until your body is straight.',
      'Bring your bottom leg up to touch the bench.',
      'Lower your hips and bottom leg slowly to the floor.',
      'Do all the reps, then swap sides.',
    ],
    cues: [
      'Lift for a count of 3 and lower for a count of 3.',
      'Keep your body in one straight line at the top.',
      'Breathe out as you lift.',
    ],
    mistakes: [
      'Bending at the hips.',
      'Dropping down fast.',
      'Carrying on when groin pain is above 3 out of 10. Use the short lever instead.',
    ],
    dosage: { sets: 1, amount: { kind: 'reps', reps: 8 }, perSide: true, daysPerWeek: 3 },
    easier: ['copenhagen-short-lever'],
    harder: [],
    tags: { regions: ['groin', 'hip', 'trunk'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person lies on the left side on the left forearm with the top ankle on a bench. The hips lift until the body is straight and the bottom leg rises to the bench.',
      scene: {
        start: copenhagen(false, 'long'),
        end: copenhagen(true, 'long'),
        props: [{ kind: 'floor' }, benchUnder('long')],
        arrows: [{ kind: 'move', joint: 'pelvis', offset: { x: 4, y: 0 } }],
      },
    },
    clinicianNote: COPENHAGEN_NOTE,
  },
];
