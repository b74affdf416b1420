/** Ankle mobility (seed: "increasing dorsiflexion, the ability to bring your foot towards your shin"). */
import type { Pose } from '../../pose/pose';
import { forwardKinematics } from '../../pose/pose';
import { placeHand, plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import { along, ANKLE_HEIGHT, KNEE_RADIUS, SHIN, THIGH } from './posing';

const WALL = 60;

/**
 * Lunge stance facing a wall: right foot in front, its toes 10 cm from the wall; left foot back.
 * The front shin leans `shinLean` degrees towards the wall; the hips follow the knee.
 */
function kneeToWall(shinLean: number, thighLean: number): Pose {
  const frontAnkle = { x: WALL - 10 - 20, y: ANKLE_HEIGHT };
  const knee = along(frontAnkle, SHIN, shinLean);
  const hip = along(knee, THIGH, -thighLean);
  const base: Pose = { position: { joint: 'pelvis', x: hip.x, y: hip.y }, tilt: 6, right: {}, left: {} };
  let pose = plantFoot(base, 'right', frontAnkle);
  pose = plantFoot(pose, 'left', { x: frontAnkle.x - 62, y: 9 }, -16);
  pose = placeHand(pose, 'right', { x: WALL - 5, y: 128 });
  return placeHand(pose, 'left', { x: WALL - 5, y: 124 });
}

/** Left knee down, right foot flat in front; the left thigh leans forward as the right knee rocks. */
function halfKneelingRock(backThighLean: number): Pose {
  const backKnee = { x: 0, y: KNEE_RADIUS };
  const hip = along(backKnee, THIGH, backThighLean);
  const base: Pose = {
    position: { joint: 'pelvis', x: hip.x, y: hip.y },
    tilt: 0,
    right: {},
    left: { hip: -backThighLean, knee: 105 - backThighLean, ankle: -25 },
  };
  let pose = plantFoot(base, 'right', { x: 52, y: ANKLE_HEIGHT });
  const knee = forwardKinematics(pose).joints.rightKnee;
  pose = placeHand(pose, 'right', { x: knee.x + 1, y: knee.y + 8 });
  return placeHand(pose, 'left', { x: knee.x - 2, y: knee.y + 9 });
}

export const ANKLE_EXERCISES: readonly Exercise[] = [
  {
    id: 'ankle-half-kneeling-rock',
    name: 'Half-kneeling ankle rock',
    purpose: 'Loosens a stiff ankle so your knee can travel over your toes.',
    startingPosition: 'Kneel on one knee on a soft mat. Put the other foot flat in front of you.',
    steps: [
      'Put your hands on your front knee.',
      'Keep your front heel flat on the floor.',
      'Rock your front knee forward, past your toes.',
      'Hold for 2 seconds, then rock back.',
      'Do all the reps, then swap legs.',
    ],
    cues: ['Your heel stays down the whole time.', 'Your knee moves in line with your second toe.'],
    mistakes: [
      'Letting the heel lift off the floor.',
      'Letting the knee fall in toward the other leg.',
      'Bouncing at the end of the move.',
    ],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 7 },
    easier: [],
    harder: ['ankle-knee-to-wall'],
    tags: { regions: ['ankle', 'calf'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'A person kneels on the left knee with the right foot flat in front. The right knee moves forward past the toes while the heel stays down.',
      scene: {
        start: halfKneelingRock(0),
        end: halfKneelingRock(16),
        props: [{ kind: 'floor' }, { kind: 'mat', x: -60, width: 130 }],
        arrows: [{ kind: 'move', joint: 'rightKnee', offset: { x: 0, y: 16 }, trim: 0 }],
      },
    },
    clinicianNote:
      'Unloaded start for weight-bearing dorsiflexion. Progress to knee-to-wall when the patient can rock past the toes without heel lift.',
  },
  {
    id: 'ankle-knee-to-wall',
    name: 'Knee-to-wall ankle stretch',
    purpose: 'Improves how far your ankle bends, so your foot can move toward your shin.',
    startingPosition:
      'Stand facing a wall in a small lunge. Your front toes are a hand width from the wall. Rest your hands on the wall.',
    steps: [
      'Keep your front heel flat on the floor.',
      'Bend your front knee and push it forward to touch the wall.',
      'Hold for 2 seconds, then bring the knee back.',
      'If this is easy, move your foot back a little.',
      'Do all the reps, then swap legs.',
    ],
    cues: ['Your heel stays down.', 'Aim your knee over your second toe.', 'You feel a stretch in your calf or ankle.'],
    mistakes: [
      'Letting the heel lift to reach the wall.',
      'Letting the knee fall inward.',
      'Pushing into sharp pain at the front of the ankle.',
    ],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 7 },
    easier: ['ankle-half-kneeling-rock'],
    harder: [],
    tags: { regions: ['ankle', 'calf'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands in a lunge facing a wall, hands on the wall. The front knee moves forward to touch the wall while the front heel stays flat.',
      scene: {
        start: kneeToWall(10, 18),
        end: kneeToWall(34, 34),
        props: [{ kind: 'floor' }, { kind: 'wall', x: WALL, side: 'right' }],
        arrows: [{ kind: 'move', joint: 'rightKnee', offset: { x: 0, y: 12 }, trim: 0 }],
      },
    },
    clinicianNote:
      'Weight-bearing lunge test as an exercise. Measure the toe-to-wall distance in cm (1 cm is about 3.6 degrees of dorsiflexion) and compare sides.',
  },
];
