/**
 * Quadriceps strength (issue 14): a wall sit (a held squat, easy on a sore knee) and a split
 * squat (one leg in front, as in the running stride).
 */
import type { Pose } from '../../pose/pose';
import { forwardKinematics } from '../../pose/pose';
import { placeHand, plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import { ANKLE_HEIGHT, ankleOverBall } from './posing';

const WALL = 0;

/** Back flat on the wall (behind, to the left), knees bent by `knee` degrees, hands on the thighs. */
function wallSit(knee: number): Pose {
  const pelvisX = WALL + 13;
  const thighRun = Math.sin((knee * Math.PI) / 180) * 44;
  const base: Pose = {
    position: { joint: 'pelvis', x: pelvisX, y: ANKLE_HEIGHT + 43 + Math.cos((knee * Math.PI) / 180) * 44 },
    tilt: 0,
    neck: 0,
    right: {},
    left: {},
  };
  let pose = plantFoot(base, 'right', { x: pelvisX + thighRun, y: ANKLE_HEIGHT });
  pose = plantFoot(pose, 'left', { x: pelvisX + thighRun, y: ANKLE_HEIGHT });
  const knees = forwardKinematics(pose).joints.rightKnee;
  pose = placeHand(pose, 'right', { x: knees.x - 12, y: knees.y + 6 });
  return placeHand(pose, 'left', { x: knees.x - 12, y: knees.y + 6 });
}

/** Split stance, left foot flat in front, right foot back on its toes; `drop` lowers the hips. */
function splitSquat(drop: number): Pose {
  const base: Pose = {
    position: { joint: 'pelvis', x: -6, y: 92 - drop },
    tilt: 2,
    right: {},
    left: {},
  };
  let pose = plantFoot(base, 'left', { x: 34, y: ANKLE_HEIGHT });
  const backPitch = -45 - drop * 0.3;
  pose = plantFoot(pose, 'right', ankleOverBall({ x: -58, y: 0 }, backPitch), backPitch);
  pose = { ...pose, right: { ...pose.right, toes: -backPitch * 0.9 } };
  const pelvis = forwardKinematics(pose).joints.pelvis;
  const onHip = { x: pelvis.x + 3, y: pelvis.y + 9 };
  return placeHand(placeHand(pose, 'right', onHip), 'left', onHip);
}

const QUAD_NOTE =
  'ACSM 2009 position stand on resistance training (novice): 1-3 sets of 8-12 repetitions, 2-3 days a week; progress by load (a backpack or dumbbells) when 3 x 12 is easy.';

export const QUADRICEPS_EXERCISES: readonly Exercise[] = [
  {
    id: 'quad-wall-sit',
    name: 'Wall sit',
    purpose: 'Builds strength in the front of your thighs with a steady hold.',
    startingPosition: 'Stand with your back against a wall. Walk your feet out about two foot lengths from the wall.',
    steps: [
      'Slide your back down the wall until your knees bend.',
      'Stop where it feels hard but safe, at most a right angle.',
      'Rest your hands on your thighs.',
      'Hold, and breathe slowly.',
      'Slide back up the wall to rest.',
    ],
    cues: [
      'Keep your knees over your ankles.',
      'Press your whole back into the wall.',
      'Keep any knee pain at 2 out of 10 or less.',
    ],
    mistakes: ['Letting your knees go past your toes.', 'Letting your knees fall in.', 'Holding your breath.'],
    dosage: { sets: 3, amount: { kind: 'hold', seconds: 30 }, perSide: false, daysPerWeek: 3 },
    easier: [],
    harder: ['quad-split-squat'],
    tags: { regions: ['thigh', 'knee'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person sits against a wall with no chair, back flat on the wall, thighs level and knees bent to a right angle, hands on the thighs.',
      scene: {
        start: wallSit(88),
        props: [{ kind: 'floor' }, { kind: 'wall', x: WALL, side: 'left' }],
        arrows: [],
      },
    },
    clinicianNote:
      'Isometric quadriceps hold; the knee angle sets the load (shallower is easier, and often kinder to a sore kneecap). The dose (3 x 30 s, 3 days a week) is a clinic default, not from a trial: add time, then depth, then move on to the split squat.',
  },
  {
    id: 'quad-split-squat',
    name: 'Split squat',
    purpose: 'Builds strength in your thighs and hips, one leg in front as in running.',
    startingPosition:
      'Stand with one foot a long step in front of the other. Lift your back heel. Put your hands on your hips.',
    steps: [
      'Bend both knees and lower your body straight down.',
      'Stop just before your back knee touches the floor.',
      'Push through your front heel to stand back up.',
      'Do all the reps, then swap legs.',
    ],
    cues: [
      'Keep your front knee in line with your second toe.',
      'Keep your upper body tall.',
      'Go only as low as you can without knee pain.',
    ],
    mistakes: ['Letting your front knee fall in.', 'Leaning far forward.', 'Pushing off the back foot.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
    easier: ['quad-wall-sit'],
    harder: [],
    tags: { regions: ['thigh', 'knee', 'hip'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands in a long split stance, hands on hips, back heel up, and lowers straight down until the back knee is just above the floor.',
      scene: {
        start: splitSquat(0),
        end: splitSquat(34),
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'pelvis', offset: { x: -16, y: 0 }, trim: 0 }],
      },
    },
    clinicianNote: QUAD_NOTE,
  },
];
